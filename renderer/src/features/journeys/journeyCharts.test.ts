import { describe, expect, it } from 'vitest';
import { adherenceTrendOption, emotionLineOption } from './journeyCharts';

describe('journey charts', () => {
  it('draws one emotion point per stage, gaps where a stage has no answers', () => {
    const option = emotionLineOption([
      { name: 'Onboard', satisfaction: 72.4, n: 10 },
      { name: 'Implement', satisfaction: null, n: 0 },
      { name: 'Adopt', satisfaction: 40, n: 3 },
    ]);
    const series = (option.series as { data: unknown[] }[])[0]!;
    expect(series.data).toEqual([72, '-', 40]);
    expect((option.xAxis as { data: string[] }).data).toEqual(['Onboard', 'Implement', 'Adopt']);
    // No side margins: points sit under the middle of each stage column.
    expect(option.grid).toMatchObject({ left: 0, right: 0 });
  });

  it('draws the adherence trend in percent with gaps for empty months', () => {
    const option = adherenceTrendOption(
      [
        { month: '2026-01', share: 66.666, n: 3 },
        { month: '2026-02', share: null, n: 0 },
      ],
      'en-GB',
    );
    expect((option.series as { data: unknown[] }[])[0]!.data).toEqual([66.7, '-']);
    expect((option.xAxis as { data: string[] }).data).toEqual(['Jan 2026', 'Feb 2026']);
  });
});
