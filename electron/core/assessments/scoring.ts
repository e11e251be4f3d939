// Assessment scoring as pure functions of the framework and the answers.
// - A level is normalised to 0-100 along the scale: (value - lowest) / (highest - lowest) * 100.
// - "Don't know" and "not applicable" are excluded: they neither raise nor lower a score.
// - Item score = mean of its respondents' normalised levels; dimension score = weighted mean of its
//   scored items (item weight, 1 by default); overall = weighted mean of the scored dimensions.
// - A target score is the score once every target is reached, items without a target staying
//   where they are; a dimension without any target has none, and counts at its score overall.
// - Respondents disagree on an item when their levels are two or more scale steps apart.
import type { Answer, DimensionResult, Framework, ItemResult, StageRule } from '../../../shared/contract/assessments';

export const DISAGREEMENT_STEPS = 2;

export function normalise(framework: Pick<Framework, 'scale'>, level: number): number {
  const values = framework.scale.levels.map((l) => l.value);
  const low = values[0]!;
  const high = values.at(-1)!;
  return ((level - low) / (high - low)) * 100;
}

/** Weighted mean of the entries whose value is known; null when none is. */
export function weightedMean(entries: { value: number | null; weight: number }[]): number | null {
  let sum = 0;
  let weights = 0;
  for (const { value, weight } of entries) {
    if (value === null) continue;
    sum += value * weight;
    weights += weight;
  }
  return weights > 0 ? sum / weights : null;
}

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);

type AnswerLike = Pick<Answer, 'respondentId' | 'itemKey' | 'level' | 'nonAnswer'>;

export function scoreItems(framework: Framework, answers: readonly AnswerLike[], targets: ReadonlyMap<string, number>): ItemResult[] {
  const byItem = new Map<string, AnswerLike[]>();
  for (const answer of answers) byItem.set(answer.itemKey, [...(byItem.get(answer.itemKey) ?? []), answer]);
  const stepOf = (level: number) => framework.scale.levels.findIndex((l) => l.value === level);
  return framework.dimensions.flatMap((dimension) =>
    dimension.items.map((item) => {
      const given = byItem.get(item.key) ?? [];
      const levels = given.flatMap((a) => (a.level === null ? [] : [a.level]));
      const meanLevel = mean(levels);
      const minLevel = levels.length ? Math.min(...levels) : null;
      const maxLevel = levels.length ? Math.max(...levels) : null;
      const target = targets.get(item.key) ?? null;
      return {
        itemKey: item.key,
        dimensionKey: dimension.key,
        statement: item.statement,
        score: mean(levels.map((level) => normalise(framework, level))),
        meanLevel,
        minLevel,
        maxLevel,
        n: levels.length,
        dontKnow: given.filter((a) => a.nonAnswer === 'dont_know').length,
        notApplicable: given.filter((a) => a.nonAnswer === 'not_applicable').length,
        disagreement: minLevel !== null && maxLevel !== null && stepOf(maxLevel) - stepOf(minLevel) >= DISAGREEMENT_STEPS,
        target,
        gap: target !== null && meanLevel !== null ? target - meanLevel : null,
      };
    }),
  );
}

/** Dimension scores from item scores; `perRespondent` gives each respondent's own dimension scores. */
export function scoreDimensions(
  framework: Framework,
  items: readonly ItemResult[],
  perRespondent: ReadonlyMap<number, readonly ItemResult[]>,
  previous: ReadonlyMap<string, number | null> = new Map(),
): DimensionResult[] {
  const itemsOf = (list: readonly ItemResult[], dimensionKey: string) => list.filter((i) => i.dimensionKey === dimensionKey);
  return framework.dimensions.map((dimension) => {
    const weightOf = (key: string) => dimension.items.find((i) => i.key === key)?.weight ?? 1;
    const scoreOf = (list: readonly ItemResult[]) => weightedMean(itemsOf(list, dimension.key).map((i) => ({ value: i.score, weight: weightOf(i.itemKey) })));
    const byRespondent = Object.fromEntries([...perRespondent].map(([id, list]) => [String(id), scoreOf(list)]));
    const known = Object.values(byRespondent).filter((v): v is number => v !== null);
    const own = itemsOf(items, dimension.key);
    return {
      dimensionKey: dimension.key,
      name: dimension.name,
      weight: dimension.weight,
      score: scoreOf(items),
      byRespondent,
      minScore: known.length ? Math.min(...known) : null,
      maxScore: known.length ? Math.max(...known) : null,
      targetScore: own.some((i) => i.target !== null)
        ? weightedMean(own.map((i) => ({ value: i.target === null ? i.score : normalise(framework, i.target), weight: weightOf(i.itemKey) })))
        : null,
      previousScore: previous.get(dimension.key) ?? null,
      itemsScored: own.filter((i) => i.score !== null).length,
      items: own.length,
    };
  });
}

export function overallScore(dimensions: readonly Pick<DimensionResult, 'score' | 'weight'>[], pick: (d: DimensionResult) => number | null = (d) => d.score): number | null {
  return weightedMean(dimensions.map((d) => ({ value: pick(d as DimensionResult), weight: d.weight })));
}

/** The lowest-scoring dimension (the first in framework order on a tie). */
export function floorDimension(dimensions: readonly DimensionResult[]): { dimensionKey: string; name: string; score: number } | null {
  let floor: { dimensionKey: string; name: string; score: number } | null = null;
  for (const d of dimensions) if (d.score !== null && (floor === null || d.score < floor.score)) floor = { dimensionKey: d.dimensionKey, name: d.name, score: d.score };
  return floor;
}

/** Why a rule does not hold, or null when it does. */
export function unmetRule(framework: Framework, rule: StageRule, overall: number | null, items: readonly ItemResult[]): string | null {
  if (rule.kind === 'score') {
    return overall !== null && overall >= rule.min ? null : `overall score ${overall === null ? 'not known' : Math.round(overall)} is below ${rule.min}`;
  }
  const dimension = framework.dimensions.find((d) => d.key === rule.dimensionKey);
  const label = framework.scale.levels.find((l) => l.value === rule.level)?.label ?? String(rule.level);
  const short = items.filter((i) => {
    if (i.dimensionKey !== rule.dimensionKey) return false;
    // An item everyone marked not applicable does not apply; one nobody could rate cannot show the level.
    if (i.meanLevel === null) return !(i.notApplicable > 0 && i.dontKnow === 0);
    return i.meanLevel < rule.level;
  });
  return short.length === 0 ? null : `${short.length} ${short.length === 1 ? 'item' : 'items'} of ${dimension?.name ?? rule.dimensionKey} below "${label}"`;
}

/** The last stage that holds together with every stage before it, and what the next one lacks. */
export function stageReached(framework: Framework, overall: number | null, items: readonly ItemResult[]) {
  let reached: { index: number; name: string; description: string } | null = null;
  for (const [index, stage] of framework.stages.entries()) {
    const unmet = stage.rules.flatMap((rule) => unmetRule(framework, rule, overall, items) ?? []);
    if (unmet.length > 0) return { stage: reached, nextStage: { name: stage.name, unmet } };
    reached = { index, name: stage.name, description: stage.description };
  }
  return { stage: reached, nextStage: null };
}
