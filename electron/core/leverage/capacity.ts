/**
 * Supply and demand of reference asks per segment, over the fatigue window.
 *   supply   Σ over active references with a contact: max(0, total budget − asks in the window)
 *   demand   open requests (requested, approved, scheduled) + forecast
 *   forecast open deals without a request × the share of deals closed in the last 12 months
 *            (same segment) that had one: the deals expected to ask for a reference
 * A request's segment is its deal's segment, else its reference's account's.
 */

export interface SupplyRef {
  segment: string;
  budget: number;
  asks: number;
}

export interface DemandDeal {
  segment: string;
  open: boolean;
  /** Closed in the last 12 months (the forecast's base). */
  recentlyClosed: boolean;
  hasRequest: boolean;
}

export const FORECAST_METHOD = 'open deals without a request × the share of deals closed in the last 12 months in the same segment that asked for a reference';

export function capacityBySegment(refs: readonly SupplyRef[], openRequests: readonly { segment: string }[], deals: readonly DemandDeal[]) {
  const segments = [...new Set([...refs.map((r) => r.segment), ...openRequests.map((r) => r.segment), ...deals.filter((d) => d.open).map((d) => d.segment)])].sort();
  return segments.map((segment) => {
    const mine = refs.filter((r) => r.segment === segment);
    const supply = mine.reduce((s, r) => s + Math.max(0, r.budget - r.asks), 0);
    const open = openRequests.filter((r) => r.segment === segment).length;
    const closed = deals.filter((d) => d.segment === segment && d.recentlyClosed);
    const share = closed.length === 0 ? 0 : closed.filter((d) => d.hasRequest).length / closed.length;
    const forecast = deals.filter((d) => d.segment === segment && d.open && !d.hasRequest).length * share;
    const demand = open + forecast;
    return { segment, activeReferences: mine.length, supply, openRequests: open, forecast, demand, balance: supply - demand };
  });
}
