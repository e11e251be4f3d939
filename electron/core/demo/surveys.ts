// Relationship surveys (NPS twice a year, with net satisfaction and "would you buy again") and
// the short surveys after onboarding, training and escalation touchpoints. Ticket surveys are
// written with their tickets (tickets.ts).

import { healthAt, type AccountPlan } from './accounts';
import type { ContactInfo, Gen } from './context';
import { cesScore, commentFor, csatScore, npsScore, nsatScore, repurchaseScore } from './scores';
import { addMonthsRollingOver } from '../../../shared/dates';
import { DAY, HOUR, iso } from './time';
import type { TouchpointInfo } from './touchpoints';

/** Touchpoint kinds followed by a survey, which one, and how often it is answered. */
const AFTER_TOUCHPOINT: Partial<Record<TouchpointInfo['kind'], { kind: 'csat' | 'ces'; rate: number }>> = {
  onboarding: { kind: 'csat', rate: 0.45 },
  training: { kind: 'csat', rate: 0.5 },
  implementation: { kind: 'ces', rate: 0.2 },
  support: { kind: 'ces', rate: 0.35 },
};

export function generateSurveys(gen: Gen, plan: AccountPlan, contacts: readonly ContactInfo[], touchpoints: readonly TouchpointInfo[]): void {
  const { rng, timeline } = gen;
  const last = Math.min(plan.end, timeline.today);

  const write = (at: number, contactId: number | null, touchpointId: number | null, kind: string, score: number | null, nonAnswer: string | null) => {
    const stamp = iso(at);
    gen.sink.survey_responses([
      gen.id('survey_responses'),
      plan.id,
      contactId,
      touchpointId,
      null,
      stamp,
      kind,
      score,
      nonAnswer,
      score === null ? null : commentFor(rng, kind, score),
      stamp,
      stamp,
    ]);
  };

  // Twice a year, starting three months in, every contact is asked; healthy accounts answer more.
  const responseRate = 0.3 + 0.35 * plan.health;
  for (let wave = addMonthsRollingOver(plan.start, 3); wave < last; wave = addMonthsRollingOver(wave, 6)) {
    for (const contact of contacts) {
      if (!rng.chance(responseRate)) continue;
      const at = wave + Math.round(rng.logNormal(2, 0.8) * DAY) + rng.int(0, 10) * HOUR;
      if (at >= last) continue;
      // Each person has their own view of the account; the three answers share it.
      const view = healthAt(plan, at) + rng.normal(0, 0.06) + (contact.isChampion ? 0.05 : 0);
      write(at, contact.id, null, 'nps', npsScore(rng, view), null);
      if (rng.chance(0.7)) {
        // NSAT allows "don't know" / "not applicable" instead of a score.
        const non = rng.chance(0.04) ? (rng.chance(0.6) ? 'dont_know' : 'not_applicable') : null;
        write(at + 1000, contact.id, null, 'nsat', non ? null : nsatScore(rng, view), non);
      }
      if (rng.chance(0.3)) write(at + 2000, contact.id, null, 'repurchase', repurchaseScore(rng, view), null);
    }
  }

  for (const touchpoint of touchpoints) {
    const follow = AFTER_TOUCHPOINT[touchpoint.kind];
    if (!follow || !rng.chance(follow.rate)) continue;
    const at = touchpoint.at + Math.round(rng.logNormal(5, 1) * HOUR);
    if (at >= timeline.today) continue;
    const health = healthAt(plan, at);
    write(at, touchpoint.contactId, touchpoint.id, follow.kind, follow.kind === 'csat' ? csatScore(rng, health) : cesScore(rng, health), null);
  }
}
