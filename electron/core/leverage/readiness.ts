import type { LeverageSettings } from '../../../shared/contract/settings';
import { healthScore } from '../metrics/health';
import { DAY_MS } from '../../../shared/dates';
import { countOf } from '../../../shared/format/format';

/**
 * Reference readiness (the leverage index), 0-100: can this customer speak for us? A weighted
 * mean of four 0-100 components, renormalised over those with data like the health score
 * (metrics/health.ts), minus a fatigue penalty:
 *
 *   deployment    live share of deployments, go-lives on time (actual ≤ planned), adoption (licences used / purchased)
 *   satisfaction  NPS → (NPS + 100) / 2, CSAT top-2-box %, NSAT / 2, answers of the last 12 months
 *   loyalty       tenure (36 months or more = 100; each whole contract year is a renewal), would buy again (repurchase 0-10 × 10)
 *   rapport       last touchpoint (≤ 30 days 100, ≤ 90 days 50, else 0), a champion contact (100 / 0)
 *   penalty       fatiguePenalty × min(1, asks in the window / budget)
 *
 * Each component is the mean of its parts with data. Below half the weight with data there is no score.
 * Thresholds are this product's defaults, not published norms.
 */

export interface ReadinessInputs {
  accountId: number;
  contractStart: string | null;
  deployments: { total: number; live: number; liveWithPlan: number; onTime: number; used: number | null; purchased: number | null };
  surveys: {
    npsN: number;
    promoters: number;
    detractors: number;
    csatN: number;
    csatTop2: number;
    nsatN: number;
    nsatVery: number;
    nsatDissatisfied: number;
    repurchaseN: number;
    repurchaseSum: number;
  };
  lastTouchpointAt: string | null;
  hasChampion: boolean;
  /** Asks of the account's reference contacts in the fatigue window, and the budget they count against. */
  asks: number;
  askBudget: number;
}

export interface ReadinessPart {
  id: 'deployment' | 'satisfaction' | 'loyalty' | 'rapport';
  label: string;
  weight: number;
  score: number | null;
  points: number | null;
  reason: string;
}

export interface ReadinessResult {
  score: number | null;
  reason: string | null;
  base: number | null;
  components: ReadinessPart[];
  fatigue: { asks: number; budget: number; penalty: number; reason: string };
  reasons: string[];
}

export const READINESS_COVERAGE_FLOOR_PCT = 50;
const LABELS = { deployment: 'Deployment success', satisfaction: 'Satisfaction', loyalty: 'Loyalty', rapport: 'Rapport' } as const;

interface Part {
  score: number;
  reason: string;
}

const round = (x: number) => Math.round(x);
/** 5,474: grouped by hand (Intl per reason would cost seconds over 20,000 accounts). */
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const signed = (x: number) => `${x > 0 ? '+' : ''}${round(x)}`;

function mean(parts: Part[], none: string): { score: number | null; reason: string } {
  if (parts.length === 0) return { score: null, reason: none };
  return { score: parts.reduce((s, p) => s + p.score, 0) / parts.length, reason: parts.map((p) => p.reason).join('; ') };
}

export function deploymentComponent(d: ReadinessInputs['deployments']) {
  const parts: Part[] = [];
  if (d.total > 0) parts.push({ score: (100 * d.live) / d.total, reason: `${d.live} of ${countOf(d.total, 'deployment')} live` });
  if (d.liveWithPlan > 0) parts.push({ score: (100 * d.onTime) / d.liveWithPlan, reason: `${d.onTime} of ${d.liveWithPlan} on time` });
  if (d.used !== null && d.purchased !== null && d.purchased > 0) {
    const share = Math.min(100, (100 * d.used) / d.purchased);
    parts.push({ score: share, reason: `adoption ${round(share)} % (${grouped(d.used)} of ${grouped(d.purchased)} licences)` });
  }
  return mean(parts, 'no deployments');
}

export function satisfactionComponent(s: ReadinessInputs['surveys']) {
  const parts: Part[] = [];
  if (s.npsN > 0) {
    const nps = (100 * (s.promoters - s.detractors)) / s.npsN;
    parts.push({ score: (nps + 100) / 2, reason: `NPS ${signed(nps)} (${countOf(s.npsN, 'answer')})` });
  }
  if (s.csatN > 0) {
    const csat = (100 * s.csatTop2) / s.csatN;
    parts.push({ score: csat, reason: `CSAT ${round(csat)} % (${countOf(s.csatN, 'answer')})` });
  }
  if (s.nsatN > 0) {
    const nsat = (100 * (s.nsatVery - s.nsatDissatisfied)) / s.nsatN + 100;
    parts.push({ score: nsat / 2, reason: `NSAT ${round(nsat)} (${countOf(s.nsatN, 'answer')})` });
  }
  return mean(parts, 'no survey answers in the last 12 months');
}

/** Whole months from one instant to another (calendar months, day of month respected). */
export function wholeMonths(from: string, to: Date): number {
  const start = new Date(from);
  let months = (to.getUTCFullYear() - start.getUTCFullYear()) * 12 + (to.getUTCMonth() - start.getUTCMonth());
  if (to.getUTCDate() < start.getUTCDate()) months -= 1;
  return Math.max(0, months);
}

export function loyaltyComponent(input: Pick<ReadinessInputs, 'contractStart' | 'surveys'>, now: Date) {
  const parts: Part[] = [];
  if (input.contractStart) {
    const months = wholeMonths(input.contractStart, now);
    const years = Math.floor(months / 12);
    const tenure = years > 0 ? `${countOf(years, 'year')}${months % 12 ? ` ${countOf(months % 12, 'month')}` : ''}` : countOf(months, 'month');
    parts.push({ score: Math.min(100, (100 * months) / 36), reason: `customer for ${tenure} (${countOf(years, 'renewal')})` });
  }
  const s = input.surveys;
  if (s.repurchaseN > 0) {
    const mean10 = s.repurchaseSum / s.repurchaseN;
    parts.push({ score: mean10 * 10, reason: `would buy again ${Math.round(mean10 * 10) / 10}/10 (${countOf(s.repurchaseN, 'answer')})` });
  }
  return mean(parts, 'no contract start or repurchase answers');
}

export function rapportComponent(input: Pick<ReadinessInputs, 'lastTouchpointAt' | 'hasChampion'>, now: Date) {
  const parts: Part[] = [];
  if (input.lastTouchpointAt) {
    const days = Math.max(0, Math.floor((now.getTime() - Date.parse(input.lastTouchpointAt)) / DAY_MS));
    const score = days <= 30 ? 100 : days <= 90 ? 50 : 0;
    parts.push({ score, reason: `last touchpoint ${countOf(days, 'day')} ago` });
  }
  parts.push(input.hasChampion ? { score: 100, reason: 'a champion contact' } : { score: 0, reason: 'no champion contact' });
  return mean(parts, 'no touchpoints');
}

/** The fatigue penalty in points: the full penalty at or over the budget, less in proportion. */
export function fatiguePenalty(asks: number, budget: number, maxPenalty: number, windowDays: number) {
  const share = asks === 0 ? 0 : budget <= 0 ? 1 : Math.min(1, asks / budget);
  const penalty = maxPenalty * share;
  const reason = asks === 0 ? `no asks in the last ${windowDays} days` : `${countOf(asks, 'ask')} of ${budget} in the last ${windowDays} days: −${round(penalty)}`;
  return { asks, budget, penalty, reason };
}

export function readinessScore(input: ReadinessInputs, settings: LeverageSettings, now: Date): ReadinessResult {
  const w = settings.readinessWeights;
  const scored = {
    deployment: deploymentComponent(input.deployments),
    satisfaction: satisfactionComponent(input.surveys),
    loyalty: loyaltyComponent(input, now),
    rapport: rapportComponent(input, now),
  };
  const ids = Object.keys(scored) as ReadinessPart['id'][];
  const combined = healthScore(
    ids.map((id) => ({ id, weight: w[id], score: scored[id].score })),
    { coverageFloorPct: READINESS_COVERAGE_FLOOR_PCT },
  );
  const components: ReadinessPart[] = ids.map((id) => ({
    id,
    label: LABELS[id],
    weight: w[id],
    score: scored[id].score,
    points: combined.contributions.find((c) => c.id === id)?.contribution ?? null,
    reason: scored[id].reason,
  }));
  const fatigue = fatiguePenalty(input.asks, input.askBudget, settings.fatiguePenalty, settings.fatigue.windowDays);
  const base = combined.value;
  const score = base === null ? null : Math.max(0, base - fatigue.penalty);
  const reasons = components
    .filter((c) => c.score !== null)
    .sort((a, b) => (b.score ?? 0) - (a.score ?? 0))
    .map((c) => `${c.label}: ${c.reason}`);
  if (fatigue.penalty > 0) reasons.push(`Fatigue: ${fatigue.reason}`);
  return { score, reason: base === null ? (combined.reason ?? 'insufficient data') : null, base, components, fatigue, reasons };
}
