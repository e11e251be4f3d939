import { describe, expect, it } from 'vitest';
import { TARGET_METRICS, type TargetMetric } from '../../../shared/contract/journeys';
import { targetScale } from '../journeys/momentsOfTruth';
import { reasonSentence, type RiskFinding } from './reasons';

describe('reasonSentence: every rule kind reads as a sentence, never as rule text', () => {
  const cases: [RiskFinding, string][] = [
    [{ kind: 'nps', value: -20 }, 'More detractors than promoters: NPS −20 over the last 12 months'],
    [{ kind: 'nps', value: 35.44 }, 'NPS is +35.4 over the last 12 months'],
    [{ kind: 'csat', value: 61.6 }, 'Only 62 % of CSAT answers were satisfied over the last 12 months'],
    [{ kind: 'firstResponse', medianMinutes: 372, slaMinutes: 240 }, 'Tickets wait 6.2 hr for a first response (median), beyond the 4 hr SLA'],
    // The shared duration wording (shared/format/duration.ts), as the cards say it: 75 minutes is "1.3 hr", 45 is "45 min".
    [{ kind: 'firstResponse', medianMinutes: 75, slaMinutes: 60 }, 'Tickets wait 1.3 hr for a first response (median), beyond the 1 hr SLA'],
    [{ kind: 'firstResponse', medianMinutes: 45, slaMinutes: 30 }, 'Tickets wait 45 min for a first response (median), beyond the 30 min SLA'],
    [{ kind: 'backlog', open: 12, limit: 5 }, '12 tickets are open, more than the 5 a healthy account has'],
    [{ kind: 'licences', used: 30, purchased: 100 }, 'Only 30 of 100 licences are in use (30 %)'],
    [{ kind: 'deployments', live: 0, total: 2 }, 'None of the 2 deployments is live yet'],
    [{ kind: 'deployments', live: 0, total: 1 }, 'The only deployment is not live yet'],
    [{ kind: 'csat', value: 0 }, 'No CSAT answer was satisfied over the last 12 months'],
    [{ kind: 'licences', used: 1, purchased: 22 }, 'Only 1 of 22 licences is in use (5 %)'],
    [{ kind: 'deployments', live: 1, total: 3 }, 'Only 1 of 3 deployments is live'],
    [{ kind: 'silence', days: 95, recentDays: 30 }, 'No touchpoint in the last 95 days (one every 30 days keeps an account warm)'],
    [{ kind: 'renewalPassed', days: 12 }, 'The renewal date passed 12 days ago without a new one'],
    [{ kind: 'renewalSoon', days: 1 }, 'Renews in 1 day'],
    [{ kind: 'renewalSoon', days: 0 }, 'Renews today'],
  ];
  it.each(cases)('%j', (finding, sentence) => expect(reasonSentence(finding)).toBe(sentence));

  const moment = (metric: TargetMetric, operator: '>=' | '<=', target: number, actual: number): RiskFinding => ({
    kind: 'momentOfTruth',
    stage: 'Onboard',
    name: 'Kickoff meeting',
    metric,
    scale: targetScale(metric),
    operator,
    target,
    actual,
    n: 4,
  });
  const moments: [RiskFinding, string][] = [
    [moment('csat', '>=', 4, 3.25), 'Kickoff meeting (Onboard) was rated 3.3 out of 5 on average, below the 4 aimed for (4 answers)'],
    [moment('nps', '>=', 30, -10), 'Kickoff meeting (Onboard) scored an NPS of −10 on a −100 to +100 scale, below the +30 aimed for (4 answers)'],
    [moment('ces', '<=', 3, 5.5), 'Kickoff meeting (Onboard) took effort: 5.5 out of 7, where at most 3 was aimed for (4 answers)'],
    [moment('sentiment', '>=', 1, -1), 'Kickoff meeting (Onboard) left a negative impression (sentiment −1 on a −2 to +2 scale, where at least +1 was aimed for, 4 touchpoints)'],
    [
      moment('sentiment', '>=', 1.5, 1),
      'Kickoff meeting (Onboard) left a weaker impression than aimed for (sentiment +1 on a −2 to +2 scale, where at least +1.5 was aimed for, 4 touchpoints)',
    ],
    [moment('first_response_hours', '<=', 4, 6.2), 'Kickoff meeting (Onboard): the first response took 6.2 hr (median), not within 4 hr (4 tickets)'],
    [moment('resolution_hours', '<=', 24, 72), 'Kickoff meeting (Onboard): tickets took 3 days to resolve (median), not within 24 hr (4 tickets)'],
    [moment('time_to_go_live_days', '<=', 30, 45.4), 'Kickoff meeting (Onboard): going live took 45 days (median), not within 30 days (4 deployments)'],
    [moment('on_time_go_live_pct', '>=', 80, 50), 'Kickoff meeting (Onboard): 50 % of go-lives were on time, below the 80 % aimed for (4 deployments)'],
    [moment('adoption_pct', '>=', 70, 41.2), 'Kickoff meeting (Onboard): 41 % of licences are in use, below the 70 % aimed for (4 deployments)'],
  ];
  it.each(moments)('%j', (finding, sentence) => expect(reasonSentence(finding)).toBe(sentence));

  it('covers every target metric a journey card can have', () => {
    const covered = new Set(moments.map(([f]) => (f.kind === 'momentOfTruth' ? f.metric : null)));
    expect([...covered].sort()).toEqual(Object.keys(TARGET_METRICS).sort());
  });

  it('never shows the rule notation', () => {
    for (const [finding] of [...cases, ...moments]) expect(reasonSentence(finding)).not.toMatch(/[≥≤]| vs |\(> /);
  });
});
