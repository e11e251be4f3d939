import type { TargetMetric } from '../../../shared/contract/journeys';
import { formatDuration } from '../../../shared/format/duration';
import type { HealthFinding } from './findings';

/**
 * Why an account is at risk, as what was measured against which rule, so that one pure function
 * (reasonSentence) can say it as a sentence a CSM reads aloud ("No touchpoint in the last 95 days")
 * instead of rule text ("last touchpoint 95 days ago (> 60)").
 */
export type RiskFinding = HealthFinding | { kind: 'momentOfTruth'; name: string; metric: TargetMetric; operator: '>=' | '<='; target: number; actual: number; n: number };

const round = (value: number, digits = 1) => {
  const factor = 10 ** digits;
  return String(Math.round(value * factor) / factor).replace('-', '−');
};
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const signed = (value: number) => (value > 0 ? `+${round(value)}` : round(value));
/** Minutes in the app's one duration wording (shared/format/duration.ts): "45 min", "6.2 hr", "3.5 days", as the cards beside these sentences say them. */
const duration = (minutes: number) => formatDuration(minutes, 'en-US');
const hours = (value: number) => duration(value * 60);
const bound = (operator: '>=' | '<=') => (operator === '>=' ? 'at least' : 'at most');

/** The sentence for a moment of truth lived below its target, per target metric. */
function momentSentence(f: Extract<RiskFinding, { kind: 'momentOfTruth' }>): string {
  const answers = `(${plural(f.n, 'answer')})`;
  switch (f.metric) {
    case 'csat':
      return `${f.name} was rated ${round(f.actual)} out of 5 on average, below the ${round(f.target)} aimed for ${answers}`;
    case 'nps':
      return `${f.name} scored an NPS of ${signed(f.actual)}, below the ${signed(f.target)} aimed for ${answers}`;
    case 'ces':
      return `${f.name} took effort: ${round(f.actual)} out of 7, where ${bound(f.operator)} ${round(f.target)} was aimed for ${answers}`;
    case 'sentiment': {
      const felt = f.actual < -0.5 ? 'left a negative impression' : f.actual <= 0.5 ? 'left no positive impression' : 'left a weaker impression than aimed for';
      return `${f.name} ${felt} (sentiment ${signed(f.actual)} where ${bound(f.operator)} ${signed(f.target)} was aimed for, ${plural(f.n, 'touchpoint')})`;
    }
    case 'first_response_hours':
      return `${f.name}: the first response took ${hours(f.actual)} (median), not within ${hours(f.target)} (${plural(f.n, 'ticket')})`;
    case 'resolution_hours':
      return `${f.name}: tickets took ${hours(f.actual)} to resolve (median), not within ${hours(f.target)} (${plural(f.n, 'ticket')})`;
    case 'time_to_go_live_days':
      return `${f.name}: going live took ${plural(Math.round(f.actual), 'day')} (median), not within ${plural(Math.round(f.target), 'day')} (${plural(f.n, 'deployment')})`;
    case 'on_time_go_live_pct':
      return `${f.name}: ${round(f.actual, 0)} % of go-lives were on time, below the ${round(f.target, 0)} % aimed for (${plural(f.n, 'deployment')})`;
    case 'adoption_pct':
      return `${f.name}: ${round(f.actual, 0)} % of licences are in use, below the ${round(f.target, 0)} % aimed for (${plural(f.n, 'deployment')})`;
  }
}

export function reasonSentence(f: RiskFinding): string {
  switch (f.kind) {
    case 'nps':
      return f.value < 0 ? `More detractors than promoters: NPS ${signed(f.value)} over the last 12 months` : `NPS is ${signed(f.value)} over the last 12 months`;
    case 'csat':
      return f.value < 0.5 ? 'No CSAT answer was satisfied over the last 12 months' : `Only ${round(f.value, 0)} % of CSAT answers were satisfied over the last 12 months`;
    case 'firstResponse':
      return `Tickets wait ${duration(f.medianMinutes)} for a first response (median), beyond the ${duration(f.slaMinutes)} SLA`;
    case 'backlog':
      return `${plural(f.open, 'ticket is', 'tickets are')} open, more than the ${f.limit} a healthy account has`;
    case 'licences':
      return `Only ${f.used} of ${plural(f.purchased, 'licence')} ${f.used === 1 ? 'is' : 'are'} in use (${round((100 * f.used) / f.purchased, 0)} %)`;
    case 'deployments':
      if (f.live === 0) return f.total === 1 ? 'The only deployment is not live yet' : `None of the ${f.total} deployments is live yet`;
      return `Only ${f.live} of ${plural(f.total, 'deployment')} ${f.live === 1 ? 'is' : 'are'} live`;
    case 'silence':
      return f.days === Infinity
        ? 'No touchpoint has ever been recorded'
        : `No touchpoint in the last ${plural(f.days, 'day')} (one every ${f.recentDays} days keeps an account warm)`;
    case 'renewalPassed':
      return `The renewal date passed ${plural(f.days, 'day')} ago without a new one`;
    case 'renewalSoon':
      return f.days === 0 ? 'Renews today' : `Renews in ${plural(f.days, 'day')}`;
    case 'momentOfTruth':
      return momentSentence(f);
  }
}
