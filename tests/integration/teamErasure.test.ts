import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoWorkspace } from '../../electron/core/demo';
import { BLANKED } from '../../electron/core/privacy/rules';
import { HUB_BLANKED } from '../../electron/core/team/server/migrations/0004_erasure';
import { tempWorkspacePath, testCore, type TestCore } from '../fixtures/core';
import { fileMentions } from '../fixtures/erasure';
import { startPostgres, type TestPostgres } from '../fixtures/postgres';
import { ADMIN, addWriter, connect, createAdmin, hashesOf, hubHashes, memberUrl } from '../fixtures/team';

// Erasing a person through the team (issue 19, docs/privacy.md), two laptops and a real PostgreSQL:
// the person is erased on laptop B while laptop A, offline, still edits them; after both sync, the
// person is gone from both files' bytes and from every table of the hub (read as its superuser), A's
// offline edit was refused rather than stored, and both laptops and the hub hold the same content.

const NAME = 'Evangelina Quistgaard';
const EMAIL = 'e.quistgaard@example.org';
const TERMS = [NAME, EMAIL];

let server: TestPostgres;
let su: pg.Client;
let a: TestCore;
let b: TestCore;
const paths = { a: tempWorkspacePath('a.fulcrum'), b: tempWorkspacePath('b.fulcrum') };
const adminUrl = () => server.url(ADMIN.user, ADMIN.password);
const boUrl = () => memberUrl(server, 'bo');
let tables: string[];
let gid: string;

/** Every table of the hub's schema whose rows, as text, mention the person. */
async function hubMentions(): Promise<string[]> {
  const names = (await su.query<{ t: string }>(`SELECT format('%I.%I', schemaname, tablename) AS t FROM pg_tables WHERE schemaname = 'team'`)).rows.map((r) => r.t);
  const found: string[] = [];
  for (const t of names) {
    const { rows } = await su.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t} x WHERE x::text ILIKE ANY($1)`, [TERMS.map((term) => `%${term}%`)]);
    if (rows[0]!.n > 0) found.push(t);
  }
  return found;
}

beforeAll(async () => {
  server = await startPostgres();
  su = await connect(server.url());
  await createAdmin(su);
  await generateDemoWorkspace(paths.a, { accounts: 12, seed: 11, today: '2026-02-20' });
  a = await testCore(paths.a);
  await a.call('team.create', { server: adminUrl() });
  tables = Object.keys(await hashesOf(a));
  await addWriter(su, 'bo', 'Bo', tables);
  b = await testCore(paths.b);
  await b.call('team.join', { server: boUrl() });
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  await su?.end().catch(() => undefined);
  server?.stop();
});

describe('erasure through the team', () => {
  it('the laptop and the hub blank the same fields', () => {
    expect(HUB_BLANKED).toEqual(BLANKED);
  });

  it('a person named on A reaches B and the hub', async () => {
    const { id } = a.context.sqlite
      .prepare(
        `SELECT c.id FROM contacts c ORDER BY (SELECT count(*) FROM touchpoints t WHERE t.contact_id = c.id) + (SELECT count(*) FROM survey_responses s WHERE s.contact_id = c.id) DESC LIMIT 1`,
      )
      .get() as { id: number };
    const contact = await a.call('contacts.update', { id, name: NAME, email: EMAIL });
    await a.call('tasks.create', { accountId: contact.accountId, title: `Send ${NAME} the QBR deck`, contactId: id });
    gid = a.context.sqlite.prepare(`SELECT gid FROM team_rows WHERE tbl = 'contacts' AND row_key = ?`).pluck().get(String(id)) as string;
    await a.call('team.sync', { server: adminUrl() });
    await b.call('team.sync', { server: boUrl() });
    expect(fileMentions(paths.b, TERMS).length + (await hubMentions()).length).toBeGreaterThan(0);
    expect(await hubMentions()).toEqual(expect.arrayContaining(['team.rows', 'team.change_log']));
  });

  it('a member whose role may not erase is refused by the hub itself', async () => {
    await su.query(`CREATE ROLE mo LOGIN PASSWORD 'mo-pw' IN ROLE fulcrum_marketing`);
    await su.query(`INSERT INTO team.members (login, display_name, role) VALUES ('mo', 'Mo', 'marketing')`);
    const client = new pg.Client(memberUrl(server, 'mo'));
    await client.connect();
    try {
      await expect(client.query('SELECT team.erase($1::uuid)', [gid])).rejects.toMatchObject({ code: '42501' });
    } finally {
      await client.end();
    }
  });

  it('erased on B while A edits offline: after both sync, neither file nor any hub table holds the person', async () => {
    const idOn = (core: TestCore) => Number(core.context.sqlite.prepare(`SELECT row_key FROM team_rows WHERE gid = ?`).pluck().get(gid));
    // A, offline, changes the person's title: the edit waits in A's outbox.
    await a.call('contacts.update', { id: idOn(a), title: 'Chief Operating Officer' });

    const erased = await b.call('contacts.erase', { id: idOn(b), confirm: NAME });
    expect(erased.team).toBe('pending');
    expect(b.context.sqlite.prepare('SELECT hub_state FROM erasures').pluck().get()).toBe('pending');
    await b.call('team.sync', { server: boUrl() });
    expect(b.context.sqlite.prepare('SELECT hub_state FROM erasures').pluck().get()).toBe('sent');

    // A's push comes first: its older edit loses to the erasure's clock and is not stored; A's pull then erases the person on A.
    await a.call('team.sync', { server: adminUrl() });
    expect((await su.query('SELECT data, deleted FROM team.rows WHERE gid = $1', [gid])).rows).toEqual([{ data: {}, deleted: true }]);
    await b.call('team.sync', { server: boUrl() });

    expect(a.context.sqlite.prepare(`SELECT count(*) FROM contacts WHERE name = ?`).pluck().get(NAME)).toBe(0);
    expect(a.context.sqlite.prepare(`SELECT source FROM erasures WHERE gid = ?`).pluck().get(gid)).toBe('team');
    expect(fileMentions(paths.a, TERMS)).toEqual([]);
    expect(fileMentions(paths.b, TERMS)).toEqual([]);
    expect(await hubMentions()).toEqual([]);
    expect((await su.query('SELECT gid FROM team.erasures')).rows).toEqual([{ gid }]);
    // The task that named the person is still there on both, without the name.
    for (const core of [a, b])
      expect(core.context.sqlite.prepare(`SELECT title FROM tasks WHERE title LIKE 'Send % the QBR deck'`).pluck().get()).toBe('Send [erased] the QBR deck');

    // A later write sent around the app (psql with a member's login) cannot refill the erased row either.
    const bo = new pg.Client(boUrl());
    await bo.connect();
    try {
      await expect(bo.query(`UPDATE team.rows SET data = '{"name": "x"}' WHERE gid = $1`, [gid])).rejects.toMatchObject({ code: '42501' });
    } finally {
      await bo.end();
    }

    const hub = await hubHashes(su, tables);
    expect(await hashesOf(a)).toEqual(hub);
    expect(await hashesOf(b)).toEqual(hub);
  });
});
