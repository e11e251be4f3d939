import { describe, expect, it } from 'vitest';
import { ctaIdOf, detractor, evaluateRules, goLiveOverdue, healthRed, momentOfTruth, referenceApproved, renewalQuiet, type RuleInputs } from './rules';

// Each rule on hand-made inputs: it fires, it does not fire, and its cause is stable (the same
// event gives the same id, so it cannot open twice).

const quiet = (patch: Partial<RuleInputs> = {}): RuleInputs => ({
  accountId: 7,
  today: '2026-03-01',
  health: { band: 'green', takenAt: '2026-03-01T06:00:00.000Z' },
  previousBand: 'green',
  detractors: [],
  momentsBelowTarget: [],
  renewalDate: null,
  lastTouchpointAt: null,
  pendingDeployments: [],
  approvedRequests: [],
  ...patch,
});

describe('the rules that open calls to action', () => {
  it('opens nothing for a healthy, quiet account', () => {
    expect(evaluateRules(quiet())).toEqual([]);
  });

  it('health entered red: fires on the day it turns red, not while it stays red, not on amber', () => {
    const red = quiet({ health: { band: 'red', takenAt: '2026-03-01T06:00:00.000Z' }, previousBand: 'amber' });
    expect(healthRed(red)).toEqual([expect.objectContaining({ rule: 'healthRed', cause: 'red@2026-03-01' })]);
    expect(healthRed(quiet({ health: { band: 'red', takenAt: '2026-03-01T06:00:00.000Z' }, previousBand: null }))).toHaveLength(1);
    expect(healthRed(quiet({ health: { band: 'red', takenAt: '2026-03-01T06:00:00.000Z' }, previousBand: 'red' }))).toEqual([]);
    expect(healthRed(quiet({ health: { band: 'amber', takenAt: '2026-03-01T06:00:00.000Z' }, previousBand: 'green' }))).toEqual([]);
    // A later write the same day sees the same cause: the same id.
    expect(healthRed({ ...red, health: { band: 'red', takenAt: '2026-03-01T18:00:00.000Z' } })[0]!.cause).toBe('red@2026-03-01');
  });

  it('a detractor answer: fires per answer of 0-6 in the last 30 days, not for passives or old answers', () => {
    const answer = (id: number, score: number, respondedAt: string) => ({ id, score, respondedAt, contactName: 'Ann' });
    const fired = detractor(quiet({ detractors: [answer(1, 3, '2026-02-25T10:00:00Z'), answer(2, 7, '2026-02-26T10:00:00Z'), answer(3, 0, '2026-01-01T10:00:00Z')] }));
    expect(fired.map((f) => f.cause)).toEqual(['answer:1']);
    expect(fired[0]!.firedBy.facts).toMatchObject({ surveyResponseId: 1, score: 3 });
    expect(fired[0]!.title).toBe('Detractor: NPS 3 from Ann');
  });

  it('a moment of truth below target: one per month, naming every missed moment', () => {
    const fired = momentOfTruth(quiet({ momentsBelowTarget: ['Moment of truth below target: Onboarding call 40 % vs ≥ 80 % (n 5)', 'second'] }));
    expect(fired).toEqual([expect.objectContaining({ rule: 'momentOfTruth', cause: 'month:2026-03' })]);
    expect(fired[0]!.firedBy.facts).toMatchObject({ moment1: expect.stringContaining('Onboarding call'), moment2: 'second' });
    expect(momentOfTruth(quiet())).toEqual([]);
  });

  it('renewal in 90 days with no touchpoint in 30: fires, not with a recent touchpoint, not beyond 90 days or past', () => {
    expect(renewalQuiet(quiet({ renewalDate: '2026-05-01', lastTouchpointAt: '2026-01-15T09:00:00Z' }))).toEqual([expect.objectContaining({ cause: 'renewal:2026-05-01' })]);
    expect(renewalQuiet(quiet({ renewalDate: '2026-05-01', lastTouchpointAt: null }))).toHaveLength(1);
    expect(renewalQuiet(quiet({ renewalDate: '2026-05-01', lastTouchpointAt: '2026-02-10T09:00:00Z' }))).toEqual([]);
    expect(renewalQuiet(quiet({ renewalDate: '2026-06-01', lastTouchpointAt: null }))).toEqual([]);
    expect(renewalQuiet(quiet({ renewalDate: '2026-02-27', lastTouchpointAt: null }))).toEqual([]);
    // Exactly 90 days out still counts; 91 does not.
    expect(renewalQuiet(quiet({ renewalDate: '2026-05-30' }))).toHaveLength(1);
    expect(renewalQuiet(quiet({ renewalDate: '2026-05-31' }))).toEqual([]);
  });

  it('a go-live overdue: fires for a deployment past its planned date, not for one due today or live', () => {
    const d = (id: number, status: string, plannedGoLive: string) => ({ id, product: `P${id}`, status, plannedGoLive });
    const fired = goLiveOverdue(quiet({ pendingDeployments: [d(1, 'in_progress', '2026-02-20'), d(2, 'planned', '2026-03-01'), d(3, 'live', '2026-01-01')] }));
    expect(fired.map((f) => f.cause)).toEqual(['deployment:1@2026-02-20']);
    expect(fired[0]!.firedBy.facts).toMatchObject({ daysLate: 9 });
  });

  it('a reference request approved: fires within 30 days of the approval', () => {
    const r = (id: number, approvedAt: string) => ({ id, activity: 'reference_call', approvedAt, approvedBy: 'Dana', requester: 'Sam' });
    expect(referenceApproved(quiet({ approvedRequests: [r(4, '2026-02-28T10:00:00Z'), r(5, '2026-01-02T10:00:00Z')] })).map((f) => f.cause)).toEqual(['request:4']);
  });

  it('the same inputs give the same ids: deterministic per rule, account and cause', () => {
    const inputs = quiet({ health: { band: 'red', takenAt: '2026-03-01T06:00:00.000Z' }, previousBand: 'green', renewalDate: '2026-04-01' });
    const ids = (i: RuleInputs) => evaluateRules(i).map((f) => ctaIdOf(f.rule, i.accountId, f.cause));
    expect(ids(inputs)).toEqual(['healthRed:7:red@2026-03-01', 'renewalQuiet:7:renewal:2026-04-01']);
    expect(ids(structuredClone(inputs))).toEqual(ids(inputs));
  });
});
