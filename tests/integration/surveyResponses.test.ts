import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../fixtures/core';
import { countRows } from '../fixtures/domains';

let core: TestCore;
let accountId: number;
beforeEach(async () => {
  core = await testCore();
  accountId = (await core.call('accounts.create', { name: 'Acme' })).id;
});
afterEach(() => core.close());

type Kind = 'nps' | 'csat' | 'nsat' | 'ces' | 'repurchase';
const response = (kind: Kind, extra: Record<string, unknown>) => ({ accountId, respondedAt: '2026-02-01T10:00:00Z', kind, ...extra });

// PRODUCT.md: NPS 0-10, CSAT 1-5, NSAT 1-4, CES 1-7 (and would-buy-again on NPS's scale).
const SCALES: [Kind, number, number][] = [
  ['nps', 0, 10],
  ['csat', 1, 5],
  ['nsat', 1, 4],
  ['ces', 1, 7],
  ['repurchase', 0, 10],
];

describe('survey responses', () => {
  it.each(SCALES)('%s accepts %i to %i and nothing outside', async (kind, min, max) => {
    for (const score of [min, max]) {
      expect((await core.call('surveyResponses.create', response(kind, { score }))).score).toBe(score);
    }
    for (const score of [min - 1, max + 1]) {
      const error = await core.fail('surveyResponses.create', response(kind, { score }));
      expect(error.code).toBe('BAD_INPUT');
      expect(error.issues).toEqual([{ path: 'score', message: `must be ${min}-${max} for ${kind}` }]);
    }
    expect((await core.fail('surveyResponses.create', response(kind, { score: min + 0.5 }))).code).toBe('BAD_INPUT');
    expect(countRows(core, 'survey_responses')).toBe(2);
  });

  it.each(['dont_know', 'not_applicable'] as const)('takes NSAT %s instead of a score', async (nonAnswer) => {
    const created = await core.call('surveyResponses.create', response('nsat', { nonAnswer }));
    expect(created).toMatchObject({ kind: 'nsat', score: null, nonAnswer });
  });

  it('refuses a non-answer on other kinds, both a score and a non-answer, and neither', async () => {
    const csat = await core.fail('surveyResponses.create', response('csat', { nonAnswer: 'dont_know' }));
    expect(csat.issues?.map((i) => i.path)).toContain('nonAnswer');
    const both = await core.fail('surveyResponses.create', response('nsat', { score: 2, nonAnswer: 'not_applicable' }));
    expect(both.issues).toEqual([{ path: 'score', message: 'give either a score or a non-answer' }]);
    const neither = await core.fail('surveyResponses.create', response('nps', {}));
    expect(neither.issues).toEqual([{ path: 'score', message: 'give either a score or a non-answer' }]);
    expect((await core.fail('surveyResponses.create', response('nsat', { nonAnswer: 'maybe' }))).code).toBe('BAD_INPUT');
    expect(countRows(core, 'survey_responses')).toBe(0);
  });

  it('checks an update against the stored kind and leaves the row alone when it is refused', async () => {
    const csat = await core.call('surveyResponses.create', response('csat', { score: 4 }));
    // 7 is a valid score for some kinds, but not for the stored CSAT.
    const error = await core.fail('surveyResponses.update', { id: csat.id, score: 7 });
    expect(error.code).toBe('BAD_INPUT');
    expect(error.issues).toEqual([{ path: 'score', message: 'must be 1-5 for csat' }]);
    expect(await core.call('surveyResponses.get', { id: csat.id })).toEqual(csat);

    expect((await core.call('surveyResponses.update', { id: csat.id, score: 5 })).score).toBe(5);
    // Changing the kind checks the stored score against the new scale.
    const nps = await core.call('surveyResponses.create', response('nps', { score: 9 }));
    expect((await core.fail('surveyResponses.update', { id: nps.id, kind: 'csat' })).issues).toEqual([{ path: 'score', message: 'must be 1-5 for csat' }]);
    expect(await core.call('surveyResponses.update', { id: nps.id, kind: 'ces', score: 7 })).toMatchObject({ kind: 'ces', score: 7 });
    expect((await core.fail('surveyResponses.update', { id: nps.id, nonAnswer: 'dont_know', score: null })).issues?.[0]?.path).toBe('nonAnswer');
  });

  it('moves an NSAT answer between a score and a non-answer only as a whole', async () => {
    const nsat = await core.call('surveyResponses.create', response('nsat', { score: 2 }));
    expect((await core.fail('surveyResponses.update', { id: nsat.id, nonAnswer: 'dont_know' })).code).toBe('BAD_INPUT');
    const skipped = await core.call('surveyResponses.update', { id: nsat.id, nonAnswer: 'dont_know', score: null });
    expect(skipped).toMatchObject({ score: null, nonAnswer: 'dont_know' });
    expect((await core.fail('surveyResponses.update', { id: nsat.id, score: 3 })).code).toBe('BAD_INPUT');
    expect(await core.call('surveyResponses.get', { id: nsat.id })).toEqual(skipped);
    expect(await core.call('surveyResponses.update', { id: nsat.id, score: 3, nonAnswer: null })).toMatchObject({ score: 3, nonAnswer: null });
  });

  it('refuses an update of an unknown response as NOT_FOUND', async () => {
    const error = await core.fail('surveyResponses.update', { id: 4242, score: 3 });
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: 'survey response 4242 does not exist' });
  });

  it('links a response to the touchpoint and ticket behind it', async () => {
    const touchpoint = await core.call('touchpoints.create', { accountId, occurredAt: '2026-02-01T09:00:00Z', channel: 'phone', kind: 'support' });
    const ticket = await core.call('tickets.create', { accountId, openedAt: '2026-02-01T08:00:00Z', channel: 'phone' });
    const linked = await core.call('surveyResponses.create', response('csat', { score: 5, touchpointId: touchpoint.id, ticketId: ticket.id }));
    expect(linked).toMatchObject({ touchpointId: touchpoint.id, ticketId: ticket.id });
    const missing = await core.fail('surveyResponses.create', response('csat', { score: 5, ticketId: 777 }));
    expect(missing).toMatchObject({ code: 'NOT_FOUND', message: 'ticketId: ticket 777 does not exist' });
    const byKind = await core.call('surveyResponses.list', { filter: { kind: 'csat', accountId } });
    expect(byKind.rows.map((r) => r.id)).toEqual([linked.id]);
  });
});
