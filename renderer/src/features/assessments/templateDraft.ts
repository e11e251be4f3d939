// Editing a template's framework in the app: keys for new dimensions and items, and the text
// forms of per-level guidance and evidence prompts (one line each).
import type { Framework } from '../../../../shared/contract/assessments';

export function slugKey(text: string, taken: ReadonlySet<string>): string {
  const base =
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'item';
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
  return key;
}

export function allKeys(framework: Framework): Set<string> {
  return new Set(framework.dimensions.flatMap((d) => [d.key, ...d.items.map((i) => i.key)]));
}

export function addDimension(framework: Framework, name: string): Framework {
  const taken = allKeys(framework);
  const key = slugKey(name, taken);
  const itemKey = slugKey(`${key}-1`, new Set([...taken, key]));
  return {
    ...framework,
    dimensions: [...framework.dimensions, { key, name, description: '', weight: 1, items: [{ key: itemKey, statement: 'New statement', guidance: [], evidencePrompts: [] }] }],
  };
}

export function addItem(framework: Framework, dimensionIndex: number): Framework {
  const dimension = framework.dimensions[dimensionIndex]!;
  const key = slugKey(`${dimension.key}-${dimension.items.length + 1}`, allKeys(framework));
  return updateDimension(framework, dimensionIndex, { items: [...dimension.items, { key, statement: 'New statement', guidance: [], evidencePrompts: [] }] });
}

export function updateDimension(framework: Framework, index: number, patch: Partial<Framework['dimensions'][number]>): Framework {
  return { ...framework, dimensions: framework.dimensions.map((d, i) => (i === index ? { ...d, ...patch } : d)) };
}

export function updateItem(framework: Framework, dimensionIndex: number, itemIndex: number, patch: Partial<Framework['dimensions'][number]['items'][number]>): Framework {
  const dimension = framework.dimensions[dimensionIndex]!;
  return updateDimension(framework, dimensionIndex, { items: dimension.items.map((item, i) => (i === itemIndex ? { ...item, ...patch } : item)) });
}

/** A dimension can only go when no stage rule needs it; the core refuses it otherwise, this says why first. */
export function removeDimension(framework: Framework, index: number): Framework {
  const key = framework.dimensions[index]!.key;
  return {
    ...framework,
    dimensions: framework.dimensions.filter((_, i) => i !== index),
    stages: framework.stages.map((s) => ({ ...s, rules: s.rules.filter((r) => r.kind !== 'dimensionLevel' || r.dimensionKey !== key) })),
  };
}

/** Lines of a textarea, blank lines dropped at the end only (guidance keeps its level positions). */
export function linesOf(text: string): string[] {
  const lines = text.split('\n').map((l) => l.trim());
  while (lines.length && lines.at(-1) === '') lines.pop();
  return lines;
}

/** A core issue path such as `framework.dimensions.0.items.2.statement`, in the editor's words. */
export function issuePlace(framework: Framework, path: string): string {
  const parts = path.replace(/^framework\./, '').split('.');
  const words: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const index = Number(parts[i + 1]);
    if (part === 'dimensions' && Number.isInteger(index)) {
      words.push(`dimension "${framework.dimensions[index]?.name || index + 1}"`);
      i++;
    } else if (part === 'items' && Number.isInteger(index)) {
      words.push(`item ${index + 1}`);
      i++;
    } else if (part === 'stages' && Number.isInteger(index)) {
      words.push(`stage "${framework.stages[index]?.name || index + 1}"`);
      i++;
    } else if ((part === 'rules' || part === 'levels') && Number.isInteger(index)) {
      words.push(`${part === 'rules' ? 'rule' : 'level'} ${index + 1}`);
      i++;
    } else if (part !== 'scale') words.push(part === 'dimensionKey' ? 'dimension' : part);
    else words.push('scale');
  }
  return words.join(' › ');
}
