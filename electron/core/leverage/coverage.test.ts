import { describe, expect, it } from 'vitest';
import { coverageOf, gapMessage, type Place } from './coverage';

const place = (industry: string, segment: string, region: string, products: string[] = ['Ledger']): Place => ({ industry, segment, region, products });

describe('coverage and its gaps', () => {
  const ready = [place('Healthcare', 'enterprise', 'NA'), place('Healthcare', 'enterprise', 'NA', ['Payments']), place('Retail', 'smb', 'EMEA')];
  const open = [
    place('Healthcare', 'enterprise', 'EMEA'),
    place('Healthcare', 'enterprise', 'EMEA'),
    place('Healthcare', 'enterprise', 'NA'),
    place('Banking', 'mid_market', 'APAC', ['Payments']),
  ];
  const customers = [place('Retail', 'smb', 'LATAM'), place('Retail', 'smb', 'EMEA')];

  it('counts ready references per industry × segment × region and names the gaps, demand first', () => {
    const c = coverageOf(ready, open, customers, null);
    expect(c.ready).toBe(3);
    expect(c.cells).toEqual([
      { industry: 'Banking', segment: 'mid_market', region: 'APAC', ready: 0, openDeals: 1 },
      { industry: 'Healthcare', segment: 'enterprise', region: 'EMEA', ready: 0, openDeals: 2 },
      { industry: 'Healthcare', segment: 'enterprise', region: 'NA', ready: 2, openDeals: 1 },
      { industry: 'Retail', segment: 'smb', region: 'EMEA', ready: 1, openDeals: 0 },
      { industry: 'Retail', segment: 'smb', region: 'LATAM', ready: 0, openDeals: 0 },
    ]);
    expect(c.gaps.map((g) => g.message)).toEqual([
      'no ready reference for healthcare enterprise in EMEA',
      'no ready reference for banking mid-market in APAC',
      'no ready reference for retail SMB in LATAM',
    ]);
    expect(c.industries).toEqual(['Banking', 'Healthcare', 'Retail']);
    expect(c.columns[0]).toEqual({ segment: 'enterprise', region: 'EMEA' });
  });

  it('for one product, only what uses it counts', () => {
    const c = coverageOf(ready, open, customers, 'payments');
    expect(c.ready).toBe(1);
    expect(c.gaps.map((g) => g.message)).toEqual(['no ready reference for banking mid-market in APAC using payments']);
  });

  it('no data: no cells, no gaps', () => {
    expect(coverageOf([], [], [], null)).toEqual({ industries: [], columns: [], cells: [], gaps: [], gapCount: 0, ready: 0 });
    expect(coverageOf([], open, [], null, 1)).toMatchObject({ gapCount: 3, gaps: [{ industry: 'Healthcare', openDeals: 2 }] });
    expect(gapMessage('Healthcare', 'custom', 'EMEA', null)).toBe('no ready reference for healthcare custom in EMEA');
  });
});
