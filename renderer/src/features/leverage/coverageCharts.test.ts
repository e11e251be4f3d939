import { expect, it } from 'vitest';
import type { Coverage } from '../../../../shared/contract/leverage';
import { coverageHeatmapOption, heatmapHeight, supplyDemandOption } from './coverageCharts';

const coverage: Coverage = {
  product: null,
  products: ['Ledger'],
  industries: ['Banking', 'Healthcare'],
  columns: [
    { segment: 'enterprise', region: 'EMEA' },
    { segment: 'smb', region: 'NA' },
  ],
  cells: [
    { industry: 'Banking', segment: 'enterprise', region: 'EMEA', ready: 2, openDeals: 1 },
    { industry: 'Healthcare', segment: 'smb', region: 'NA', ready: 0, openDeals: 3 },
  ],
  gaps: [],
  gapCount: 0,
  ready: 2,
  definition: '',
};

it('puts each cell at its industry and segment · region with its ready count', () => {
  const option = coverageHeatmapOption(coverage);
  expect((option.xAxis as { data: string[] }).data).toEqual(['Enterprise · EMEA', 'SMB · NA']);
  expect((option.yAxis as { data: string[] }).data).toEqual(['Banking', 'Healthcare']);
  expect((option.series as { data: number[][] }[])[0]!.data).toEqual([
    [0, 0, 2, 1],
    [1, 1, 0, 3],
  ]);
  const tooltip = (option.tooltip as { formatter: (p: unknown) => string }).formatter({ value: [1, 1, 0, 3] });
  expect(tooltip).toBe('Healthcare · SMB · NA<br/>0 ready references · 3 open deals');
  expect(heatmapHeight(coverage)).toBe(170);
});

it('stacks open requests and forecast as demand beside the supply', () => {
  const option = supplyDemandOption([{ segment: 'mid_market', supply: 7, openRequests: 2, forecast: 1.26 }]);
  expect((option.xAxis as { data: string[] }).data).toEqual(['Mid-market']);
  expect((option.series as { name: string; data: number[]; stack?: string }[]).map((s) => [s.name, s.data, s.stack])).toEqual([
    ['Supply', [7], undefined],
    ['Open requests', [2], 'demand'],
    ['Forecast', [1.3], 'demand'],
  ]);
});
