import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempWorkspacePath, testCore, type TestCore } from '../fixtures/core';
import { addWriter, connect, memberUrl, startTeamCluster, until, waitingOnLock, type TeamCluster } from '../fixtures/team';

// Issue 19, the change log's counter (hub migration 0007, docs/team.md "The hub"): a transaction
// takes team.meta's row once, not once per log entry (each per-entry bump left a row version the next
// had to walk: quadratic in one transaction), and seq still follows commit order: a second writer
// waits from its first entry until the first commits, and numbers after all of its entries. Written
// as members do (their logins, RLS on), plus the admin's own transaction for its statistics.

let cluster: TeamCluster;
let laptop: TestCore;
let template: Record<string, unknown>;

beforeAll(async () => {
  cluster = await startTeamCluster();
  laptop = await testCore(tempWorkspacePath('counter.fulcrum'));
  await laptop.call('team.create', { server: cluster.adminUrl });
  await addWriter(cluster.superuser, 'bo', 'Bo', ['accounts']);
  await addWriter(cluster.superuser, 'cy', 'Cy', ['accounts']);
  // The rows written around the app below copy a real account's fields, so the laptop's pull applies them.
  await laptop.call('accounts.create', { name: 'Template', owner: 'Bo' });
  await laptop.call('team.sync', { server: cluster.adminUrl });
  template = (await cluster.superuser.query(`SELECT data FROM team.rows WHERE tbl = 'accounts' AND data->>'name' = 'Template'`)).rows[0].data;
});

afterAll(async () => {
  await laptop?.close();
  await cluster?.stop();
});

const lastSeq = async () => Number((await cluster.superuser.query('SELECT seq FROM team.meta')).rows[0].seq);
const insertAccount = (client: pg.Client, name: string) =>
  client.query(`INSERT INTO team.rows (gid, tbl, owner, data, clocks) VALUES ($1, 'accounts', 'Bo', $2, '{"*": "000000000000001:00000:test"}')`, [
    randomUUID(),
    JSON.stringify({ ...template, name }),
  ]);
const seqsOf = async (prefix: string) =>
  (await cluster.superuser.query<{ seq: string }>(`SELECT seq FROM team.change_log WHERE data->>'name' LIKE $1 ORDER BY seq`, [`${prefix}%`])).rows.map((r) => Number(r.seq));

describe("the change log's counter", () => {
  it("a transaction of many log entries writes the counter's row once, and the counter ends at its last entry", async () => {
    const before = await lastSeq();
    const su = cluster.superuser;
    await su.query('BEGIN');
    for (let i = 0; i < 40; i++) await insertAccount(su, `many ${i}`);
    // This transaction's own statistics: 0001's trigger updated meta once per entry (40 here).
    const { rows } = await su.query(`SELECT n_tup_upd FROM pg_stat_xact_user_tables WHERE schemaname = 'team' AND relname = 'meta'`);
    await su.query('COMMIT');
    expect(Number(rows[0].n_tup_upd)).toBe(1);
    expect(await seqsOf('many ')).toEqual(Array.from({ length: 40 }, (_, i) => before + 1 + i));
    expect(await lastSeq()).toBe(before + 40);
  });

  it('seq follows commit order: a second writer waits from its first entry and numbers after all of the first one’s; one notification a transaction', async () => {
    const listener = await connect(cluster.server.url());
    const notified: number[] = [];
    listener.on('notification', (n) => notified.push(Number(n.payload)));
    await listener.query('LISTEN fulcrum_team');
    const bo = await connect(memberUrl(cluster.server, 'bo'));
    const cy = await connect(memberUrl(cluster.server, 'cy'));
    try {
      const before = await lastSeq();
      await bo.query('BEGIN');
      await insertAccount(bo, 'order bo 1');
      await cy.query('BEGIN');
      let cyDone = false;
      const cyFirst = insertAccount(cy, 'order cy 1').then(() => (cyDone = true));
      await until(
        async () => (await waitingOnLock(cluster.superuser, 'cy')) !== undefined,
        () => cyDone,
      );
      await insertAccount(bo, 'order bo 2');
      await insertAccount(bo, 'order bo 3');
      await bo.query('COMMIT');
      await cyFirst;
      await insertAccount(cy, 'order cy 2');
      await cy.query('COMMIT');
      expect(await seqsOf('order bo')).toEqual([before + 1, before + 2, before + 3]);
      expect(await seqsOf('order cy')).toEqual([before + 4, before + 5]);
      expect(await lastSeq()).toBe(before + 5);
      await until(async () => notified.length >= 2);
      expect(notified).toEqual([before + 3, before + 5]);
    } finally {
      await Promise.all([bo.end(), cy.end(), listener.end()]);
    }
  });

  it('an entry rolled back with its savepoint gives its number back and its lock up; the next entry takes both again', async () => {
    const bo = await connect(memberUrl(cluster.server, 'bo'));
    try {
      const before = await lastSeq();
      await bo.query('BEGIN');
      await bo.query('SAVEPOINT one');
      await insertAccount(bo, 'undone 1');
      await bo.query('ROLLBACK TO SAVEPOINT one');
      // Nothing of this transaction holds the counter now: another writer may number and commit first.
      const cy = await connect(memberUrl(cluster.server, 'cy'));
      await insertAccount(cy, 'undone cy');
      await cy.end();
      await insertAccount(bo, 'undone 2');
      await bo.query('COMMIT');
      expect(await seqsOf('undone cy')).toEqual([before + 1]);
      expect(await seqsOf('undone ')).toEqual([before + 1, before + 2]);
      expect(await seqsOf('undone 1')).toEqual([]);
      expect(await lastSeq()).toBe(before + 2);
    } finally {
      await bo.end();
    }
  });

  it('a laptop still pushes and pulls through it', async () => {
    const account = await laptop.call('accounts.create', { name: 'Counter Co', owner: 'Bo' });
    await laptop.call('accounts.update', { id: account.id, industry: 'Retail' });
    const synced = await laptop.call('team.sync', { server: cluster.adminUrl });
    expect(synced).toMatchObject({ rejected: 0, pending: 0 });
    expect(synced.pushed).toBeGreaterThanOrEqual(2);
    // Its two changes are the log's last entries, and the rows the members wrote above were pulled.
    const top = Number((await cluster.superuser.query('SELECT max(seq) AS top FROM team.change_log')).rows[0].top);
    expect(await lastSeq()).toBe(top);
    expect(await seqsOf('Counter Co')).toEqual([top - 1, top]);
    expect(laptop.context.sqlite.prepare(`SELECT count(*) FROM accounts WHERE name LIKE 'many %'`).pluck().get()).toBe(40);
  });
});
