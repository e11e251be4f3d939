/**
 * Coverage: ready references per industry × segment × region (for one product, or all), against
 * demand. A reference is *ready* when it is active, has a valid consent for reference calls today,
 * its health is at or above the threshold and it is not fatigued (the service decides that). A
 * *gap* is a combination with no ready reference where there is demand (open deals) or customers
 * like it; demand first, most open deals first.
 */

export interface Place {
  industry: string | null;
  segment: string | null;
  region: string | null;
  products: readonly string[];
}

const UNKNOWN = 'unknown';
const key = (p: Pick<Place, 'industry' | 'segment' | 'region'>) => [p.industry ?? UNKNOWN, p.segment ?? UNKNOWN, p.region ?? UNKNOWN] as const;
const SEGMENT_WORDS: Record<string, string> = { enterprise: 'enterprise', mid_market: 'mid-market', smb: 'SMB' };

export function gapMessage(industry: string, segment: string, region: string, product: string | null): string {
  return `no ready reference for ${industry.toLowerCase()} ${SEGMENT_WORDS[segment] ?? segment} in ${region}${product ? ` using ${product}` : ''}`;
}

export function coverageOf(ready: readonly Place[], openDeals: readonly Place[], customers: readonly Place[], product: string | null, maxGaps = 50) {
  const has = (p: Place) => product === null || p.products.some((x) => x.toLowerCase() === product.toLowerCase());
  const cells = new Map<string, { industry: string; segment: string; region: string; ready: number; openDeals: number; customers: number }>();
  const cell = (p: Place) => {
    const [industry, segment, region] = key(p);
    const id = `${industry}\u0000${segment}\u0000${region}`;
    let c = cells.get(id);
    if (!c) cells.set(id, (c = { industry, segment, region, ready: 0, openDeals: 0, customers: 0 }));
    return c;
  };
  for (const r of ready) if (has(r)) cell(r).ready++;
  for (const d of openDeals) if (has(d)) cell(d).openDeals++;
  for (const c of customers) if (has(c)) cell(c).customers++;

  const all = [...cells.values()];
  const industries = [...new Set(all.map((c) => c.industry))].sort();
  const columns = [...new Map(all.map((c) => [`${c.segment}\u0000${c.region}`, { segment: c.segment, region: c.region }])).values()].sort(
    (a, b) => a.segment.localeCompare(b.segment) || a.region.localeCompare(b.region),
  );
  const allGaps = all.filter((c) => c.ready === 0 && (c.openDeals > 0 || c.customers > 0));
  const gaps = allGaps
    .sort((a, b) => b.openDeals - a.openDeals || b.customers - a.customers || a.industry.localeCompare(b.industry))
    .slice(0, maxGaps)
    .map((c) => ({
      industry: c.industry,
      segment: c.segment,
      region: c.region,
      openDeals: c.openDeals,
      customers: c.customers,
      message: gapMessage(c.industry, c.segment, c.region, product),
    }));
  return {
    industries,
    columns,
    cells: all
      .map(({ customers: _c, ...rest }) => rest)
      .sort((a, b) => a.industry.localeCompare(b.industry) || a.segment.localeCompare(b.segment) || a.region.localeCompare(b.region)),
    gaps,
    gapCount: allGaps.length,
    ready: ready.filter(has).length,
  };
}
