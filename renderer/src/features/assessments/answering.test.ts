import { describe, expect, it } from 'vitest';
import type { Framework } from '../../../../shared/contract/assessments';
import { answerLabel, answeredCount, flatItems, keyAction, parseLinks, resumeIndex } from './answering';
import { heatmapOption, radarOption, resultLines } from '../../../../shared/charts/assessments';

const framework = {
  description: '',
  scale: {
    levels: [
      { value: 1, label: 'Low' },
      { value: 3, label: 'Mid' },
      { value: 5, label: 'High' },
    ],
  },
  dimensions: [
    {
      key: 'a',
      name: 'Alpha',
      description: '',
      weight: 1,
      items: [
        { key: 'a1', statement: 'A1', guidance: [], evidencePrompts: [] },
        { key: 'a2', statement: 'A2', guidance: [], evidencePrompts: [] },
      ],
    },
    { key: 'b', name: 'Beta', description: '', weight: 1, items: [{ key: 'b1', statement: 'B1', guidance: [], evidencePrompts: [] }] },
  ],
  stages: [],
} satisfies Framework;

describe('answering keys', () => {
  it('maps number keys to the n-th level of the scale, not to the level value', () => {
    expect(keyAction('2', framework)).toEqual({ kind: 'level', level: 3 });
    expect(keyAction('3', framework)).toEqual({ kind: 'level', level: 5 });
    expect(keyAction('4', framework)).toBeNull();
  });

  it('has keys for non-answers, clearing and moving', () => {
    expect(keyAction('d', framework)).toEqual({ kind: 'nonAnswer', nonAnswer: 'dont_know' });
    expect(keyAction('0', framework)).toEqual({ kind: 'nonAnswer', nonAnswer: 'dont_know' });
    expect(keyAction('N', framework)).toEqual({ kind: 'nonAnswer', nonAnswer: 'not_applicable' });
    expect(keyAction('Delete', framework)).toEqual({ kind: 'clear' });
    expect(keyAction('Enter', framework)).toEqual({ kind: 'move', by: 1 });
    expect(keyAction('ArrowUp', framework)).toEqual({ kind: 'move', by: -1 });
    expect(keyAction('x', framework)).toBeNull();
  });
});

describe('resuming and progress', () => {
  const items = flatItems(framework);
  it('resumes at the first unanswered item of the respondent', () => {
    const answers = [
      { respondentId: 1, itemKey: 'a1' },
      { respondentId: 2, itemKey: 'a2' },
    ];
    expect(resumeIndex(items, answers, 1)).toBe(1);
    expect(resumeIndex(items, answers, 2)).toBe(0);
    expect(resumeIndex(items, [...answers, { respondentId: 1, itemKey: 'a2' }, { respondentId: 1, itemKey: 'b1' }], 1)).toBe(2);
    expect(answeredCount(items, answers, 1)).toBe(1);
  });

  it('labels answers and reads links', () => {
    expect(answerLabel(framework, { level: 3, nonAnswer: null })).toBe('3 Mid');
    expect(answerLabel(framework, { level: null, nonAnswer: 'not_applicable' })).toBe('Not applicable');
    expect(answerLabel(framework, undefined)).toBe('');
    expect(parseLinks('a/b, c/d\n e')).toEqual(['a/b', 'c/d', 'e']);
  });
});

describe('assessment charts', () => {
  it('draws unscored dimensions at the centre and adds target and previous lines only when they exist', () => {
    const results = {
      dimensions: [
        { score: 62.4, targetScore: null, previousScore: 40 },
        { score: null, targetScore: null, previousScore: null },
      ],
      previous: { id: 1, assessedOn: '2025-01-01', overall: 40 },
    } as never;
    const lines = resultLines(results);
    expect(lines.map((l) => l.name)).toEqual(['Current', 'Previous (2025-01-01)']);
    const option = radarOption(['Alpha', 'Beta'], lines) as { series: { data: { value: number[] }[] }[] };
    expect(option.series[0]!.data.map((d) => d.value)).toEqual([
      [62, 0],
      [40, 0],
    ]);
  });

  it('puts each level answer in its item row and respondent column', () => {
    const option = heatmapOption({
      template: { framework } as never,
      respondents: [{ id: 7, name: 'Ana' } as never, { id: 9, name: 'Ben' } as never],
      answers: [
        { respondentId: 9, itemKey: 'b1', level: 5, nonAnswer: null, evidence: null, links: [] },
        { respondentId: 7, itemKey: 'a2', level: null, nonAnswer: 'dont_know', evidence: null, links: [] },
      ],
    }) as { series: { data: number[][] }[]; visualMap: { pieces: { value: number }[] } };
    expect(option.series[0]!.data).toEqual([[1, 2, 5]]);
    expect(option.visualMap.pieces.map((p) => p.value)).toEqual([1, 3, 5]);
    const tooltip = (option as unknown as { tooltip: { formatter: (p: unknown) => string } }).tooltip.formatter({ value: [1, 2, 5] });
    expect(tooltip).toBe('Ben<br>B1<br><strong>5 High</strong>');
  });
});
