// The answering screen's rules, as pure functions: which key does what, where to resume, progress.
import type { Answer, Framework, NonAnswer } from '../../../../shared/contract/assessments';

export type KeyAction = { kind: 'level'; level: number } | { kind: 'nonAnswer'; nonAnswer: NonAnswer } | { kind: 'clear' } | { kind: 'move'; by: 1 | -1 };

/** Number keys pick the n-th level of the scale, D/0 "don't know", N "not applicable", arrows and Enter move. */
export function keyAction(key: string, framework: Pick<Framework, 'scale'>): KeyAction | null {
  const levels = framework.scale.levels;
  if (/^[1-9]$/.test(key)) {
    const level = levels[Number(key) - 1];
    return level ? { kind: 'level', level: level.value } : null;
  }
  switch (key.toLowerCase()) {
    case 'd':
    case '0':
      return { kind: 'nonAnswer', nonAnswer: 'dont_know' };
    case 'n':
      return { kind: 'nonAnswer', nonAnswer: 'not_applicable' };
    case 'backspace':
    case 'delete':
      return { kind: 'clear' };
    case 'arrowdown':
    case 'arrowright':
    case 'enter':
      return { kind: 'move', by: 1 };
    case 'arrowup':
    case 'arrowleft':
      return { kind: 'move', by: -1 };
    default:
      return null;
  }
}

export interface FlatItem {
  key: string;
  statement: string;
  guidance: string[];
  evidencePrompts: string[];
  dimensionKey: string;
  dimensionName: string;
}

export function flatItems(framework: Framework): FlatItem[] {
  return framework.dimensions.flatMap((d) =>
    d.items.map((i) => ({ key: i.key, statement: i.statement, guidance: i.guidance, evidencePrompts: i.evidencePrompts, dimensionKey: d.key, dimensionName: d.name })),
  );
}

/** Where a respondent resumes: the first item they have not answered, or the last item when all are. */
export function resumeIndex(items: readonly FlatItem[], answers: readonly Pick<Answer, 'respondentId' | 'itemKey'>[], respondentId: number): number {
  const done = new Set(answers.filter((a) => a.respondentId === respondentId).map((a) => a.itemKey));
  const first = items.findIndex((i) => !done.has(i.key));
  return first < 0 ? Math.max(0, items.length - 1) : first;
}

export function answeredCount(items: readonly FlatItem[], answers: readonly Pick<Answer, 'respondentId' | 'itemKey'>[], respondentId: number): number {
  const keys = new Set(items.map((i) => i.key));
  return answers.filter((a) => a.respondentId === respondentId && keys.has(a.itemKey)).length;
}

/** "4 Managed", "Don't know", "Not applicable" or "" for no answer. */
export function answerLabel(framework: Pick<Framework, 'scale'>, answer: Pick<Answer, 'level' | 'nonAnswer'> | undefined): string {
  if (!answer) return '';
  if (answer.nonAnswer === 'dont_know') return "Don't know";
  if (answer.nonAnswer === 'not_applicable') return 'Not applicable';
  const level = framework.scale.levels.find((l) => l.value === answer.level);
  return level ? `${level.value} ${level.label}` : String(answer.level);
}

/** Links typed one per line or separated by spaces/commas. */
export function parseLinks(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean)
    .slice(0, 20);
}
