import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../fixtures/core';

let core: TestCore;
beforeEach(async () => {
  core = await testCore();
});
afterEach(() => core.close());

const at = (day: string, hours = 0) => new Date(Date.parse(`${day}T09:00:00.000Z`) + hours * 3_600_000).toISOString();

describe('moments of truth on the dashboard', () => {
  it('puts a moment of truth lived below target at the top of the account’s at-risk reasons', async () => {
    const map = await core.call('journeys.create', { name: 'Support journey' });
    const support = map.stages.find((s) => s.name === 'Get support')!;
    await core.call('journeys.addTouchpoint', {
      journeyStageId: support.id,
      name: 'Urgent ticket',
      isMomentOfTruth: true,
      target: { metric: 'first_response_hours', operator: '<=', value: 4 },
      matchRule: { source: 'tickets', priority: 'urgent' },
    });
    // Just below its target (CSAT 1 against ≥ 1.1): listed after the one clearly missed.
    await core.call('journeys.addTouchpoint', {
      journeyStageId: support.id,
      name: 'Urgent ticket CSAT',
      isMomentOfTruth: true,
      target: { metric: 'csat', operator: '>=', value: 1.1 },
      matchRule: { source: 'tickets', priority: 'urgent' },
    });
    // A copy of the map finds the same: said once.
    await core.call('journeys.duplicate', { id: map.id });
    // The same promise, not a moment of truth: never a reason.
    await core.call('journeys.addTouchpoint', {
      journeyStageId: support.id,
      name: 'Any ticket',
      target: { metric: 'first_response_hours', operator: '<=', value: 4 },
      matchRule: { source: 'tickets' },
    });

    const struggling = await core.call('accounts.create', { name: 'Struggling', segment: 'smb', renewalDate: '2026-04-01', contractStart: '2024-01-01', arrMinor: 1_000_000 });
    const fine = await core.call('accounts.create', { name: 'Fine', segment: 'smb', renewalDate: '2026-04-01', contractStart: '2024-01-01', arrMinor: 1_000_000 });
    for (let i = 0; i < 6; i++) {
      const day = `2026-0${1 + (i % 2)}-1${i}`;
      await core.call('tickets.create', {
        accountId: struggling.id,
        openedAt: at(day),
        firstResponseAt: at(day, 20),
        resolvedAt: at(day, 200),
        channel: 'email',
        priority: 'urgent',
        csat: 1,
      });
      await core.call('surveyResponses.create', { accountId: struggling.id, respondedAt: at(day), kind: 'nps', score: 1 });
      await core.call('tickets.create', {
        accountId: fine.id,
        openedAt: at(day),
        firstResponseAt: at(day, 1),
        resolvedAt: at(day, 2),
        channel: 'email',
        priority: 'urgent',
        csat: 5,
      });
      await core.call('surveyResponses.create', { accountId: fine.id, respondedAt: at(day), kind: 'nps', score: 1 });
    }

    const portfolio = await core.call('metrics.portfolio', {});
    const row = portfolio.health.atRisk.find((a) => a.accountId === struggling.id);
    expect(row, 'the struggling account is at risk').toBeDefined();
    // Said as sentences like every other reason (health/reasons.ts): the card, its stage, the figure on its scale, the promise; no rule text.
    expect(row!.reasons[0]).toBe('Urgent ticket (Get support): the first response took 20.3 hr (median), not within 4 hr (6 tickets)');
    expect(row!.reasons[1]).toBe('Urgent ticket CSAT (Get support) was rated 1 out of 5 on average, below the 1.1 aimed for (6 answers)');
    expect(row!.reasons.filter((r) => r.startsWith('Urgent ticket'))).toHaveLength(2);
    expect(row!.reasons.join('\n')).not.toMatch(/[≥≤]| vs |Moment of truth below target/);
    // The dashboard's list and the paged at-risk list say the same sentences.
    const paged = await core.call('accounts.atRisk', { band: row!.band === 'amber' ? 'amber' : 'red', pageSize: 100 });
    expect(paged.rows.find((a) => a.accountId === struggling.id)!.reasons.slice(0, 2)).toEqual(row!.reasons.slice(0, 2));
    // Its health reasons follow.
    expect(row!.reasons.length).toBeGreaterThan(1);
    // An account whose urgent tickets were answered within the hour, to its satisfaction, has no such reason.
    const other = portfolio.health.atRisk.find((a) => a.accountId === fine.id);
    expect(other?.reasons.some((r) => r.startsWith('Urgent ticket')) ?? false).toBe(false);
  });
});
