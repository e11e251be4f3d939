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

const OPENED = '2026-02-01T10:00:00.000Z';
const ticket = (extra: Record<string, unknown> = {}) => ({ accountId, openedAt: OPENED, channel: 'email' as const, ...extra });

describe('tickets', () => {
  it.each(['firstResponseAt', 'resolvedAt'])('refuses %s before the ticket was opened', async (field) => {
    const error = await core.fail('tickets.create', ticket({ [field]: '2026-02-01T09:59:59Z' }));
    expect(error.code).toBe('BAD_INPUT');
    expect(error.issues).toEqual([{ path: field, message: 'cannot be before openedAt' }]);
    expect(countRows(core, 'tickets')).toBe(0);
  });

  it('compares instants, not the text the caller sent', async () => {
    // 11:30+02:00 is 09:30Z: before the opening, although the text sorts after it.
    const error = await core.fail('tickets.create', ticket({ firstResponseAt: '2026-02-01T11:30:00+02:00' }));
    expect(error.issues?.[0]?.path).toBe('firstResponseAt');
    const ok = await core.call('tickets.create', ticket({ firstResponseAt: '2026-02-01T12:30:00+02:00' }));
    expect(ok.firstResponseAt).toBe('2026-02-01T10:30:00.000Z');
  });

  it('accepts a response at the very moment of opening', async () => {
    const created = await core.call('tickets.create', ticket({ firstResponseAt: OPENED, resolvedAt: OPENED, status: 'solved' }));
    expect(created).toMatchObject({ openedAt: OPENED, firstResponseAt: OPENED, resolvedAt: OPENED, status: 'solved' });
  });

  it('checks an update against the stored opening time and leaves the ticket unchanged', async () => {
    const created = await core.call('tickets.create', ticket({ firstResponseAt: '2026-02-01T11:00:00Z' }));
    const early = await core.fail('tickets.update', { id: created.id, resolvedAt: '2026-01-31T10:00:00Z' });
    expect(early.code).toBe('BAD_INPUT');
    expect(early.issues).toEqual([{ path: 'resolvedAt', message: 'cannot be before openedAt' }]);
    const reopened = await core.fail('tickets.update', { id: created.id, openedAt: '2026-02-01T12:00:00Z' });
    expect(reopened.code).toBe('BAD_INPUT');
    expect(await core.call('tickets.get', { id: created.id })).toEqual(created);

    const solved = await core.call('tickets.update', { id: created.id, resolvedAt: '2026-02-03T10:00:00Z', status: 'solved', csat: 4 });
    expect(solved).toMatchObject({ resolvedAt: '2026-02-03T10:00:00.000Z', status: 'solved', csat: 4, openedAt: OPENED });
  });

  it('refuses a duplicate external id as a conflict', async () => {
    await core.call('tickets.create', ticket({ externalId: 'ZD-1' }));
    const error = await core.fail('tickets.create', ticket({ externalId: 'ZD-1' }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('external_id');
    expect(countRows(core, 'tickets')).toBe(1);
  });

  it('lists within a time window and by status, newest first by default', async () => {
    for (const [openedAt, status] of [
      ['2026-01-31T23:59:59Z', 'closed'],
      ['2026-02-01T00:00:00Z', 'open'],
      ['2026-02-15T00:00:00Z', 'pending'],
      ['2026-03-01T00:00:00Z', 'open'],
    ] as const) {
      await core.call('tickets.create', ticket({ openedAt, status }));
    }
    const february = await core.call('tickets.list', { from: '2026-02-01T00:00:00Z', to: '2026-03-01T00:00:00Z' });
    expect(february.rows.map((r) => r.openedAt)).toEqual(['2026-02-15T00:00:00.000Z', '2026-02-01T00:00:00.000Z']);
    const open = await core.call('tickets.list', { filter: { status: ['open', 'pending'] }, sort: { field: 'openedAt', direction: 'asc' } });
    expect(open.rows.map((r) => r.status)).toEqual(['open', 'pending', 'open']);
  });
});
