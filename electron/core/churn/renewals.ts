import type Database from 'better-sqlite3';
import type { Settings } from '../../../shared/contract/settings';
import { addMonths, DAY_MS } from '../../../shared/dates';
import { advocateSegmentOf, ADVOCATE_SEGMENTS } from '../metrics/advocates';
import { arrByBand, byGroup, type RenewalOutcome } from '../metrics/satisfactionRevenue';
import { currentSnapshots } from '../health/snapshots';
import { arrOn, lastAnswer } from './features';
import { healthRiskAt } from './healthAt';
import { addDays, KIND, type AccountHistory } from './history';
import { currentProbabilities } from './store';

/**
 * The renewals behind "what satisfaction is worth", with what was known before each: renewals fall
 * due on each anniversary of the contract start (yearly terms, as the renewal rate assumes,
 * metrics/retentionFigures.ts), in [from, to) and passed; one is not due when the account churned
 * more than 90 days before it (an early termination). Renewed: not churned by it. ARR due: the ARR
 * 90 days before it; kept: the ARR 31 days after it (0 when not renewed).
 * Groups, each from answers before the renewal: the NPS group of the last answer in the 12 months
 * before; the CSAT band of that year's answers (share satisfied, 4-5 of 5: high ≥ 80 %, middle
 * 60-80 %, low < 60 %); the advocate quadrant of the last would-recommend and would-buy-again
 * answers; the rule health band on the renewal day.
 */

export const NPS_GROUPS = ['promoter', 'passive', 'detractor'] as const;
export const CSAT_BANDS = ['high', 'middle', 'low'] as const;
export const HEALTH_BANDS = ['green', 'amber', 'red'] as const;
export const PROBABILITY_BANDS = ['under 10 %', '10-25 %', '25-50 %', '50 % and over'] as const;

const LABELS: Record<string, string> = {
  promoter: 'Promoters',
  passive: 'Passives',
  detractor: 'Detractors',
  high: 'High CSAT',
  middle: 'Middle CSAT',
  low: 'Low CSAT',
  champions: 'Champions',
  moralSupporters: 'Moral supporters',
  captives: 'Captives',
  rebels: 'Rebels',
  green: 'Green',
  amber: 'Amber',
  red: 'Red',
};

interface Renewal extends RenewalOutcome {
  nps: string | null;
  csat: string | null;
  advocate: string | null;
  health: string | null;
}

export function renewalsIn(histories: readonly AccountHistory[], from: string, to: string, today: string, settings: Settings): Renewal[] {
  const end = to < today ? to : today;
  const out: Renewal[] = [];
  for (const a of histories) {
    for (let k = 1; ; k++) {
      const due = addMonths(a.start, 12 * k);
      if (due >= end) break;
      if (due < from) continue;
      if (a.churnedAt !== null && a.churnedAt < addDays(due, -90)) break;
      const renewed = a.churnedAt === null || a.churnedAt > due;
      const dueMs = Date.parse(due);
      const yearAgo = dueMs - 365 * DAY_MS;
      const nps = lastAnswer(a.surveys, KIND.nps, yearAgo, dueMs);
      let csatN = 0;
      let satisfiedN = 0;
      for (let j = 0; j < a.surveys.at.length; j++) {
        const at = a.surveys.at[j]!;
        if (at >= dueMs) break;
        if (at >= yearAgo && a.surveys.kind[j] === KIND.csat) {
          csatN++;
          if (a.surveys.score[j]! >= 4) satisfiedN++;
        }
      }
      const satisfied = csatN === 0 ? null : (100 * satisfiedN) / csatN;
      const advocate = advocateSegmentOf({ recommend: nps, buyAgain: lastAnswer(a.surveys, KIND.repurchase, yearAgo, dueMs) });
      out.push({
        accountId: a.id,
        renewalDate: due,
        renewed,
        before: arrOn(a.arr, dueMs - 90 * DAY_MS),
        after: renewed ? arrOn(a.arr, dueMs + 31 * DAY_MS) : 0,
        nps: nps === null ? null : nps >= 9 ? 'promoter' : nps >= 7 ? 'passive' : 'detractor',
        csat: satisfied === null ? null : satisfied >= 80 ? 'high' : satisfied >= 60 ? 'middle' : 'low',
        advocate,
        health: healthRiskAt(a, due, settings).band,
      });
    }
  }
  return out;
}

export function probabilityBand(p: number): string {
  return p < 0.1 ? PROBABILITY_BANDS[0] : p < 0.25 ? PROBABILITY_BANDS[1] : p < 0.5 ? PROBABILITY_BANDS[2] : PROBABILITY_BANDS[3];
}

/** Every figure of the section, for renewals in [from, to), and ARR renewing in [today, today + horizonDays) at risk, of the accounts in `ids`. */
export function satisfactionRevenue(
  sqlite: Database.Database,
  histories: readonly AccountHistory[],
  range: { from: string; to: string; horizonDays: number },
  today: string,
  settings: Settings,
  /** The accounts the dashboard's filters keep (histories are already cut to them); null: every one. */
  ids: ReadonlySet<number> | null = null,
) {
  const renewals = renewalsIn(histories, range.from, range.to, today, settings);
  const group = (pick: (r: Renewal) => string | null, order: readonly string[]) => byGroup(renewals, (o) => pick(o as Renewal), order, LABELS);
  // Revenue at risk: current customers renewing within the horizon, by today's health band and predicted probability.
  const until = addDays(today, range.horizonDays);
  const upcoming = sqlite
    .prepare<unknown[], { id: number; arr: number }>(
      `SELECT id, arr_minor AS arr FROM accounts WHERE archived_at IS NULL AND churned_at IS NULL AND renewal_date >= ? AND renewal_date < ? ORDER BY id`,
    )
    .all(today, until)
    .filter((u) => ids === null || ids.has(u.id));
  const snapshots = currentSnapshots(sqlite);
  const probabilities = currentProbabilities(sqlite);
  const scored = upcoming.filter((u) => probabilities.has(u.id));
  return {
    from: range.from,
    to: range.to,
    accounts: ids === null ? histories.length : ids.size,
    renewals: renewals.length,
    byNps: group((r) => r.nps, NPS_GROUPS),
    byCsat: group((r) => r.csat, CSAT_BANDS),
    byAdvocate: group((r) => r.advocate, ADVOCATE_SEGMENTS),
    byHealth: group((r) => (r.health === 'insufficient' ? null : r.health), HEALTH_BANDS),
    atRisk: {
      from: today,
      to: until,
      accounts: upcoming.length,
      arrMinor: upcoming.reduce((s, u) => s + u.arr, 0),
      byHealth: arrByBand(
        upcoming.map((u) => ({ band: snapshots.get(u.id)?.band ?? 'insufficient', arr: u.arr })),
        [...HEALTH_BANDS, 'insufficient'],
      ),
      byProbability: arrByBand(
        scored.map((u) => ({ band: probabilityBand(probabilities.get(u.id)!), arr: u.arr })),
        PROBABILITY_BANDS,
      ),
      unscored: upcoming.length - scored.length,
    },
  };
}
