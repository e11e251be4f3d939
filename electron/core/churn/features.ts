import { addDays, nextRenewal, type AccountHistory } from './history';

/**
 * An account's churn features as of a day, computed only from rows dated before that day (a
 * ticket's resolution counts only if it was resolved before the day, an answer only if given
 * before it). Missing stays null (no NPS answer is not a score of 0); the design matrix imputes it
 * with the training mean and adds a "missing" indicator (design.ts).
 *
 * Left out on purpose: licence utilisation (deployments keep only today's count, not its history,
 * so using it in a backtest would read the future) and any custom field in the time backtest
 * (custom fields are undated; they serve the snapshot evaluation, `churn.crossValidate`).
 */

export interface FeatureDef {
  key: string;
  /** How the reason sentence names it: "NPS (last answer)". */
  label: string;
  unit?: string;
}

export const BASE_FEATURES: readonly FeatureDef[] = [
  { key: 'tenureYears', label: 'tenure', unit: 'years' },
  { key: 'daysToRenewal', label: 'days to the next renewal' },
  { key: 'logArr', label: 'ARR (log)' },
  { key: 'arrChange12m', label: 'ARR change over 12 months', unit: '%' },
  { key: 'contractions12m', label: 'ARR contractions in 12 months' },
  { key: 'expansions12m', label: 'ARR expansions in 12 months' },
  { key: 'npsLast', label: 'NPS answer (last)' },
  { key: 'npsMean12m', label: 'NPS answers (12-month mean)' },
  { key: 'npsAnswers12m', label: 'NPS answers in 12 months' },
  { key: 'csatMean12m', label: 'CSAT (12-month mean, 1-5)' },
  { key: 'cesMean12m', label: 'effort score (12-month mean, 1-7)' },
  { key: 'repurchaseLast', label: 'would buy again (last answer)' },
  { key: 'tickets90d', label: 'tickets in 90 days' },
  { key: 'tickets365d', label: 'tickets in 12 months' },
  { key: 'urgentTickets365d', label: 'high/urgent tickets in 12 months' },
  { key: 'openTickets', label: 'open tickets' },
  { key: 'firstResponseHours', label: 'median first response', unit: 'hours' },
  { key: 'resolutionHours', label: 'median resolution', unit: 'hours' },
  { key: 'ticketCsat', label: 'ticket CSAT (12-month mean)' },
  { key: 'daysSinceTouchpoint', label: 'days since the last touchpoint' },
  { key: 'touchpoints90d', label: 'touchpoints in 90 days' },
  { key: 'sentiment180d', label: 'touchpoint sentiment (6-month mean)' },
  { key: 'liveDeployments', label: 'live deployments' },
  { key: 'deploymentsStarted', label: 'deployments started' },
  { key: 'goLiveDelayDays', label: 'go-live delay', unit: 'days' },
  { key: 'logEmployees', label: 'employees (log)' },
];

const HOUR_MS = 3_600_000;
const mean = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length);
function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** ARR on a day: the last change dated before it (0 before the first). */
export function arrOn(arr: readonly [string, number][], day: string): number {
  let level = 0;
  for (const [on, value] of arr) {
    if (on >= day) break;
    level = value;
  }
  return level;
}

/** The base features of one account as of `day` (YYYY-MM-DD; rows dated on the day itself are after it). */
export function featuresAt(a: AccountHistory, day: string): (number | null)[] {
  const dayMs = Date.parse(day);
  const yearAgo = addDays(day, -365);
  const quarterAgo = addDays(day, -90);
  const halfAgo = addDays(day, -182);
  const arrNow = arrOn(a.arr, day);
  const arrThen = arrOn(a.arr, yearAgo);
  let contractions = 0;
  let expansions = 0;
  for (let k = 1; k < a.arr.length; k++) {
    const [on, value] = a.arr[k]!;
    if (on < yearAgo || on >= day) continue;
    if (value < a.arr[k - 1]![1] && value > 0) contractions++;
    if (value > a.arr[k - 1]![1] && a.arr[k - 1]![1] > 0) expansions++;
  }
  const answers = (kind: string, from: string) => a.surveys.filter(([at, k]) => k === kind && at >= from && at < day).map(([, , score]) => score);
  const lastOf = (kind: string) => {
    let last: number | null = null;
    for (const [at, k, score] of a.surveys) if (k === kind && at < day) last = score;
    return last;
  };
  const nps12 = answers('nps', yearAgo);
  const before = a.tickets.filter(([opened]) => opened < day);
  const year = before.filter(([opened]) => opened >= yearAgo);
  const responded = year.filter(([, first]) => first !== null && first < day).map(([opened, first]) => (Date.parse(first!) - Date.parse(opened)) / HOUR_MS);
  const resolved = year.filter(([, , done]) => done !== null && done < day).map(([opened, , done]) => (Date.parse(done!) - Date.parse(opened)) / HOUR_MS);
  // A ticket's CSAT is given at resolution: known only for tickets resolved before the day.
  const ticketCsat = year.filter(([, , done, , csat]) => csat !== null && done !== null && done < day).map((t) => t[4]!);
  let lastTouch: string | null = null;
  for (const [at] of a.touchpoints) if (at < day && (lastTouch === null || at > lastTouch)) lastTouch = at;
  const sentiments = a.touchpoints.filter(([at, s]) => at >= halfAgo && at < day && s !== null).map(([, s]) => s!);
  const live = a.deployments.filter(([, , actual]) => actual !== null && actual < day);
  const delays = live.filter(([, planned]) => planned !== null).map(([, planned, actual]) => (Date.parse(actual!) - Date.parse(planned!)) / 86_400_000);
  return [
    (dayMs - Date.parse(a.start)) / (365.25 * 86_400_000),
    (Date.parse(nextRenewal(a.start, day)) - dayMs) / 86_400_000,
    Math.log1p(arrNow / 100),
    arrThen > 0 ? (100 * (arrNow - arrThen)) / arrThen : null,
    contractions,
    expansions,
    lastOf('nps'),
    mean(nps12),
    nps12.length,
    mean(answers('csat', yearAgo)),
    mean(answers('ces', yearAgo)),
    lastOf('repurchase'),
    before.filter(([opened]) => opened >= quarterAgo).length,
    year.length,
    year.filter(([, , , priority]) => priority === 'high' || priority === 'urgent').length,
    before.filter(([, , done]) => done === null || done >= day).length,
    median(responded),
    median(resolved),
    mean(ticketCsat),
    lastTouch === null ? null : Math.min(730, (dayMs - Date.parse(lastTouch)) / 86_400_000),
    a.touchpoints.filter(([at]) => at >= quarterAgo && at < day).length,
    mean(sentiments),
    live.length,
    a.deployments.filter(([started]) => started !== null && started < day).length,
    mean(delays),
    a.employeeCount === null ? null : Math.log1p(a.employeeCount),
  ];
}
