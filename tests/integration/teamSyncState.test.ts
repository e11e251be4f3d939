import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempWorkspacePath, testCore, type TestCore } from '../fixtures/core';
import type { TestPostgres } from '../fixtures/postgres';
import { addMember, demoLaptop, startTeamCluster, type TeamCluster } from '../fixtures/team';

// Issue 19, the sync state the Team screen shows, through dispatch on real SQLite files and a real
// PostgreSQL: team.info's last sync (time, outcome, counts, the error by code), the login's role, the
// open conflicts count; one sync at a time; and the connection string and password never in the
// workspace file, also after a failed sync whose error the driver worded.

let cluster: TeamCluster;
let server: TestPostgres;
let admin: pg.Client;
let creator: TestCore;
let marketing: TestCore;
const ADMIN = { user: 'sync_admin', password: 'admin-secret-pw' };
const MIA = { user: 'mia', password: 'mia-secret-pw' };

beforeAll(async () => {
  cluster = await startTeamCluster(ADMIN);
  ({ server, superuser: admin } = cluster);
  creator = await demoLaptop('creator.fulcrum', 12, 7);
});

afterAll(async () => {
  await creator?.close();
  await marketing?.close();
  await cluster?.stop();
});

const bytesOf = (core: TestCore) => {
  core.context.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return readFileSync(core.context.dbPath).toString('latin1');
};

describe('the sync state in team.info', () => {
  it('outside a team: no state, and a sync is refused by name', async () => {
    const info = await creator.call('team.info', {});
    expect(info).toMatchObject({ inTeam: false, lastSync: null, syncingSince: null, openConflicts: 0, role: null, joinedAs: null });
    const error = await creator.fail('team.sync', { server: server.url(ADMIN.user, ADMIN.password) });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/not in a team/);
  });

  it("records a good sync's time, counts and the login's role", async () => {
    await creator.call('team.create', { server: server.url(ADMIN.user, ADMIN.password) });
    expect(await creator.call('team.info', {})).toMatchObject({ inTeam: true, joinedAs: 'creator', joinedAt: expect.any(String), lastSync: null });
    creator.setNow('2026-03-02T09:30:00.000Z');
    const account = (await creator.call('accounts.list', { pageSize: 1 })).rows[0]!;
    await creator.call('accounts.update', { id: account.id, industry: 'Logistics' });
    const result = await creator.call('team.sync', { server: server.url(ADMIN.user, ADMIN.password) });
    const info = await creator.call('team.info', {});
    expect(info.lastSync).toEqual({ at: '2026-03-02T09:30:00.000Z', ok: true, pushed: result.pushed, rejected: 0, pulled: result.pulled, error: null });
    expect(result.pushed).toBeGreaterThan(0);
    // The login that created the team is its admin, not a member.
    expect(info).toMatchObject({ role: 'admin', member: null, pendingChanges: 0, syncingSince: null });
  });

  it('a refused push counts as an open conflict; keep resolves it; reverse answers what the core says', async () => {
    await addMember(admin, { ...MIA, name: 'Mia Chen', role: 'marketing' });
    marketing = await testCore(tempWorkspacePath('marketing.fulcrum'));
    await marketing.call('team.join', { server: server.url(MIA.user, MIA.password) });
    expect((await marketing.call('team.info', {})).joinedAs).toBe('member');
    // Marketing may not change an account: the hub refuses it, the laptop lists it.
    const account = (await marketing.call('accounts.list', { pageSize: 1 })).rows[0]!;
    await marketing.call('accounts.update', { id: account.id, industry: 'Refused by the hub' });
    const result = await marketing.call('team.sync', { server: server.url(MIA.user, MIA.password) });
    expect(result.rejected).toBe(1);
    const info = await marketing.call('team.info', {});
    expect(info).toMatchObject({ role: 'marketing', member: 'Mia Chen', openConflicts: 1 });
    expect(info.lastSync).toMatchObject({ ok: true, rejected: 1, error: null });
    const { conflicts } = await marketing.call('team.conflicts', {});
    expect(conflicts).toHaveLength(1);
    // The record in words, as this laptop holds it.
    expect(conflicts[0]).toMatchObject({ table: 'accounts', label: account.name, kind: 'rejected', resolvedAt: null });
    const reverse = await marketing.dispatch('team.conflicts.resolve', { id: conflicts[0]!.id, action: 'reverse' });
    if (!reverse.ok) expect(reverse.error.message.length).toBeGreaterThan(0);
    else expect((reverse.value as { resolvedAt: string | null }).resolvedAt).not.toBeNull();
    if (!reverse.ok) await marketing.call('team.conflicts.resolve', { id: conflicts[0]!.id, action: 'keep' });
    expect((await marketing.call('team.info', {})).openConflicts).toBe(0);
  });

  it('a failed sync is recorded with its code; the password never reaches the error or the file', async () => {
    marketing.setNow('2026-03-03T10:00:00.000Z');
    const wrong = await marketing.fail('team.sync', { server: server.url(MIA.user, 'mia-WRONG-pw') });
    expect(wrong.code).toBe('FORBIDDEN');
    let info = await marketing.call('team.info', {});
    expect(info.lastSync).toMatchObject({ at: '2026-03-03T10:00:00.000Z', ok: false, pushed: 0, pulled: 0, error: { code: 'FORBIDDEN' } });
    expect(info.lastSync!.error!.message).not.toContain('mia-WRONG-pw');
    // The role of the last good sync stays.
    expect(info.role).toBe('marketing');

    const unreachable = await marketing.fail('team.sync', { server: `postgres://mia:unreachable-secret@127.0.0.1:1/postgres` });
    expect(unreachable.code).toBe('UNAVAILABLE');
    info = await marketing.call('team.info', {});
    expect(info.lastSync!.error!.code).toBe('UNAVAILABLE');

    // A good sync afterwards clears the failure.
    await marketing.call('team.sync', { server: server.url(MIA.user, MIA.password) });
    expect((await marketing.call('team.info', {})).lastSync).toMatchObject({ ok: true, error: null });

    for (const core of [marketing, creator]) {
      const bytes = bytesOf(core);
      for (const secret of [MIA.password, 'mia-WRONG-pw', 'unreachable-secret', ADMIN.password, `127.0.0.1:${server.port}`]) expect(bytes).not.toContain(secret);
    }
  });

  it('never runs two syncs of one workspace at once', async () => {
    const url = server.url(MIA.user, MIA.password);
    const [first, second] = await Promise.all([marketing.dispatch('team.sync', { server: url }), marketing.dispatch('team.sync', { server: url })]);
    const outcomes = [first, second];
    expect(outcomes.filter((r) => r.ok)).toHaveLength(1);
    const refused = outcomes.find((r) => !r.ok);
    expect(refused && !refused.ok && refused.error).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/already running/) });
    expect((await marketing.call('team.info', {})).syncingSince).toBeNull();
  });
});
