import { DAY_MS } from '../../../shared/dates';
import { median, percent } from './stats';

/**
 * Influence. A deal is influenced when a reference request for it was completed between its
 * opening and its close (or now, while open). For the deals closed in [from, to):
 *   win rate            won / closed, with a reference vs without, per segment and overall
 *   median sales cycle  days from opening to close of the won deals
 * Influenced pipeline and won revenue: the amounts of the deals whose influencing completion falls
 * in [from, to), in the workspace currency (other currencies are counted, not summed).
 */

export interface InfluenceDeal {
  id: number;
  segment: string | null;
  stage: string;
  amountMinor: number;
  currency: string;
  openedAt: string;
  closedAt: string | null;
}

export interface Completion {
  dealId: number;
  completedAt: string;
}

export interface Group {
  n: number;
  won: number;
  winRate: number | null;
  medianCycleDays: number | null;
}

const CLOSED = new Set(['closed_won', 'closed_lost']);

/** The instant each influenced deal was first influenced, by deal id. */
export function influencedAt(deals: readonly InfluenceDeal[], completions: readonly Completion[], now: string): Map<number, string> {
  const byId = new Map(deals.map((d) => [d.id, d]));
  const out = new Map<number, string>();
  for (const c of completions) {
    const deal = byId.get(c.dealId);
    if (!deal || c.completedAt < deal.openedAt || c.completedAt > (deal.closedAt ?? now)) continue;
    const seen = out.get(deal.id);
    if (!seen || c.completedAt < seen) out.set(deal.id, c.completedAt);
  }
  return out;
}

function group(deals: readonly InfluenceDeal[]): Group {
  const won = deals.filter((d) => d.stage === 'closed_won');
  const cycles = won.map((d) => (Date.parse(d.closedAt!) - Date.parse(d.openedAt)) / DAY_MS);
  return { n: deals.length, won: won.length, winRate: percent(won.length, deals.length), medianCycleDays: median(cycles) };
}

export function influenceFigures(deals: readonly InfluenceDeal[], completions: readonly Completion[], period: { from: string; to: string }, currency: string, now: string) {
  const influenced = influencedAt(deals, completions, now);
  const inPeriod = (iso: string | null) => iso !== null && iso >= period.from && iso < period.to;

  const closed = deals.filter((d) => CLOSED.has(d.stage) && inPeriod(d.closedAt));
  const segments = [...new Set(closed.map((d) => d.segment ?? 'unknown'))].sort();
  const row = (list: readonly InfluenceDeal[], segment: string) => ({
    segment,
    withReference: group(list.filter((d) => influenced.has(d.id))),
    withoutReference: group(list.filter((d) => !influenced.has(d.id))),
  });

  let pipeline = 0;
  let won = 0;
  let other = 0;
  let count = 0;
  for (const deal of deals) {
    if (!inPeriod(influenced.get(deal.id) ?? null)) continue;
    count++;
    if (deal.currency !== currency) {
      other++;
      continue;
    }
    pipeline += deal.amountMinor;
    if (deal.stage === 'closed_won') won += deal.amountMinor;
  }
  return {
    influencedDeals: count,
    influencedPipelineMinor: pipeline,
    influencedWonMinor: won,
    otherCurrencyDeals: other,
    segments: segments.map((s) =>
      row(
        closed.filter((d) => (d.segment ?? 'unknown') === s),
        s,
      ),
    ),
    overall: row(closed, 'all'),
  };
}
