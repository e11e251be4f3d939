// The results of one assessment: scores, stage, floor, gaps and the findings they lead to.
import type { Answer, Finding, Framework, ItemResult, Results } from '../../../shared/contract/assessments';
import { floorDimension, overallScore, scoreDimensions, scoreItems, stageReached } from './scoring';

export interface ResultsInput {
  framework: Framework;
  respondents: readonly { id: number; name: string }[];
  answers: readonly Answer[];
  targets: ReadonlyMap<string, number>;
  previous?: { id: number; assessedOn: string; dimensions: ReadonlyMap<string, number | null>; overall: number | null } | null;
}

const round = (n: number) => Math.round(n);
/** A statement quoted inside a sentence, without its own full stop. */
const quote = (statement: string) => `"${statement.replace(/[.!?]+$/, '')}"`;

export function computeResults({ framework, respondents, answers, targets, previous = null }: ResultsInput): Results {
  const items = scoreItems(framework, answers, targets);
  const perRespondent = new Map(
    respondents.map(
      (r) =>
        [
          r.id,
          scoreItems(
            framework,
            answers.filter((a) => a.respondentId === r.id),
            targets,
          ),
        ] as const,
    ),
  );
  const dimensions = scoreDimensions(framework, items, perRespondent, previous?.dimensions);
  const overall = overallScore(dimensions);
  const { stage, nextStage } = stageReached(framework, overall, items);
  const floor = floorDimension(dimensions);
  const itemCount = items.length;
  const answered = answers.filter((a) => respondents.some((r) => r.id === a.respondentId)).length;
  return {
    overall,
    overallTarget: dimensions.some((d) => d.targetScore !== null) ? overallScore(dimensions, (d) => d.targetScore ?? d.score) : null,
    overallPrevious: previous?.overall ?? null,
    stage,
    nextStage,
    floor,
    dimensions,
    items,
    findings: findings(framework, items, floor, respondents, answers),
    progress: respondents.length && itemCount ? (answered / (respondents.length * itemCount)) * 100 : null,
    previous: previous ? { id: previous.id, assessedOn: previous.assessedOn, overall: previous.overall } : null,
  };
}

function findings(framework: Framework, items: readonly ItemResult[], floor: Results['floor'], respondents: ResultsInput['respondents'], answers: readonly Answer[]): Finding[] {
  const labelOf = (level: number) => framework.scale.levels.find((l) => l.value === level)?.label ?? String(level);
  const nameOf = (id: number) => respondents.find((r) => r.id === id)?.name ?? `respondent ${id}`;
  const list: Finding[] = [];
  if (floor) {
    list.push({
      kind: 'floor',
      dimensionKey: floor.dimensionKey,
      itemKey: null,
      text: `${floor.name} is the floor dimension (${round(floor.score)} of 100): the weakest link to work on first.`,
    });
  }
  for (const item of items) {
    if (item.disagreement && item.minLevel !== null && item.maxLevel !== null) {
      const low = answers.filter((a) => a.itemKey === item.itemKey && a.level === item.minLevel).map((a) => nameOf(a.respondentId));
      const high = answers.filter((a) => a.itemKey === item.itemKey && a.level === item.maxLevel).map((a) => nameOf(a.respondentId));
      list.push({
        kind: 'disagreement',
        dimensionKey: item.dimensionKey,
        itemKey: item.itemKey,
        text: `Respondents disagree on ${quote(item.statement)}: from "${labelOf(item.minLevel)}" (${low.join(', ')}) to "${labelOf(item.maxLevel)}" (${high.join(', ')}).`,
      });
    }
    if (item.gap !== null && item.gap >= 1) {
      list.push({
        kind: 'gap',
        dimensionKey: item.dimensionKey,
        itemKey: item.itemKey,
        text: `${quote(item.statement)} is ${item.gap.toFixed(1)} ${item.gap === 1 ? 'level' : 'levels'} below its target "${labelOf(item.target!)}".`,
      });
    }
    if (item.n === 0 && respondents.length > 0) {
      list.push({ kind: 'unanswered', dimensionKey: item.dimensionKey, itemKey: item.itemKey, text: `No respondent could rate ${quote(item.statement)}.` });
    }
  }
  return list;
}
