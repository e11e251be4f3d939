import type { TargetMetric } from '../../../shared/contract/journeys';
import { answerSatisfaction, sentimentSatisfaction } from './rules';
import { minutesOfBucket, TIME_BUCKETS, type LinkedTicket, type SparseTimes } from './inputs';

/** Everything a touchpoint's records say, added up; `actualOf` reads a metric from it. */
export interface Tally {
  volume: number;
  csat: { n: number; sum: number };
  nps: { n: number; promoters: number; detractors: number };
  ces: { n: number; sum: number };
  sentiment: { n: number; sum: number };
  /** Dense histograms of bucketed times (inputs.ts). */
  firstResponse: Float64Array;
  resolution: Float64Array;
  goLiveDays: number[];
  onTime: { n: number; yes: number };
  adoption: { n: number; sum: number };
  /** Survey answers (and sentiments) on the common 0-100 scale. */
  answers: number;
  satisfaction: { n: number; sum: number };
}

export const emptyTally = (): Tally => ({
  volume: 0,
  csat: { n: 0, sum: 0 },
  nps: { n: 0, promoters: 0, detractors: 0 },
  ces: { n: 0, sum: 0 },
  sentiment: { n: 0, sum: 0 },
  firstResponse: new Float64Array(TIME_BUCKETS),
  resolution: new Float64Array(TIME_BUCKETS),
  goLiveDays: [],
  onTime: { n: 0, yes: 0 },
  adoption: { n: 0, sum: 0 },
  answers: 0,
  satisfaction: { n: 0, sum: 0 },
});

/** Adds `count` survey answers of one kind and score. */
export function addAnswer(tally: Tally, kind: string, score: number, count = 1): void {
  if (kind === 'csat') {
    tally.csat.n += count;
    tally.csat.sum += score * count;
  } else if (kind === 'nps') {
    tally.nps.n += count;
    if (score >= 9) tally.nps.promoters += count;
    else if (score <= 6) tally.nps.detractors += count;
  } else if (kind === 'ces') {
    tally.ces.n += count;
    tally.ces.sum += score * count;
  }
  const satisfaction = answerSatisfaction(kind, score);
  if (satisfaction === null) return;
  tally.answers += count;
  tally.satisfaction.n += count;
  tally.satisfaction.sum += satisfaction * count;
}

/**
 * Adds one ticket (sign 1) or takes it away (sign −1) exactly as its cell counts it; `times` says
 * which of its bucketed times the card reads.
 */
export function addTicket(tally: Tally, ticket: LinkedTicket, sign: 1 | -1, times: { firstResponse: boolean; resolution: boolean }): void {
  tally.volume += sign;
  if (ticket.csat !== null) {
    tally.csat.n += sign;
    tally.csat.sum += sign * ticket.csat;
    tally.answers += sign;
    tally.satisfaction.n += sign;
    tally.satisfaction.sum += sign * ((ticket.csat - 1) / 4) * 100;
  }
  if (times.firstResponse && ticket.firstResponse !== null) tally.firstResponse[ticket.firstResponse]! += sign;
  if (times.resolution && ticket.resolution !== null) tally.resolution[ticket.resolution]! += sign;
}

export function addSentiment(tally: Tally, sentiment: number): void {
  tally.sentiment.n++;
  tally.sentiment.sum += sentiment;
  tally.satisfaction.n++;
  tally.satisfaction.sum += sentimentSatisfaction(sentiment);
}

export function addTimes(into: Float64Array, from: SparseTimes): void {
  for (let i = 0; i < from.keys.length; i++) into[from.keys[i]!]! += from.counts[i]!;
}

/** The median of a bucketed histogram, in hours (the bucket that holds the middle value). */
export function histogramMedianHours(histogram: Float64Array): { value: number | null; n: number } {
  let n = 0;
  for (let k = 0; k < histogram.length; k++) n += histogram[k]!;
  if (n === 0) return { value: null, n: 0 };
  let seen = 0;
  for (let k = 0; k < histogram.length; k++) {
    seen += histogram[k]!;
    if (seen >= n / 2) return { value: minutesOfBucket(k) / 60, n };
  }
  return { value: null, n };
}

export function medianOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = (sorted.length - 1) / 2;
  return (sorted[Math.floor(mid)]! + sorted[Math.ceil(mid)]!) / 2;
}

/** Linear-interpolated quantile (the spreadsheet's PERCENTILE.INC). */
export function quantileOf(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low]! + (sorted[Math.min(low + 1, sorted.length - 1)]! - sorted[low]!) * (at - low);
}

const mean = (part: { n: number; sum: number }) => (part.n === 0 ? null : part.sum / part.n);

/** The value of a target metric over a tally, and how many values it rests on. */
export function actualOf(metric: TargetMetric, tally: Tally): { value: number | null; n: number } {
  switch (metric) {
    case 'csat':
      return { value: mean(tally.csat), n: tally.csat.n };
    case 'ces':
      return { value: mean(tally.ces), n: tally.ces.n };
    case 'sentiment':
      return { value: mean(tally.sentiment), n: tally.sentiment.n };
    case 'nps': {
      const { n, promoters, detractors } = tally.nps;
      return { value: n === 0 ? null : ((promoters - detractors) / n) * 100, n };
    }
    case 'first_response_hours':
      return histogramMedianHours(tally.firstResponse);
    case 'resolution_hours':
      return histogramMedianHours(tally.resolution);
    case 'time_to_go_live_days':
      return { value: medianOf(tally.goLiveDays), n: tally.goLiveDays.length };
    case 'on_time_go_live_pct':
      return { value: tally.onTime.n === 0 ? null : (tally.onTime.yes / tally.onTime.n) * 100, n: tally.onTime.n };
    case 'adoption_pct':
      return { value: mean(tally.adoption), n: tally.adoption.n };
  }
}
