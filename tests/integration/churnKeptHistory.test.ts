import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keptHistoryIsCurrent } from '../../electron/core/churn/kept';
import type { TestCore } from '../fixtures/core';
import { keptHistoryWorkspace } from '../fixtures/churnKept';

// Issue 16: the churn model's history kept in step with writes (churn/kept.ts, migration 0017). After
// each write through the core, the kept rows must equal the history read from the raw rows; a row
// written behind the core's back (no hook moved the kept history) must make them differ, so the
// comparison can fail.

let core: TestCore;
let kept: () => unknown[];
let fromRows: () => unknown[];
beforeAll(async () => {
  ({ core, kept, fromRows } = await keptHistoryWorkspace());
});
afterAll(() => core.close());

describe('the kept churn history', () => {
  it('is dropped by the full refresh of the generator, and kept whole by the next training, equal to the rows', async () => {
    expect(keptHistoryIsCurrent(core.context.sqlite)).toBe(false);
    await core.call('churn.train', {});
    expect(keptHistoryIsCurrent(core.context.sqlite)).toBe(true);
    const rows = fromRows();
    expect(rows.length).toBe(25);
    expect(kept()).toEqual(rows);
  });

  it('follows every kind of write through the core, in the same transaction', async () => {
    const accountId = 3;
    const steps: [string, () => Promise<unknown>][] = [
      ['a ticket', () => core.call('tickets.create', { accountId, openedAt: '2026-02-20T10:00:00.000Z', channel: 'phone', priority: 'urgent' })],
      ['an answer', () => core.call('surveyResponses.create', { accountId, respondedAt: '2026-02-21T10:00:00.000Z', kind: 'nps', score: 3 })],
      ['an interaction', () => core.call('touchpoints.create', { accountId, occurredAt: '2026-02-22T10:00:00.000Z', channel: 'email', kind: 'qbr', sentiment: -1 })],
      ['a deployment', () => core.call('deployments.create', { accountId, product: 'Pilot', startedAt: '2026-01-05', plannedGoLive: '2026-02-01', status: 'live' })],
      ['an ARR change', () => core.call('accounts.update', { id: accountId, arrMinor: 1_234_500 })],
      ['a new account', () => core.call('accounts.create', { name: 'Kept Co', contractStart: '2025-06-01' })],
    ];
    for (const [what, write] of steps) {
      await write();
      expect(kept(), what).toEqual(fromRows());
    }
    // A ticket resolved later, an answer archived, an account archived and restored.
    const ticket = await core.call('tickets.list', { pageSize: 1, filter: { accountId } });
    await core.call('tickets.update', { id: ticket.rows[0]!.id, resolvedAt: '2026-02-28T09:00:00.000Z' });
    expect(kept(), 'a resolution').toEqual(fromRows());
    const answers = await core.call('surveyResponses.list', { pageSize: 1, filter: { accountId } });
    await core.call('surveyResponses.archive', { id: answers.rows[0]!.id });
    expect(kept(), 'an archived answer').toEqual(fromRows());
    await core.call('accounts.archive', { id: 5 });
    expect(kept(), 'an archived account').toEqual(fromRows());
    await core.call('accounts.restore', { id: 5 });
    expect(kept(), 'a restored account').toEqual(fromRows());
  });

  it('differs from the rows after a write that does not move it (the comparison can fail)', () => {
    core.context.sqlite
      .prepare("INSERT INTO touchpoints (account_id, occurred_at, channel, kind, created_at, updated_at) VALUES (2, '2026-02-25T10:00:00.000Z', 'email', 'qbr', ?, ?)")
      .run('2026-03-01T12:00:00.000Z', '2026-03-01T12:00:00.000Z');
    expect(kept()).not.toEqual(fromRows());
  });
});
