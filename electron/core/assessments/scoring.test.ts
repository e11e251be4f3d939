import { describe, expect, it } from 'vitest';
import { framework as frameworkSchema, type Answer } from '../../../shared/contract/assessments';
import { computeResults } from './results';
import { normalise, stageReached, scoreItems, weightedMean } from './scoring';

// A small framework whose every number below is worked out by hand:
// scale 1..5 -> 0, 25, 50, 75, 100; dimension A (weight 2) has a1 (weight 1) and a2 (weight 3);
// dimension B (weight 1) has b1.
const framework = frameworkSchema.parse({
  scale: { levels: [1, 2, 3, 4, 5].map((value) => ({ value, label: `L${value}` })) },
  dimensions: [
    {
      key: 'a',
      name: 'Alpha',
      weight: 2,
      items: [
        { key: 'a1', statement: 'A one' },
        { key: 'a2', statement: 'A two', weight: 3 },
      ],
    },
    { key: 'b', name: 'Beta', weight: 1, items: [{ key: 'b1', statement: 'B one' }] },
  ],
  stages: [
    { name: 'Foundation', rules: [{ kind: 'score', min: 25 }] },
    { name: 'Structured', rules: [{ kind: 'dimensionLevel', dimensionKey: 'a', level: 3 }] },
    { name: 'Leading', rules: [{ kind: 'score', min: 80 }] },
  ],
});

const answer = (respondentId: number, itemKey: string, level: number | null, nonAnswer: Answer['nonAnswer'] = null): Answer => ({
  respondentId,
  itemKey,
  level,
  nonAnswer,
  evidence: null,
  links: [],
});

// r1: a1=5, a2=2, b1=don't know; r2: a1=3, a2=not applicable, b1=4.
const answers = [answer(1, 'a1', 5), answer(1, 'a2', 2), answer(1, 'b1', null, 'dont_know'), answer(2, 'a1', 3), answer(2, 'a2', null, 'not_applicable'), answer(2, 'b1', 4)];
const respondents = [
  { id: 1, name: 'Ana' },
  { id: 2, name: 'Ben' },
];
const targets = new Map([
  ['a1', 5],
  ['b1', 3],
]);

describe('assessment scoring', () => {
  it('normalises levels along the scale and weighs means', () => {
    expect([1, 2, 3, 4, 5].map((l) => normalise(framework, l))).toEqual([0, 25, 50, 75, 100]);
    expect(
      weightedMean([
        { value: 100, weight: 1 },
        { value: 25, weight: 3 },
        { value: null, weight: 9 },
      ]),
    ).toBe(43.75);
    expect(weightedMean([{ value: null, weight: 1 }])).toBeNull();
  });

  it("aggregates respondents per item and leaves out don't know and not applicable", () => {
    const items = scoreItems(framework, answers, targets);
    const [a1, a2, b1] = items;
    // a1: levels 5 and 3 -> 100 and 50 -> 75; two steps apart -> disagreement.
    expect(a1).toMatchObject({ score: 75, meanLevel: 4, minLevel: 3, maxLevel: 5, n: 2, disagreement: true, target: 5, gap: 1 });
    // a2: only r1's 2 counts (r2 said not applicable).
    expect(a2).toMatchObject({ score: 25, meanLevel: 2, n: 1, notApplicable: 1, disagreement: false, target: null, gap: null });
    // b1: only r2's 4 counts (r1 did not know); target 3 is already passed.
    expect(b1).toMatchObject({ score: 75, n: 1, dontKnow: 1, gap: -1 });
  });

  it('weighs items into dimensions and dimensions into the overall score', () => {
    const results = computeResults({ framework, respondents, answers, targets });
    const [alpha, beta] = results.dimensions;
    // Alpha: (75·1 + 25·3) / 4 = 37.5; Beta: 75; overall: (37.5·2 + 75·1) / 3 = 50.
    expect(alpha!.score).toBe(37.5);
    expect(beta!.score).toBe(75);
    expect(results.overall).toBe(50);
    // Each respondent's own view of Alpha: r1 (100·1 + 25·3) / 4 = 43.75, r2 only a1 = 50.
    expect(alpha!.byRespondent).toEqual({ 1: 43.75, 2: 50 });
    expect([alpha!.minScore, alpha!.maxScore]).toEqual([43.75, 50]);
    expect(beta!.byRespondent).toEqual({ 1: null, 2: 75 });
    // Targets: Alpha a1 5 -> 100, a2 has none and stays at 25: (100·1 + 25·3) / 4 = 43.75;
    // Beta b1 3 -> 50; overall target (43.75·2 + 50) / 3 = 45.833.
    expect(alpha!.targetScore).toBe(43.75);
    expect(beta!.targetScore).toBe(50);
    expect(results.overallTarget).toBeCloseTo(45.833, 3);
    expect(computeResults({ framework, respondents, answers, targets: new Map() }).overallTarget).toBeNull();
  });

  it('finds the floor dimension, the gaps and the disagreement', () => {
    const results = computeResults({ framework, respondents, answers, targets });
    expect(results.floor).toEqual({ dimensionKey: 'a', name: 'Alpha', score: 37.5 });
    expect(results.findings.map((f) => [f.kind, f.itemKey])).toEqual([
      ['floor', null],
      ['disagreement', 'a1'],
      ['gap', 'a1'],
    ]);
    expect(results.findings[1]!.text).toContain('"L3" (Ben) to "L5" (Ana)');
    // 6 of 2 respondents × 3 items answered (non-answers count as answered).
    expect(results.progress).toBe(100);
  });

  it('reaches the last stage whose rules hold together with every stage before it', () => {
    const results = computeResults({ framework, respondents, answers, targets });
    // 50 ≥ 25: Foundation; Structured needs every Alpha item at level 3, a2 is at 2.
    expect(results.stage).toMatchObject({ index: 0, name: 'Foundation' });
    expect(results.nextStage).toEqual({ name: 'Structured', unmet: ['1 item of Alpha below "L3"'] });
    // Leading's score rule would hold at 80+, but Structured before it does not.
    const high = [answer(1, 'a1', 5), answer(1, 'a2', 2), answer(1, 'b1', 5)];
    const items = scoreItems(framework, high, new Map());
    expect(stageReached(framework, 85, items).stage?.name).toBe('Foundation');
  });

  it('skips items everyone marked not applicable in a level rule, but not items nobody could rate', () => {
    const na = [answer(1, 'a1', 4), answer(1, 'a2', null, 'not_applicable'), answer(1, 'b1', 4)];
    expect(stageReached(framework, 60, scoreItems(framework, na, new Map())).stage?.name).toBe('Structured');
    const unknown = [answer(1, 'a1', 4), answer(1, 'a2', null, 'dont_know'), answer(1, 'b1', 4)];
    expect(stageReached(framework, 60, scoreItems(framework, unknown, new Map())).stage?.name).toBe('Foundation');
  });

  it('has no score and no stage before anyone answers', () => {
    const results = computeResults({ framework, respondents, answers: [], targets: new Map() });
    expect(results.overall).toBeNull();
    expect(results.floor).toBeNull();
    expect(results.stage).toBeNull();
    expect(results.nextStage?.unmet).toEqual(['overall score not known is below 25']);
    expect(results.findings.filter((f) => f.kind === 'unanswered')).toHaveLength(3);
    expect(results.progress).toBe(0);
  });

  it('compares with a previous assessment by dimension', () => {
    const previous = {
      id: 9,
      assessedOn: '2025-06-01',
      dimensions: new Map([
        ['a', 20],
        ['b', null],
      ]),
      overall: 30,
    };
    const results = computeResults({ framework, respondents, answers, targets, previous });
    expect(results.dimensions.map((d) => d.previousScore)).toEqual([20, null]);
    expect(results.previous).toEqual({ id: 9, assessedOn: '2025-06-01', overall: 30 });
  });

  it('refuses a framework with duplicate keys, a falling scale or a rule on an unknown dimension', () => {
    const bad = frameworkSchema.safeParse({
      scale: {
        levels: [
          { value: 2, label: 'x' },
          { value: 1, label: 'y' },
        ],
      },
      dimensions: [
        { key: 'a', name: 'A', weight: 1, items: [{ key: 'i', statement: 's' }] },
        { key: 'a', name: 'B', weight: 1, items: [{ key: 'i', statement: 's' }] },
      ],
      stages: [{ name: 'S', rules: [{ kind: 'dimensionLevel', dimensionKey: 'zz', level: 7 }] }],
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(['scale.levels.1.value', 'dimensions.1.key', 'dimensions.1.items.0.key', 'stages.0.rules.0.dimensionKey', 'stages.0.rules.0.level']);
  });
});
