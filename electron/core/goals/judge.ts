import type { GoalKpi, GoalStanding } from '../../../shared/contract/goals';
import type { MetricValueDto } from '../../../shared/contract/metrics';
import { shareWithInterval } from '../metrics/interval';
import { SKETCH_RELATIVE_ERROR } from '../metrics/sketch';
import { formatInteger } from '../../../shared/format/format';

/** Lower is better for these; higher for the rest. */
const LOWER_IS_BETTER: ReadonlySet<GoalKpi> = new Set(['first_response_median', 'logo_churn']);
/** Shares of a count (percent): a Wilson interval on n when the figure brings none. */
const SHARES: ReadonlySet<GoalKpi> = new Set(['renewal_rate', 'logo_churn']);
/** Census figures: no sample, so no interval, whatever the figure carries; what each counts, for the explanation. */
const EXACT: ReadonlyMap<GoalKpi, string> = new Map([
  ['nrr', "every account's ARR"],
  ['grr', "every account's ARR"],
]);
/**
 * Census figures read from a quantile sketch (metrics/sketch.ts): no sampling error, but the value
 * is within the sketch's relative error of the exact order statistic, so the true value lies in
 * [v / (1 + α), v / (1 − α)] and a target inside that band is not yet clear.
 */
const SKETCHED: ReadonlyMap<GoalKpi, string> = new Map([['first_response_median', 'every ticket']]);
const pctOf = (share: number) => `${Math.round(share * 1000) / 10} %`;

export const directionOf = (kpi: GoalKpi) => (LOWER_IS_BETTER.has(kpi) ? ('lower' as const) : ('higher' as const));

type Judged = Pick<GoalStanding, 'direction' | 'status' | 'interval' | 'explanation'>;

const fmt = (x: number) => String(Math.round(x * 10) / 10);

/**
 * Whether a figure meets its goal. Met (or missed) only when the whole interval lies on one side of
 * the target; a census figure (ARR retention, the median of every ticket) has no sampling error and
 * is compared as it is, and says so.
 */
export function judgeGoal(kpi: GoalKpi, target: number, figure: MetricValueDto): Judged {
  const direction = directionOf(kpi);
  const better = direction === 'higher' ? 'at least' : 'at most';
  if (figure.value === null) return { direction, status: 'no_data', interval: null, explanation: figure.reason ?? 'no figure for this period and scope' };
  let interval: GoalStanding['interval'];
  if (EXACT.has(kpi)) interval = { low: figure.value, high: figure.value, kind: 'exact' };
  else if (SKETCHED.has(kpi)) interval = { low: figure.value / (1 + SKETCH_RELATIVE_ERROR), high: figure.value / (1 - SKETCH_RELATIVE_ERROR), kind: 'sketch' };
  else if (figure.low !== undefined && figure.high !== undefined) interval = { low: figure.low, high: figure.high, kind: 'metric' };
  else if (SHARES.has(kpi) && figure.n > 0) {
    const share = shareWithInterval(Math.round((figure.value * figure.n) / 100), figure.n);
    interval = share ? { low: share.low, high: share.high, kind: 'wilson' } : null;
    // A survey figure (NPS, CSAT, NSAT) samples the customers: without its own interval nothing can be concluded.
  } else interval = null;

  if (!interval) return { direction, status: 'not_yet_clear', interval, explanation: `${fmt(figure.value)} from ${figure.n} answers, without an interval: not yet clear` };
  const range =
    interval.kind === 'exact'
      ? `${fmt(figure.value)} (${EXACT.get(kpi)}, n = ${formatInteger(figure.n)}: exact, no sampling interval)`
      : interval.kind === 'sketch'
        ? `${fmt(figure.value)} (${SKETCHED.get(kpi)}, n = ${formatInteger(figure.n)}: no sampling interval, read within ${pctOf(SKETCH_RELATIVE_ERROR)}, so ${fmt(interval.low)}–${fmt(interval.high)})`
        : `${fmt(figure.value)}, 95 % interval ${fmt(interval.low)}–${fmt(interval.high)} (n = ${formatInteger(figure.n)})`;
  const above = interval.low >= target;
  const below = interval.high <= target;
  const met = direction === 'higher' ? above : below;
  const missed = direction === 'higher' ? interval.high < target : interval.low > target;
  const status = met ? 'met' : missed ? 'missed' : 'not_yet_clear';
  const verdict = met ? 'met' : missed ? 'missed' : `not yet clear: the ${interval.kind === 'sketch' ? 'band' : 'interval'} spans the target`;
  return { direction, status, interval, explanation: `${range} against a goal of ${better} ${fmt(target)}: ${verdict}` };
}
