import { existsSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli';
import { generateDemoWorkspace } from '../../electron/core/demo';
import { tempWorkspacePath, testCore, type TestCore } from '../fixtures/core';
import { startPostgres, type TestPostgres } from '../fixtures/postgres';

// Issue 19, the team workspace's foundation against a real PostgreSQL (a throwaway cluster started
// for this file): team init uploads a seeded workspace, team join makes a second workspace from the
// hub with equal shared content and without the consultant's assessments, and the hub's roles refuse
// forbidden writes sent around the app, connecting as ordinary logins as the app does.

let server: TestPostgres;
let creator: TestCore;
let joiner: TestCore;
let admin: pg.Client;
const ADMIN = { user: 'team_admin', password: 'admin-pw' };

beforeAll(async () => {
  server = await startPostgres();
  admin = new pg.Client(server.url());
  await admin.connect();
  // The team's admin: may create roles and the team schema, not a superuser.
  await admin.query(`CREATE ROLE ${ADMIN.user} LOGIN CREATEROLE PASSWORD '${ADMIN.password}'`);
  await admin.query(`GRANT CREATE ON DATABASE postgres TO ${ADMIN.user}`);
  const path = tempWorkspacePath('creator.fulcrum');
  await generateDemoWorkspace(path, { accounts: 40, seed: 19, today: '2026-02-20' });
  creator = await testCore(path);
});

afterAll(async () => {
  await creator?.close();
  await joiner?.close();
  await admin?.end();
  server?.stop();
});

const shared = (hashes: Record<string, string> | undefined) => hashes ?? {};

async function asLogin<T>(user: string, password: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(server.url(user, password));
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe('team init and join', () => {
  it('refuses a connection string that is not postgres:// by name', async () => {
    const error = await creator.fail('team.create', { server: 'mysql://x@localhost/db' });
    expect(error.code).toBe('BAD_INPUT');
    expect(error.message).toMatch(/postgres:\/\//);
  });

  it('init uploads every shared row; join makes a workspace with equal shared tables and no assessments', async () => {
    const assessments = creator.context.sqlite.prepare('SELECT count(*) FROM assessments').pluck().get() as number;
    expect(assessments).toBeGreaterThan(0);

    const created = await creator.call('team.create', { server: server.url(ADMIN.user, ADMIN.password) });
    expect(created.rows).toBeGreaterThan(100);
    const before = await creator.call('team.info', { hashes: true });
    expect(before).toMatchObject({ inTeam: true, teamId: created.teamId, pendingChanges: 0 });

    // A second init against the same server is refused: the team exists, join it.
    const other = await testCore(tempWorkspacePath('other.fulcrum'));
    const again = await other.fail('team.create', { server: server.url(ADMIN.user, ADMIN.password) });
    expect(again.code).toBe('CONFLICT');
    await other.close();

    // The hub holds the rows, none of them local-only.
    const hubTables = (await admin.query<{ tbl: string; n: string }>('SELECT tbl, count(*) AS n FROM team.rows GROUP BY tbl')).rows;
    expect(hubTables.map((r) => r.tbl)).not.toContain('assessments');
    expect(hubTables.reduce((sum, r) => sum + Number(r.n), 0)).toBe(created.rows);
    const log = await admin.query<{ n: string }>('SELECT count(*) AS n FROM team.change_log');
    expect(Number(log.rows[0]!.n)).toBe(created.rows);

    // A CSM joins from a new laptop, with her own login.
    await admin.query(`CREATE ROLE dana LOGIN PASSWORD 'dana-pw' IN ROLE fulcrum_csm`);
    joiner = await testCore(tempWorkspacePath('joiner.fulcrum'));
    const joined = await joiner.call('team.join', { server: server.url('dana', 'dana-pw') });
    expect(joined).toMatchObject({ teamId: created.teamId, rows: created.rows, seq: created.seq });
    const after = await joiner.call('team.info', { hashes: true });
    expect(shared(after.hashes)).toEqual(shared(before.hashes));
    expect(Object.keys(shared(after.hashes))).toContain('accounts');
    expect(joiner.context.sqlite.prepare('SELECT count(*) FROM assessments').pluck().get()).toBe(0);
    // The joined workspace works as a workspace: its accounts list through the core.
    const accounts = await joiner.call('accounts.list', { pageSize: 5 });
    const original = await creator.call('accounts.list', { pageSize: 5 });
    expect(accounts.total).toBe(original.total);
  });

  it('join refuses a workspace that already has records, and a workspace already in a team', async () => {
    const error = await creator.fail('team.join', { server: server.url('dana', 'dana-pw') });
    expect(error.code).toBe('CONFLICT');
    const seeded = await testCore(tempWorkspacePath('seeded.fulcrum'));
    await seeded.call('accounts.create', { name: 'Acme' });
    const refused = await seeded.fail('team.join', { server: server.url('dana', 'dana-pw') });
    expect(refused.message).toMatch(/new, empty workspace/);
    await seeded.close();
  });

  it('a wrong password is refused as FORBIDDEN, an unreachable server as UNAVAILABLE, and nothing changes', async () => {
    const fresh = await testCore(tempWorkspacePath('fresh.fulcrum'));
    expect((await fresh.fail('team.join', { server: server.url('dana', 'wrong') })).code).toBe('FORBIDDEN');
    expect((await fresh.fail('team.join', { server: `postgres://dana:x@127.0.0.1:1/postgres` })).code).toBe('UNAVAILABLE');
    expect((await fresh.call('team.info', {})).inTeam).toBe(false);
    await fresh.close();
  });
});

describe('change capture on the laptop', () => {
  it('records each write to a shared table with its global id, in the same transaction', async () => {
    const { sqlite } = joiner.context;
    const created = await joiner.call('accounts.create', { name: 'Captured Ltd' });
    const row = sqlite.prepare(`SELECT gid, version FROM team_rows WHERE tbl = 'accounts' AND row_key = ?`).get(String(created.id)) as { gid: string; version: number };
    expect(row.gid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    await joiner.call('accounts.update', { id: created.id, industry: 'Retail' });
    const changes = sqlite.prepare(`SELECT op, fields, gid, hlc FROM team_changes WHERE gid = ? ORDER BY seq`).all(row.gid) as { op: string; fields: string | null; hlc: number }[];
    expect(changes.map((c) => c.op)).toEqual(['insert', 'update']);
    expect(changes[1]!.fields!.split(',')).toContain('industry');
    expect(changes[1]!.hlc).toBeGreaterThan(changes[0]!.hlc);
    // A write that fails rolls its change back with it.
    const before = sqlite.prepare('SELECT count(*) FROM team_changes').pluck().get();
    expect(() => sqlite.prepare(`INSERT INTO accounts (name, created_at, updated_at) VALUES ('', 'x', 'x')`).run()).toThrow();
    expect(sqlite.prepare('SELECT count(*) FROM team_changes').pluck().get()).toBe(before);
    expect((await joiner.call('team.info', {})).pendingChanges).toBe(2);
  });

  it('a workspace outside a team has no capture triggers and writes no changes', async () => {
    const solo = await testCore(tempWorkspacePath('solo.fulcrum'));
    await solo.call('accounts.create', { name: 'Solo' });
    const { sqlite } = solo.context;
    expect(sqlite.prepare(`SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'team_%'`).pluck().get()).toBe(0);
    expect(sqlite.prepare('SELECT count(*) FROM team_changes').pluck().get()).toBe(0);
    await solo.close();
  });
});

describe('roles and row-level security on the hub', () => {
  beforeAll(async () => {
    await admin.query(`INSERT INTO team.members (login, display_name, role) VALUES ('dana', 'Dana Reyes', 'csm')`);
    await admin.query(`CREATE ROLE mia LOGIN PASSWORD 'mia-pw' IN ROLE fulcrum_marketing`);
    await admin.query(`INSERT INTO team.members (login, display_name, role) VALUES ('mia', 'Mia Chen', 'marketing')`);
    await admin.query(`CREATE ROLE max LOGIN PASSWORD 'max-pw' IN ROLE fulcrum_manager`);
    // Give Dana one account, so her own rows exist.
    await admin.query(
      `UPDATE team.rows SET owner = 'Dana Reyes', data = data || '{"owner":"Dana Reyes"}' WHERE gid = (SELECT gid FROM team.rows WHERE tbl = 'accounts' ORDER BY gid LIMIT 1)`,
    );
  });

  const someRow = async (tbl: string, where = 'true') =>
    (await admin.query<{ gid: string; owner: string | null }>(`SELECT gid, owner FROM team.rows WHERE tbl = $1 AND ${where} ORDER BY gid LIMIT 1`, [tbl])).rows[0]!;

  it('marketing reads accounts but its UPDATE of one changes 0 rows (hidden by RLS), and its INSERT is refused', async () => {
    const account = await someRow('accounts');
    await asLogin('mia', 'mia-pw', async (mia) => {
      expect((await mia.query('SELECT count(*) FROM team.rows WHERE tbl = $1', ['accounts'])).rows[0].count).not.toBe('0');
      // The pitfall: RLS hides the row from UPDATE, which then "succeeds" with rowCount 0.
      const update = await mia.query(`UPDATE team.rows SET data = data || '{"name":"Hijacked"}' WHERE gid = $1`, [account.gid]);
      expect(update.rowCount).toBe(0);
      await expect(mia.query(`INSERT INTO team.rows (gid, tbl, data) VALUES (gen_random_uuid(), 'accounts', '{"name":"New"}')`)).rejects.toMatchObject({ code: '42501' });
      // Marketing may change references.
      const reference = await someRow('references');
      expect((await mia.query(`UPDATE team.rows SET data = data || '{"notes":"by marketing"}' WHERE gid = $1`, [reference.gid])).rowCount).toBe(1);
      // Nobody deletes: a delete is a tombstone.
      await expect(mia.query('DELETE FROM team.rows WHERE gid = $1', [reference.gid])).rejects.toMatchObject({ code: '42501' });
      // Nor writes the log by hand.
      await expect(
        mia.query(`INSERT INTO team.change_log (seq, gid, tbl, op, data, clocks, version, actor) VALUES (0, gen_random_uuid(), 'x', 'upsert', '{}', '{}', 1, 'mia')`),
      ).rejects.toMatchObject({
        code: '42501',
      });
    });
    expect((await admin.query('SELECT data->>$2 AS name FROM team.rows WHERE gid = $1', [account.gid, 'name'])).rows[0].name).not.toBe('Hijacked');
  });

  it('a CSM edits her own accounts, not a colleague’s, and may not give one away', async () => {
    const mine = await someRow('accounts', `owner = 'Dana Reyes'`);
    const theirs = await someRow('accounts', `owner IS DISTINCT FROM 'Dana Reyes'`);
    await asLogin('dana', 'dana-pw', async (dana) => {
      expect((await dana.query(`UPDATE team.rows SET data = data || '{"industry":"Retail"}' WHERE gid = $1`, [mine.gid])).rowCount).toBe(1);
      expect((await dana.query(`UPDATE team.rows SET data = data || '{"industry":"Retail"}' WHERE gid = $1`, [theirs.gid])).rowCount).toBe(0);
      await expect(dana.query(`UPDATE team.rows SET owner = 'Someone Else' WHERE gid = $1`, [mine.gid])).rejects.toMatchObject({ code: '42501' });
      // Column grants: the version and author are the server's.
      await expect(dana.query(`UPDATE team.rows SET version = 99 WHERE gid = $1`, [mine.gid])).rejects.toMatchObject({ code: '42501' });
    });
    // Each accepted write is in the log, in order, with its author.
    const last = await admin.query<{ actor: string; gid: string }>('SELECT actor, gid FROM team.change_log ORDER BY seq DESC LIMIT 1');
    expect(last.rows[0]).toEqual({ actor: 'dana', gid: mine.gid });
  });

  it('a field guard refuses a field a role may not change, in a row it may write', async () => {
    await admin.query(`INSERT INTO team.field_guards (role, tbl, field) VALUES ('marketing', 'references', 'stage')`);
    const reference = await someRow('references');
    await asLogin('mia', 'mia-pw', async (mia) => {
      // A value that differs from the current one, whatever that is.
      await expect(
        mia.query(`UPDATE team.rows SET data = data || jsonb_build_object('stage', coalesce(data->>'stage', '') || '-changed') WHERE gid = $1`, [reference.gid]),
      ).rejects.toMatchObject({ code: '42501' });
    });
  });

  it('the manager reads everything and writes no account’s contacts', async () => {
    const contact = await someRow('contacts');
    await asLogin('max', 'max-pw', async (max) => {
      expect(Number((await max.query('SELECT count(*) FROM team.change_log')).rows[0].count)).toBeGreaterThan(0);
      expect((await max.query(`UPDATE team.rows SET data = data || '{"title":"x"}' WHERE gid = $1`, [contact.gid])).rowCount).toBe(0);
    });
  });
});

describe('fulcrum team init | join', () => {
  const cli = async (argv: string[], env: string) => {
    const out: string[] = [];
    const err: string[] = [];
    const saved = process.env.FULCRUM_TEAM_SERVER;
    process.env.FULCRUM_TEAM_SERVER = env;
    try {
      const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t), errIsTTY: false });
      return { code, out: out.join(''), err: err.join('') };
    } finally {
      if (saved === undefined) delete process.env.FULCRUM_TEAM_SERVER;
      else process.env.FULCRUM_TEAM_SERVER = saved;
    }
  };

  it('init uploads a workspace and join makes a second one with the same shared tables; the connection string stays out of both files', async () => {
    await admin.query(`CREATE DATABASE team2 OWNER ${ADMIN.user}`);
    const first = tempWorkspacePath('cli-first.fulcrum');
    const seeded = await testCore(first);
    const acme = await seeded.call('accounts.create', { name: 'Acme', owner: 'Dana Reyes' });
    await seeded.call('contacts.create', { accountId: acme.id, name: 'Ada Lovelace' });
    await seeded.close();

    const init = await cli(['team', 'init', '--db', first], server.url(ADMIN.user, ADMIN.password, 'team2'));
    expect(init.err).toBe('');
    expect(init.code).toBe(0);
    expect(init.out).toMatch(/^Created team .+ on postgres:\/\/team_admin:\*\*\*@/);

    const second = tempWorkspacePath('cli-second.fulcrum');
    const join = await cli(['team', 'join', '--out', second], server.url('dana', 'dana-pw', 'team2'));
    expect(join.err).toBe('');
    expect(join.out).toMatch(/holds \d+ shared rows/);

    // Sync from the command line: nothing changed since the join.
    const synced = await cli(['team', 'sync', '--db', second], server.url('dana', 'dana-pw', 'team2'));
    expect(synced.err).toBe('');
    expect(synced.out).toMatch(/^Pushed 0 changes, pulled 0; 0 still pending/);

    const a = await testCore(first);
    const b = await testCore(second);
    expect((await b.call('team.info', { hashes: true })).hashes).toEqual((await a.call('team.info', { hashes: true })).hashes);
    await a.close();
    await b.close();
    for (const file of [first, second]) expect(readFileSync(file).includes('admin-pw') || readFileSync(file).includes('dana-pw')).toBe(false);
  });

  it('join without a server is a usage error; a failed join leaves no file', async () => {
    const out = tempWorkspacePath('cli-failed.fulcrum');
    expect((await cli(['team', 'join', '--out', out], '')).code).toBe(2);
    const failed = await cli(['team', 'join', '--out', out], server.url('dana', 'wrong', 'team2'));
    expect(failed.code).toBe(1);
    expect(failed.err).toMatch(/refused the login/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('push and pull between two laptops', () => {
  const adminUrl = () => server.url(ADMIN.user, ADMIN.password);
  const danaUrl = () => server.url('dana', 'dana-pw');

  it('offline edits on both laptops end with identical shared tables; a replayed batch applies nothing twice; a refused change is listed', async () => {
    // Both catch up first (the hub changed in the role tests above). Dana's account from the capture
    // test has no owner, so the hub refuses it: it stays on her laptop only, listed as a conflict.
    const caughtUp = await joiner.call('team.sync', { server: danaUrl() });
    expect(caughtUp).toMatchObject({ rejected: 2, pending: 0 });
    await creator.call('team.sync', { server: adminUrl() });
    expect((await joiner.call('team.info', { hashes: true })).hashes).toEqual((await creator.call('team.info', { hashes: true })).hashes);

    // Offline: the creator renames a colleague's account; Dana edits one of her own and adds a contact to it.
    const mineGid = (await admin.query<{ gid: string }>(`SELECT gid FROM team.rows WHERE tbl = 'accounts' AND owner = 'Dana Reyes' LIMIT 1`)).rows[0]!.gid;
    const localId = (core: TestCore, gid: string) => Number(core.context.sqlite.prepare('SELECT row_key FROM team_rows WHERE gid = ?').pluck().get(gid));
    const otherGid = (await admin.query<{ gid: string }>(`SELECT gid FROM team.rows WHERE tbl = 'accounts' AND owner IS DISTINCT FROM 'Dana Reyes' AND NOT deleted LIMIT 1`))
      .rows[0]!.gid;
    await creator.call('accounts.update', { id: localId(creator, otherGid), name: 'Renamed by the creator' });
    await joiner.call('accounts.update', { id: localId(joiner, mineGid), industry: 'Aerospace' });
    await joiner.call('contacts.create', { accountId: localId(joiner, mineGid), name: 'Grace Hopper' });
    // Dana also edits a colleague's account: the hub refuses it (RLS), and says so.
    await joiner.call('accounts.update', { id: localId(joiner, otherGid), region: 'Region Z' });

    const logBefore = Number((await admin.query('SELECT count(*) AS n FROM team.change_log')).rows[0].n);
    const b = await joiner.call('team.sync', { server: danaUrl() });
    // At least her three edits (the core's own follow-up writes to shared tables, if any, go too).
    expect(b).toMatchObject({ rejected: 1, pending: 0 });
    expect(b.pushed).toBeGreaterThanOrEqual(3);
    const a = await creator.call('team.sync', { server: adminUrl() });
    expect(a.pending).toBe(0);
    await joiner.call('team.sync', { server: danaUrl() });
    const logAfter = Number((await admin.query('SELECT count(*) AS n FROM team.change_log')).rows[0].n);
    // Dana's two accepted changes and the creator's one, at least; never the refused one.
    expect(logAfter - logBefore).toBeGreaterThanOrEqual(3);
    expect(Number((await admin.query(`SELECT count(*) AS n FROM team.change_log WHERE seq > $1 AND data->>'region' = 'Region Z'`, [logBefore])).rows[0].n)).toBe(0);

    const hashesA = (await creator.call('team.info', { hashes: true })).hashes;
    expect((await joiner.call('team.info', { hashes: true })).hashes).toEqual(hashesA);
    expect(creator.context.sqlite.prepare(`SELECT count(*) FROM contacts WHERE name = 'Grace Hopper'`).pluck().get()).toBe(1);
    expect(joiner.context.sqlite.prepare(`SELECT name FROM accounts WHERE id = ?`).pluck().get(localId(joiner, otherGid))).toBe('Renamed by the creator');
    // The refused edit is in Dana's conflicts, and her local value was replaced by the hub's on pull.
    expect(joiner.context.sqlite.prepare(`SELECT count(*) FROM team_conflicts WHERE kind = 'rejected'`).pluck().get()).toBe(3);

    // A batch sent again after a lost reply applies nothing twice.
    const client = (await joiner.call('team.info', {})).clientId!;
    const replay = await asLogin('dana', 'dana-pw', async (dana) => {
      const batch = JSON.stringify([{ id: 1, gid: mineGid, tbl: 'accounts', op: 'update', hlc: '999999999999999:00000:x', data: { industry: 'Replayed' } }]);
      return (await dana.query<{ r: { last_mutation_id: number } }>('SELECT team.push($1, gen_random_uuid(), $2::jsonb) AS r', [client, batch])).rows[0]!.r;
    });
    expect(replay.last_mutation_id).toBeGreaterThan(1);
    expect((await admin.query(`SELECT data->>'industry' AS i FROM team.rows WHERE gid = $1`, [mineGid])).rows[0].i).toBe('Aerospace');
  });
});
