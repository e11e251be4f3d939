import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoWorkspace } from '../../electron/core/demo';
import { tempWorkspacePath, testCore, type TestCore } from '../fixtures/core';
import { startPostgres, type TestPostgres } from '../fixtures/postgres';
import { ADMIN, addWriter, bundleCli, connect, createAdmin, hashesOf, hubHashes, memberUrl, syncKilledAt, syncKilledWhen, until, waitingOnLock } from '../fixtures/team';

// Issue 19, "Faults": three laptops and one real PostgreSQL. The laptop's `fulcrum team sync` is
// killed with SIGKILL after the hub committed a push batch and before the laptop recorded it, between
// two pages of a pull, and while its push waits inside the server's transaction; the connection is
// cut mid-batch (pg_terminate_backend) and the server restarted mid-batch. Each stop is at a known
// point (a pause point in the child, or the push waiting on a row lock an admin holds), never timed.
// After the next sync every change made on any laptop is on every laptop exactly once.

let server: TestPostgres;
let su: pg.Client;
let cli: string;
const paths = { a: tempWorkspacePath('a.fulcrum'), b: tempWorkspacePath('b.fulcrum'), c: tempWorkspacePath('c.fulcrum') };
const cores: Partial<Record<keyof typeof paths, TestCore>> = {};
let tables: string[];
const adminUrl = () => server.url(ADMIN.user, ADMIN.password);
const urls = { a: adminUrl, b: () => memberUrl(server, 'bo'), c: () => memberUrl(server, 'cy') };
/** Every batch of accounts made on a laptop: its name prefix and size, checked on every laptop at the end. */
const made: { tag: string; n: number }[] = [];

const core = (who: keyof typeof paths) => cores[who]!;
async function reopen(who: keyof typeof paths): Promise<TestCore> {
  await cores[who]?.close();
  return (cores[who] = await testCore(paths[who]));
}
async function closeCore(who: keyof typeof paths): Promise<void> {
  await cores[who]?.close();
  delete cores[who];
}

/**
 * `n` new accounts named `<tag> <i>`, then an edit of each: 2n captured changes. Written with SQL in
 * one transaction (capture records every write path), so a test makes thousands in milliseconds.
 */
function makeChanges(who: keyof typeof paths, tag: string, n: number): void {
  const { sqlite } = core(who).context;
  const at = new Date().toISOString();
  sqlite.transaction(() => {
    const insert = sqlite.prepare('INSERT INTO accounts (name, owner, created_at, updated_at) VALUES (?, ?, ?, ?)');
    const ids = Array.from({ length: n }, (_, i) => Number(insert.run(`${tag} ${i}`, who, at, at).lastInsertRowid));
    const update = sqlite.prepare('UPDATE accounts SET industry = ? WHERE id = ?');
    for (const id of ids) update.run(`${tag} industry`, id);
  })();
  made.push({ tag, n });
}

/** The oldest change still in the outbox: unchanged while the laptop has recorded no push. */
const oldestPending = (who: keyof typeof paths) => core(who).context.sqlite.prepare('SELECT min(seq) FROM team_changes').pluck().get() as number | null;

const hubCount = async (tag: string) =>
  Number((await su.query<{ n: string }>(`SELECT count(*) AS n FROM team.rows WHERE tbl = 'accounts' AND NOT deleted AND data->>'name' LIKE $1`, [`${tag} %`])).rows[0]!.n);
const lastMutation = async (clientId: string) => Number((await su.query('SELECT last_mutation_id FROM team.clients WHERE client_id = $1', [clientId])).rows[0].last_mutation_id);
const pendingOf = async (who: keyof typeof paths) => (await core(who).call('team.info', {})).pendingChanges;

/** An admin holds team.meta's row: every push then waits inside its server transaction at its first row's log entry. */
async function holdLog(): Promise<pg.Client> {
  const locker = await connect(server.url());
  await locker.query('BEGIN');
  await locker.query('SELECT seq FROM team.meta FOR UPDATE');
  return locker;
}

beforeAll(async () => {
  server = await startPostgres();
  su = await connect(server.url());
  await createAdmin(su);
  cli = await bundleCli();
  await generateDemoWorkspace(paths.a, { accounts: 10, seed: 5, today: '2026-02-20' });
  await reopen('a');
  await core('a').call('team.create', { server: adminUrl() });
  tables = Object.keys(await hashesOf(core('a')));
  await addWriter(su, 'bo', 'Bo', tables);
  await addWriter(su, 'cy', 'Cy', tables);
  for (const who of ['b', 'c'] as const) {
    await reopen(who);
    await core(who).call('team.join', { server: urls[who]() });
  }
});

afterAll(async () => {
  for (const who of ['a', 'b', 'c'] as const) await closeCore(who);
  await su?.end().catch(() => undefined);
  server?.stop();
});

describe('team sync under faults', () => {
  it('kill -9 after the hub committed a push batch, before the laptop recorded it: the next sync applies nothing twice', async () => {
    makeChanges('b', 'B1', 1_100);
    const pending = await pendingOf('b');
    expect(pending).toBeGreaterThanOrEqual(2_200);
    const oldest = oldestPending('b');
    const clientId = (await core('b').call('team.info', {})).clientId!;
    await closeCore('b');
    await syncKilledAt(cli, paths.b, urls.b(), 'team-push-after-reply');

    // The hub holds the first batch; the laptop still thinks it sent nothing.
    expect(await lastMutation(clientId)).toBeGreaterThan(0);
    const partial = await hubCount('B1');
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(1_100);
    await reopen('b');
    expect(oldestPending('b')).toBe(oldest);
    expect(await pendingOf('b')).toBeGreaterThanOrEqual(pending);

    const synced = await core('b').call('team.sync', { server: urls.b() });
    expect(synced).toMatchObject({ rejected: 0, pending: 0 });
    expect(await hubCount('B1')).toBe(1_100);
  });

  it('kill -9 between two pages of a pull: the page and its cursor stayed together, the next sync resumes there', async () => {
    const hubSeq = Number((await su.query('SELECT seq FROM team.meta')).rows[0].seq);
    const before = (await core('c').call('team.info', {})).lastPulledSeq!;
    expect(hubSeq - before).toBeGreaterThan(1_000);
    await closeCore('c');
    await syncKilledAt(cli, paths.c, urls.c(), 'team-pull-between-pages');

    await reopen('c');
    const cursor = (await core('c').call('team.info', {})).lastPulledSeq!;
    expect(cursor).toBeGreaterThan(before);
    expect(cursor).toBeLessThan(hubSeq);
    const synced = await core('c').call('team.sync', { server: urls.c() });
    expect(synced.pending).toBe(0);
    // At least to where the hub was (its own writes since, if the core made any on opening, come back too).
    expect((await core('c').call('team.info', {})).lastPulledSeq).toBeGreaterThanOrEqual(hubSeq);
    expect(core('c').context.sqlite.prepare(`SELECT count(*) FROM accounts WHERE name LIKE 'B1 %'`).pluck().get()).toBe(1_100);
  });

  it('kill -9 while the push waits inside the server transaction: whatever the server did with it, the next sync completes it once', async () => {
    // Caught up first: the outbox then holds only these changes, one batch.
    await core('a').call('team.sync', { server: urls.a() });
    makeChanges('a', 'A1', 150);
    await closeCore('a');
    const locker = await holdLog();
    await syncKilledWhen(cli, paths.a, urls.a(), async () => (await waitingOnLock(su, ADMIN.user)) !== undefined);
    await locker.query('COMMIT');
    await locker.end();
    // The orphaned backend finishes (commits or rolls back) and goes away once it finds its client gone.
    await until(async () => Number((await su.query(`SELECT count(*) AS n FROM pg_stat_activity WHERE usename = $1`, [ADMIN.user])).rows[0].n) === 0);

    await reopen('a');
    expect(await core('a').call('team.sync', { server: urls.a() })).toMatchObject({ rejected: 0, pending: 0 });
    expect(await hubCount('A1')).toBe(150);
  });

  it('a connection cut mid-batch (pg_terminate_backend) rolls the batch back on the hub; the next sync sends it once', async () => {
    // Caught up first: the outbox then holds only these changes, one batch.
    await core('b').call('team.sync', { server: urls.b() });
    makeChanges('b', 'B2', 150);
    const pending = await pendingOf('b');
    const clientId = (await core('b').call('team.info', {})).clientId!;
    const mutationBefore = await lastMutation(clientId);
    const locker = await holdLog();
    const sync = core('b').dispatch('team.sync', { server: urls.b() });
    let pid: number | undefined;
    await until(async () => (pid = await waitingOnLock(su, 'bo')) !== undefined);
    await su.query('SELECT pg_terminate_backend($1)', [pid]);
    const cut = await sync;
    expect(cut.ok).toBe(false);
    if (!cut.ok) expect(cut.error.code).toBe('UNAVAILABLE');
    await locker.query('COMMIT');
    await locker.end();

    expect(await hubCount('B2')).toBe(0);
    expect(await lastMutation(clientId)).toBe(mutationBefore);
    expect(await pendingOf('b')).toBe(pending);
    expect(pending).toBeLessThan(500);
    expect(await core('b').call('team.sync', { server: urls.b() })).toMatchObject({ rejected: 0, pending: 0 });
    expect(await hubCount('B2')).toBe(150);
  });

  it('the server restarted mid-batch: the sync fails as UNAVAILABLE, nothing half-applied, and the next sync completes', async () => {
    // Caught up first: the outbox then holds only these changes, one batch.
    await core('c').call('team.sync', { server: urls.c() });
    makeChanges('c', 'C1', 150);
    const pending = await pendingOf('c');
    const locker = await holdLog();
    const sync = core('c').dispatch('team.sync', { server: urls.c() });
    await until(async () => (await waitingOnLock(su, 'cy')) !== undefined);
    server.restart();
    const cut = await sync;
    expect(cut.ok).toBe(false);
    if (!cut.ok) expect(cut.error.code).toBe('UNAVAILABLE');
    await locker.end().catch(() => undefined);
    await su.end().catch(() => undefined);
    su = await connect(server.url());

    expect(await hubCount('C1')).toBe(0);
    expect(await pendingOf('c')).toBe(pending);
    expect(await core('c').call('team.sync', { server: urls.c() })).toMatchObject({ rejected: 0, pending: 0 });
    expect(await hubCount('C1')).toBe(150);
  });

  it('after recovery every laptop and the hub hold the same rows: each change exactly once, nothing lost, every outbox empty', async () => {
    await reopen('a');
    for (let round = 0; round < 2; round++) for (const who of ['a', 'b', 'c'] as const) await core(who).call('team.sync', { server: urls[who]() });
    const hub = await hubHashes(su, tables);
    for (const who of ['a', 'b', 'c'] as const) {
      expect(await pendingOf(who)).toBe(0);
      expect(await hashesOf(core(who))).toEqual(hub);
      const { sqlite } = core(who).context;
      for (const { tag, n } of made) {
        const names = sqlite.prepare(`SELECT name, industry FROM accounts WHERE name LIKE ?`).all(`${tag} %`) as { name: string; industry: string }[];
        expect(names.length, `${who}: ${tag}`).toBe(n);
        expect(new Set(names.map((r) => r.name)).size).toBe(n);
        expect(names.every((r) => r.industry === `${tag} industry`)).toBe(true);
      }
    }
    // The hub applied each laptop's mutation once: no (client, mutation id) twice in its log.
    const twice = await su.query('SELECT client_id, mutation_id FROM team.change_log WHERE mutation_id IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1');
    expect(twice.rows).toEqual([]);
  });
});
