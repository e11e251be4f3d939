import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryConnectionStore } from '../../electron/core/team/connection';
import { startTeamSession, type TeamSession } from '../../electron/core/team/schedule';
import { TEAM_HOST, type TeamHostStatus } from '../../shared/teamHost';
import type { Result } from '../../shared/rpc';
import type { TestCore } from '../fixtures/core';
import type { TestPostgres } from '../fixtures/postgres';
import { demoLaptop, startTeamCluster, type TeamCluster } from '../fixtures/team';

// Issue 19, the hosts' side of syncing (electron/core/team/schedule.ts) over a real core and a real
// PostgreSQL: the connection string is handed over once and never comes back (status shows the
// address without the password), "Sync now" and the schedule sync with the kept string, never two at
// once, a password kept for the session only is asked again, and a system without a keyring must say
// yes before anything is kept under Electron's fixed key.

let cluster: TeamCluster;
let server: TestPostgres;
let admin: pg.Client;
let core: TestCore;
let session: TeamSession;
const ADMIN = { user: 'host_admin', password: 'host-admin-secret' };
const store = memoryConnectionStore('os');

beforeAll(async () => {
  cluster = await startTeamCluster(ADMIN);
  ({ server, superuser: admin } = cluster);
  core = await demoLaptop('host.fulcrum', 8, 3);
  session = startTeamSession({
    current: () => core.dispatch,
    store,
    join: () => Promise.resolve({ ok: false, error: { code: 'BAD_INPUT', message: 'not in this test' } }),
    log: () => undefined,
    minuteMs: 40,
  });
});

afterAll(async () => {
  session?.stop();
  await core?.close();
  await cluster?.stop();
});

async function host(channel: string, input: unknown = {}): Promise<Result<unknown>> {
  return session.channels[channel]!(input, core.dispatch);
}
async function value<T>(channel: string, input: unknown = {}): Promise<T> {
  const result = await host(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

describe('the host keeps the connection and syncs with it', () => {
  it('outside a team: status has no connection, and sync says why', async () => {
    expect(await value<TeamHostStatus>(TEAM_HOST.status)).toMatchObject({ keyring: 'os', connection: null, minutes: 5, syncing: false });
    const refused = await host(TEAM_HOST.sync);
    expect(!refused.ok && refused.error.message).toMatch(/not in a team/);
  });

  it('refuses to keep a password under a fixed key without a yes, and a bad server by name', async () => {
    const basic = startTeamSession({
      current: () => core.dispatch,
      store: memoryConnectionStore('basic_text'),
      join: () => Promise.reject(new Error('unused')),
      log: () => undefined,
    });
    const refused = await basic.channels[TEAM_HOST.create]!({ server: server.url(ADMIN.user, ADMIN.password), keep: 'keychain' }, core.dispatch);
    expect(!refused.ok && refused.error).toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/no keyring/) });
    basic.stop();
    const badServer = await host(TEAM_HOST.create, { server: 'mysql://x@y/z', keep: 'keychain' });
    expect(!badServer.ok && badServer.error.message).toMatch(/postgres:\/\//);
    expect((await core.call('team.info', {})).inTeam).toBe(false);
  });

  it('creates the team, keeps the string, shows only its address, and syncs on demand with it', async () => {
    const created = await value<{ teamId: string }>(TEAM_HOST.create, { server: server.url(ADMIN.user, ADMIN.password), keep: 'keychain' });
    const status = await value<TeamHostStatus>(TEAM_HOST.status);
    expect(status.connection).toEqual({ address: `postgres://${ADMIN.user}@127.0.0.1:${server.port}/postgres`, kept: 'keychain', needsPassword: false });
    expect(JSON.stringify(status)).not.toContain(ADMIN.password);
    expect(store.load(created.teamId)).toEqual({ kept: 'keychain', server: server.url(ADMIN.user, ADMIN.password) });
    const synced = await value<{ pushed: number }>(TEAM_HOST.sync);
    expect(synced.pushed).toBe(0);
    expect((await core.call('team.info', {})).lastSync).toMatchObject({ ok: true });
  });

  it('two syncs asked at once run once and both get its outcome', async () => {
    const account = (await core.call('accounts.list', { pageSize: 1 })).rows[0]!;
    await core.call('accounts.update', { id: account.id, industry: 'Twice asked' });
    const [a, b] = await Promise.all([host(TEAM_HOST.sync), host(TEAM_HOST.sync)]);
    expect(a).toEqual(b);
    // The edit and the core's own follow-up writes (health, derived rows) went once.
    expect(a.ok && (a.value as { pushed: number }).pushed).toBeGreaterThan(0);
    expect((await core.call('team.info', {})).pendingChanges).toBe(0);
  });

  it('the schedule syncs in the background and a failure lands in the sync state, not in an error', async () => {
    const before = (await core.call('team.info', {})).lastSync!.at;
    core.setNow('2026-03-05T08:00:00.000Z');
    await value(TEAM_HOST.schedule, { minutes: 1 });
    await expect.poll(async () => (await core.call('team.info', {})).lastSync!.at, { timeout: 20_000 }).not.toBe(before);
    expect((await core.call('team.info', {})).lastSync).toMatchObject({ at: '2026-03-05T08:00:00.000Z', ok: true });
    // The admin's password changes on the server: the next background sync fails, and says so in team.info.
    await admin.query(`ALTER ROLE ${ADMIN.user} PASSWORD 'changed-elsewhere'`);
    core.setNow('2026-03-05T08:05:00.000Z');
    await expect.poll(async () => (await core.call('team.info', {})).lastSync!.at, { timeout: 20_000 }).toBe('2026-03-05T08:05:00.000Z');
    expect((await core.call('team.info', {})).lastSync).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Turned off even while a background sync runs (a loaded machine starts them back to back): no next one.
    await value(TEAM_HOST.schedule, { minutes: 0 });
    expect((await value<TeamHostStatus>(TEAM_HOST.status)).nextSyncAt).toBeNull();
    // The last background sync ends, and none follows.
    await expect.poll(async () => (await value<TeamHostStatus>(TEAM_HOST.status)).syncing, { timeout: 60_000 }).toBe(false);
    expect((await value<TeamHostStatus>(TEAM_HOST.status)).nextSyncAt).toBeNull();
  });

  it('a connection kept for the session only asks for the password again after forget and connect', async () => {
    const forgotten = await value<{ forgotten: boolean }>(TEAM_HOST.forget);
    expect(forgotten.forgotten).toBe(true);
    expect((await value<TeamHostStatus>(TEAM_HOST.status)).connection).toBeNull();
    const unknown = await host(TEAM_HOST.sync);
    expect(!unknown.ok && unknown.error.message).toMatch(/does not know the team server's password/);
    // Connect with the new password, kept for this session only.
    const url = server.url(ADMIN.user, 'changed-elsewhere');
    expect((await host(TEAM_HOST.connect, { server: url, keep: 'session' })).ok).toBe(true);
    expect((await value<TeamHostStatus>(TEAM_HOST.status)).connection).toMatchObject({ kept: 'session', needsPassword: false });
    // A new start of the host (a new session over the same store) knows the address, not the password.
    const restarted = startTeamSession({ current: () => core.dispatch, store, join: () => Promise.reject(new Error('unused')), log: () => undefined });
    const status = (await restarted.channels[TEAM_HOST.status]!({}, core.dispatch)) as { ok: true; value: TeamHostStatus };
    expect(status.value.connection).toEqual({ address: `postgres://${ADMIN.user}@127.0.0.1:${server.port}/postgres`, kept: 'session', needsPassword: true });
    const wrong = await restarted.channels[TEAM_HOST.sync]!({ password: 'nope' }, core.dispatch);
    expect(!wrong.ok && wrong.error.code).toBe('FORBIDDEN');
    const right = await restarted.channels[TEAM_HOST.sync]!({ password: 'changed-elsewhere' }, core.dispatch);
    expect(right.ok).toBe(true);
    restarted.stop();
  });
});
