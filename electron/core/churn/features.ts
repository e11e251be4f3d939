import { KIND, nextRenewal, type AccountHistory } from './history';

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

/**
 * What a feature's value is measured in, so every place that shows one (churn.features, reasons,
 * weights) can say "45 days", "$12,000", "3 tickets", "7.5 of 10": `log` features are ln(1 + the
 * quantity) in the model (ARR, employees), shown as the quantity; scores carry their scale.
 */
export type FeatureUnit = 'days' | 'hours' | 'years' | 'money' | 'count' | 'score' | 'percent' | 'sentiment';

export interface FeatureDef {
  key: string;
  /** How the reason sentence names it: "NPS (last answer)". */
  label: string;
  unit: FeatureUnit;
  /** A score's scale (NPS 0-10, CSAT 1-5, effort 1-7, sentiment −2 to 2). */
  range?: [number, number];
  /** The model reads ln(1 + quantity); shown as the quantity. */
  log?: boolean;
}

export const BASE_FEATURES: readonly FeatureDef[] = [
  { key: 'tenureYears', label: 'tenure', unit: 'years' },
  { key: 'daysToRenewal', label: 'days to the next renewal', unit: 'days' },
  { key: 'logArr', label: 'ARR', unit: 'money', log: true },
  { key: 'arrChange12m', label: 'ARR change over 12 months', unit: 'percent' },
  { key: 'contractions12m', label: 'ARR contractions in 12 months', unit: 'count' },
  { key: 'expansions12m', label: 'ARR expansions in 12 months', unit: 'count' },
  { key: 'npsLast', label: 'NPS answer (last)', unit: 'score', range: [0, 10] },
  { key: 'npsMean12m', label: 'NPS answers (12-month mean)', unit: 'score', range: [0, 10] },
  { key: 'npsAnswers12m', label: 'NPS answers in 12 months', unit: 'count' },
  { key: 'csatMean12m', label: 'CSAT (12-month mean)', unit: 'score', range: [1, 5] },
  { key: 'cesMean12m', label: 'effort score (12-month mean)', unit: 'score', range: [1, 7] },
  { key: 'repurchaseLast', label: 'would buy again (last answer)', unit: 'score', range: [0, 10] },
  { key: 'tickets90d', label: 'tickets in 90 days', unit: 'count' },
  { key: 'tickets365d', label: 'tickets in 12 months', unit: 'count' },
  { key: 'urgentTickets365d', label: 'high/urgent tickets in 12 months', unit: 'count' },
  { key: 'openTickets', label: 'open tickets', unit: 'count' },
  { key: 'firstResponseHours', label: 'median first response', unit: 'hours' },
  { key: 'resolutionHours', label: 'median resolution', unit: 'hours' },
  { key: 'ticketCsat', label: 'ticket CSAT (12-month mean)', unit: 'score', range: [1, 5] },
  { key: 'daysSinceTouchpoint', label: 'days since the last touchpoint', unit: 'days' },
  { key: 'touchpoints90d', label: 'touchpoints in 90 days', unit: 'count' },
  { key: 'sentiment180d', label: 'touchpoint sentiment (6-month mean)', unit: 'sentiment', range: [-2, 2] },
  { key: 'liveDeployments', label: 'live deployments', unit: 'count' },
  { key: 'deploymentsStarted', label: 'deployments started', unit: 'count' },
  { key: 'goLiveDelayDays', label: 'go-live delay', unit: 'days' },
  { key: 'logEmployees', label: 'employees', unit: 'count', log: true },
];

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const meanOf = (sum: number, n: number) => (n === 0 ? null : sum / n);
/**
 * Moves the k-th smallest of xs[0, n) to xs[k], smaller ones before it, larger after (Hoare's
 * selection, middle pivot): linear on average, where a sort is n log n plus a subarray per call.
 */
function select(xs: Float64Array, n: number, k: number): void {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const pivot = xs[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (xs[i]! < pivot) i++;
      while (xs[j]! > pivot) j--;
      if (i <= j) {
        const t = xs[i]!;
        xs[i++] = xs[j]!;
        xs[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/**
 * The median of the first `n` values of a scratch buffer (reordered in place), by selection: the
 * two medians per account and day were a third of training with JS arrays sorted by a comparator,
 * and still a tenth of a second training with typed-array sorts (session 6 profile).
 */
export function median(xs: Float64Array, n: number): number | null {
  if (n === 0) return null;
  const mid = n >> 1;
  select(xs, n, mid);
  if (n % 2) return xs[mid]!;
  // The lower middle is the largest of the values selection left before xs[mid].
  let lower = xs[0]!;
  for (let k = 1; k < mid; k++) if (xs[k]! > lower) lower = xs[k]!;
  return (lower + xs[mid]!) / 2;
}

/** Scratch buffers for the medians, grown to the largest ticket count seen (one thread, one call at a time). */
let respondedBuffer = new Float64Array(256);
let resolvedBuffer = new Float64Array(256);

/** ARR on a day (epoch ms): the last change dated before it (0 before the first). */
export function arrOn(arr: AccountHistory['arr'], dayMs: number): number {
  let level = 0;
  for (let k = 0; k < arr.on.length; k++) {
    if (arr.on[k]! >= dayMs) break;
    level = arr.value[k]!;
  }
  return level;
}

/** The last answer of a kind in [fromMs, beforeMs) (answers are in time order), or null. */
export function lastAnswer(surveys: AccountHistory['surveys'], kind: number, fromMs: number, beforeMs: number): number | null {
  let last: number | null = null;
  for (let k = 0; k < surveys.at.length; k++) {
    const at = surveys.at[k]!;
    if (at >= beforeMs) break;
    if (at >= fromMs && surveys.kind[k] === kind) last = surveys.score[k]!;
  }
  return last;
}

/** The base features of one account as of `day` (YYYY-MM-DD; rows dated on the day itself are after it). */
export function featuresAt(a: AccountHistory, day: string): (number | null)[] {
  const dayMs = Date.parse(day);
  const yearAgo = dayMs - 365 * DAY_MS;
  const quarterAgo = dayMs - 90 * DAY_MS;
  const halfAgo = dayMs - 182 * DAY_MS;
  const arrNow = arrOn(a.arr, dayMs);
  const arrThen = arrOn(a.arr, yearAgo);
  let contractions = 0;
  let expansions = 0;
  for (let k = 1; k < a.arr.on.length; k++) {
    const on = a.arr.on[k]!;
    if (on < yearAgo || on >= dayMs) continue;
    const value = a.arr.value[k]!;
    const previous = a.arr.value[k - 1]!;
    if (value < previous && value > 0) contractions++;
    if (value > previous && previous > 0) expansions++;
  }
  // Answers: the year's sums and counts per kind, and the last of each kind before the day.
  const sums = [0, 0, 0, 0, 0];
  const counts = [0, 0, 0, 0, 0];
  const last: (number | null)[] = [null, null, null, null, null];
  const s = a.surveys;
  for (let k = 0; k < s.at.length; k++) {
    const at = s.at[k]!;
    if (at >= dayMs) break;
    const kind = s.kind[k]!;
    if (kind < 0) continue;
    last[kind] = s.score[k]!;
    if (at >= yearAgo) {
      sums[kind]! += s.score[k]!;
      counts[kind]! += 1;
    }
  }
  const t = a.tickets;
  let quarter = 0;
  let year = 0;
  let urgent = 0;
  let open = 0;
  let csatSum = 0;
  let csatN = 0;
  if (respondedBuffer.length < t.opened.length) {
    respondedBuffer = new Float64Array(t.opened.length);
    resolvedBuffer = new Float64Array(t.opened.length);
  }
  const responded = respondedBuffer;
  const resolved = resolvedBuffer;
  let respondedN = 0;
  let resolvedN = 0;
  for (let k = 0; k < t.opened.length; k++) {
    const opened = t.opened[k]!;
    if (!(opened < dayMs)) continue;
    const done = t.resolved[k]!;
    // NaN (not resolved) compares false: open.
    if (!(done < dayMs)) open++;
    if (opened < yearAgo) continue;
    year++;
    if (opened >= quarterAgo) quarter++;
    if (t.urgent[k] === 1) urgent++;
    const first = t.firstResponse[k]!;
    if (first < dayMs) responded[respondedN++] = (first - opened) / HOUR_MS;
    if (done < dayMs) {
      resolved[resolvedN++] = (done - opened) / HOUR_MS;
      // A ticket's CSAT is given at resolution: known only for tickets resolved before the day.
      if (!Number.isNaN(t.csat[k]!)) {
        csatSum += t.csat[k]!;
        csatN++;
      }
    }
  }
  const tp = a.touchpoints;
  let lastTouch = -Infinity;
  let touches90 = 0;
  let sentimentSum = 0;
  let sentimentN = 0;
  for (let k = 0; k < tp.at.length; k++) {
    const at = tp.at[k]!;
    if (!(at < dayMs)) continue;
    if (at > lastTouch) lastTouch = at;
    if (at >= quarterAgo) touches90++;
    if (at >= halfAgo && !Number.isNaN(tp.sentiment[k]!)) {
      sentimentSum += tp.sentiment[k]!;
      sentimentN++;
    }
  }
  const d = a.deployments;
  let live = 0;
  let started = 0;
  let delaySum = 0;
  let delayN = 0;
  for (let k = 0; k < d.actual.length; k++) {
    if (d.started[k]! < dayMs) started++;
    const actual = d.actual[k]!;
    if (!(actual < dayMs)) continue;
    live++;
    if (!Number.isNaN(d.planned[k]!)) {
      delaySum += (actual - d.planned[k]!) / DAY_MS;
      delayN++;
    }
  }
  return [
    (dayMs - Date.parse(a.start)) / (365.25 * DAY_MS),
    (Date.parse(nextRenewal(a.start, day)) - dayMs) / DAY_MS,
    Math.log1p(arrNow / 100),
    arrThen > 0 ? (100 * (arrNow - arrThen)) / arrThen : null,
    contractions,
    expansions,
    last[KIND.nps]!,
    meanOf(sums[KIND.nps]!, counts[KIND.nps]!),
    counts[KIND.nps]!,
    meanOf(sums[KIND.csat]!, counts[KIND.csat]!),
    meanOf(sums[KIND.ces]!, counts[KIND.ces]!),
    last[KIND.repurchase]!,
    quarter,
    year,
    urgent,
    open,
    median(responded, respondedN),
    median(resolved, resolvedN),
    meanOf(csatSum, csatN),
    lastTouch === -Infinity ? null : Math.min(730, (dayMs - lastTouch) / DAY_MS),
    touches90,
    meanOf(sentimentSum, sentimentN),
    live,
    started,
    meanOf(delaySum, delayN),
    a.employeeCount === null ? null : Math.log1p(a.employeeCount),
  ];
}
