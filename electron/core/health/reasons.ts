import { formatDuration } from '../../../shared/format/duration';
import type { MomentFinding } from '../journeys/momentsOfTruth';
import type { HealthFinding } from './findings';
import { countOf } from '../../../shared/format/format';

/**
 * Why an account is at risk, as what was measured against which rule, so that one pure function
 * (reasonSentence) can say it as a sentence a CSM reads aloud ("No touchpoint in the last 95 days")
 * instead of rule text ("last touchpoint 95 days ago (> 60)").
 */
export type RiskFinding = HealthFinding | MomentFinding;

const round = (value: number, digits = 1) => {
  const factor = 10 ** digits;
  return String(Math.round(value * factor) / factor).replace('-', '−');
};
const signed = (value: number) => (value > 0 ? `+${round(value)}` : round(value));
/** Minutes in the app's one duration wording (shared/format/duration.ts): "45 min", "6.2 hr", "3.5 days", as the cards beside these sentences say them. */
const duration = (minutes: number) => formatDuration(minutes, 'en-US');
const hours = (value: number) => duration(value * 60);
const bound = (operator: '>=' | '<=') => (operator === '>=' ? 'at least' : 'at most');

/** The scale a moment's figure is read on, from the finding (journeys' targetScale). */
const scaleOf = (f: MomentFinding, fallback: { min: number; max: number }) => f.scale ?? fallback;
const span = (scale: { min: number; max: number }, sign = false) => `${sign ? signed(scale.min) : round(scale.min)} to ${sign ? signed(scale.max) : round(scale.max)}`;

/** The sentence for a moment of truth lived below its target, per target metric: the card and its stage, the figure on its scale, the promise. */
function momentSentence(f: MomentFinding): string {
  const answers = `(${countOf(f.n, 'answer')})`;
  const card = `${f.name} (${f.stage})`;
  switch (f.metric) {
    case 'csat':
      return `${card} was rated ${round(f.actual)} out of ${round(scaleOf(f, { min: 1, max: 5 }).max)} on average, below the ${round(f.target)} aimed for ${answers}`;
    case 'nps':
      return `${card} scored an NPS of ${signed(f.actual)} on a ${span(scaleOf(f, { min: -100, max: 100 }), true)} scale, below the ${signed(f.target)} aimed for ${answers}`;
    case 'ces':
      return `${card} took effort: ${round(f.actual)} out of ${round(scaleOf(f, { min: 1, max: 7 }).max)}, where ${bound(f.operator)} ${round(f.target)} was aimed for ${answers}`;
    case 'sentiment': {
      const felt = f.actual < -0.5 ? 'left a negative impression' : f.actual <= 0.5 ? 'left no positive impression' : 'left a weaker impression than aimed for';
      const scale = span(scaleOf(f, { min: -2, max: 2 }), true);
      return `${card} ${felt} (sentiment ${signed(f.actual)} on a ${scale} scale, where ${bound(f.operator)} ${signed(f.target)} was aimed for, ${countOf(f.n, 'touchpoint')})`;
    }
    case 'first_response_hours':
      return `${card}: the first response took ${hours(f.actual)} (median), not within ${hours(f.target)} (${countOf(f.n, 'ticket')})`;
    case 'resolution_hours':
      return `${card}: tickets took ${hours(f.actual)} to resolve (median), not within ${hours(f.target)} (${countOf(f.n, 'ticket')})`;
    case 'time_to_go_live_days':
      return `${card}: going live took ${countOf(Math.round(f.actual), 'day')} (median), not within ${countOf(Math.round(f.target), 'day')} (${countOf(f.n, 'deployment')})`;
    case 'on_time_go_live_pct':
      return `${card}: ${round(f.actual, 0)} % of go-lives were on time, below the ${round(f.target, 0)} % aimed for (${countOf(f.n, 'deployment')})`;
    case 'adoption_pct':
      return `${card}: ${round(f.actual, 0)} % of licences are in use, below the ${round(f.target, 0)} % aimed for (${countOf(f.n, 'deployment')})`;
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
      return `${countOf(f.open, 'ticket is', 'tickets are')} open, more than the ${f.limit} a healthy account has`;
    case 'licences':
      return `Only ${f.used} of ${countOf(f.purchased, 'licence')} ${f.used === 1 ? 'is' : 'are'} in use (${round((100 * f.used) / f.purchased, 0)} %)`;
    case 'deployments':
      if (f.live === 0) return f.total === 1 ? 'The only deployment is not live yet' : `None of the ${f.total} deployments is live yet`;
      return `Only ${f.live} of ${countOf(f.total, 'deployment')} ${f.live === 1 ? 'is' : 'are'} live`;
    case 'silence':
      return f.days === Infinity
        ? 'No touchpoint has ever been recorded'
        : `No touchpoint in the last ${countOf(f.days, 'day')} (one every ${f.recentDays} days keeps an account warm)`;
    case 'renewalPassed':
      return `The renewal date passed ${countOf(f.days, 'day')} ago without a new one`;
    case 'renewalSoon':
      return f.days === 0 ? 'Renews today' : `Renews in ${countOf(f.days, 'day')}`;
    case 'momentOfTruth':
      return momentSentence(f);
  }
}
