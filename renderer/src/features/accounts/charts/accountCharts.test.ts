import { describe, expect, it } from 'vitest';
import { healthGaugeOption } from './healthGauge';
import { answeredKinds, answerTone, satisfactionHistoryOption } from './satisfactionHistory';

const series = (option: unknown) => (option as { series: Record<string, any>[] }).series;

describe('satisfaction history', () => {
  const answers = [
    { respondedAt: '2025-06-01T10:00:00.000Z', kind: 'csat', score: 2 },
    { respondedAt: '2025-05-01T10:00:00.000Z', kind: 'nps', score: 9 },
    { respondedAt: '2025-07-01T10:00:00.000Z', kind: 'nps', score: 4 },
    { respondedAt: '2025-08-01T10:00:00.000Z', kind: 'nsat', score: null },
    { respondedAt: '2025-08-02T10:00:00.000Z', kind: 'nsat', score: 1 },
  ];

  it('has one strip per answered kind, each on its own scale, NSAT upside down', () => {
    expect(answeredKinds(answers)).toEqual(['nps', 'csat', 'nsat']);
    const option = satisfactionHistoryOption(answers, 'en-US') as Record<string, any>;
    expect(option.grid).toHaveLength(3);
    expect(option.yAxis.map((y: { min: number; max: number; inverse: boolean }) => [y.min, y.max, y.inverse])).toEqual([
      [0, 10, false],
      [1, 5, false],
      [1, 4, true],
    ]);
    const [nps, csat, nsat] = series(option);
    expect(nps!.data.map((d: { value: number[] }) => d.value)).toEqual([
      [Date.parse('2025-05-01T10:00:00.000Z'), 9],
      [Date.parse('2025-07-01T10:00:00.000Z'), 4],
    ]);
    expect(nps!.data.map((d: { itemStyle: { color: string } }) => d.itemStyle.color)).toEqual(['#2e9e5b', '#d64545']);
    expect(csat).toMatchObject({ xAxisIndex: 1, yAxisIndex: 1 });
    expect(nsat!.data).toHaveLength(1);
  });

  it('colours answers as their metric counts them', () => {
    expect([answerTone('nps', 8), answerTone('csat', 4), answerTone('ces', 3), answerTone('nsat', 2)]).toEqual(['neutral', 'good', 'bad', 'neutral']);
  });
});

describe('health gauge', () => {
  it('colours the arc by the model’s bands and points at the score', () => {
    const option = healthGaugeOption(63.46, { redBelow: 50, amberBelow: 70 }, 'en-US');
    const [gauge] = series(option);
    expect(gauge!.axisLine.lineStyle.color).toEqual([
      [0.5, '#d64545'],
      [0.7, '#e5a000'],
      [1, '#2e9e5b'],
    ]);
    expect(gauge!.data).toEqual([{ value: 63.46, name: 'Health' }]);
    // The score as the page writes it beside the gauge (63), not a rounded rounding (63.5 -> 64).
    expect(gauge!.detail.formatter(63.46)).toBe('63');
    expect(gauge!.detail.formatter(50.47)).toBe('50');
  });
});
