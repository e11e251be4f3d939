import { describe, expect, it } from 'vitest';
import type { Funnel } from '../../../../shared/contract/references';
import { funnelOption, funnelSteps } from './funnelOption';

const funnel: Funnel = {
  stages: [],
  conversions: [
    { from: 'candidate', to: 'nominated', reached: 10, converted: 8, rate: 80 },
    { from: 'nominated', to: 'recruited', reached: 8, converted: 6, rate: 75 },
    { from: 'recruited', to: 'active', reached: 6, converted: 3, rate: 50 },
  ],
};

describe('the reference funnel', () => {
  it('shows how many reached each step and the conversion into it', () => {
    expect(funnelSteps(funnel)).toEqual([
      { stage: 'candidate', reached: 10, rate: null },
      { stage: 'nominated', reached: 8, rate: 80 },
      { stage: 'recruited', reached: 6, rate: 75 },
      { stage: 'active', reached: 3, rate: 50 },
    ]);
  });

  it('draws the steps in order with stage words, keeping a funnel of nothing drawable', () => {
    const series = (funnelOption(funnel).series as { data: { name: string; value: number }[]; sort: string; max: number }[])[0]!;
    expect(series.sort).toBe('none');
    expect(series.data.map(({ name, value }) => [name, value])).toEqual([
      ['Candidate', 10],
      ['Nominated', 8],
      ['Recruited', 6],
      ['Active', 3],
    ]);
    const empty = funnelOption({ stages: [], conversions: funnel.conversions.map((c) => ({ ...c, reached: 0, converted: 0, rate: null })) });
    expect((empty.series as { max: number }[])[0]!.max).toBe(1);
  });
});
