import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastNaming, nextBatch } from '../../electron/core/team/outbox';
import { readState } from '../../electron/core/team/state';
import { sharedOrder, SHARED_TABLES } from '../../electron/core/team/tables';
import { tempWorkspacePath, testCore, type TestCore } from '../fixtures/core';
import { startPostgres, type TestPostgres } from '../fixtures/postgres';
import { ADMIN, addWriter, connect, createAdmin, memberUrl, until, waitingOnLock } from '../fixtures/team';

// Issue 19, the team sync's correctness gaps (hub migration 0006), two member laptops and a real
// PostgreSQL: refusals resent when a push is replayed after a lost reply; a refused move's history
// row refused with it; team.erase not holding the log's counter while it scans; a reverse checked by
// the owning domain's own rules.

const PERSON = 'Wilhelmina Strandqvist';
let server: TestPostgres;
let superuser: pg.Client;
let creator: TestCore;
let one: TestCore;
let two: TestCore;
let seeded: { accounts: number[]; references: number[]; contact: number; budgeted: number; budgetedAccount: number };

const su = () => superuser;
const url = (login: string) => memberUrl(server, login);
const sync = (core: TestCore, login: string) => core.call('team.sync', { server: url(login) });
const gidOf = (tbl: string, id: number) => creator.context.sqlite.prepare('SELECT gid FROM team_rows WHERE tbl = ? AND row_key = ?').pluck().get(tbl, String(id)) as string;
const idOn = (core: TestCore, gid: string) => Number(core.context.sqlite.prepare('SELECT row_key FROM team_rows WHERE gid = ?').pluck().get(gid));
const stageOn = (core: TestCore, gid: string) => core.context.sqlite.prepare('SELECT stage FROM "references" WHERE id = ?').pluck().get(idOn(core, gid)) as string;
const conflictsOf = (core: TestCore, gid: string) =>
  core.context.sqlite.prepare('SELECT id, kind, field, local_value AS localValue, remote_value AS remoteValue FROM team_conflicts WHERE gid = ?').all(gid) as {
    id: number;
    kind: string;
    field: string | null;
    localValue: string | null;
    remoteValue: string | null;
  }[];
/** The hub's history rows of a reference (as its superuser reads them). */
const hubHistory = async (referenceGid: string) =>
  (
    await su().query<{ to_stage: string; changed_by: string }>(
      `SELECT data->>'to_stage' AS to_stage, data->>'changed_by' AS changed_by FROM team.rows WHERE tbl = 'reference_stage_changes' AND data->>'reference_id' = $1`,
      [referenceGid],
    )
  ).rows;

beforeAll(async () => {
  server = await startPostgres();
  superuser = await connect(server.url());
  await createAdmin(superuser);
  creator = await testCore(tempWorkspacePath('gaps-creator.fulcrum'));
  const accounts: number[] = [];
  const references: number[] = [];
  for (const name of ['Acme', 'Globex', 'Initech', 'Umbrella']) {
    const account = await creator.call('accounts.create', { name });
    accounts.push(account.id);
    references.push((await creator.call('references.create', { accountId: account.id, by: 'Ana' })).id);
  }
  const contact = await creator.call('contacts.create', { accountId: accounts[0]!, name: PERSON });
  await creator.call('touchpoints.create', {
    accountId: accounts[0]!,
    contactId: contact.id,
    kind: 'qbr',
    channel: 'phone',
    occurredAt: '2026-02-01T10:00:00Z',
    notes: `QBR with ${PERSON}`,
  });
  // A recruited reference with consent and a usage limit of one ask a quarter: two laptops each take that ask offline.
  const budgetedAccount = await creator.call('accounts.create', { name: 'Hooli' });
  const speaker = await creator.call('contacts.create', { accountId: budgetedAccount.id, name: 'Gavin Belson' });
  const budgeted = await creator.call('references.create', { accountId: budgetedAccount.id, contactId: speaker.id, usageLimitPerQuarter: 1, by: 'Ana' });
  await creator.call('references.grantConsent', { referenceId: budgeted.id, activity: 'reference_call', grantedBy: 'Ana' });
  for (const stage of ['nominated', 'recruited'] as const) await creator.call('references.move', { id: budgeted.id, stage, by: 'Ana' });
  seeded = { accounts, references, contact: contact.id, budgeted: budgeted.id, budgetedAccount: budgetedAccount.id };
  await creator.call('team.create', { server: server.url(ADMIN.user, ADMIN.password) });
  await addWriter(su(), 'ana', 'Ana', SHARED_TABLES);
  await addWriter(su(), 'ben', 'Ben', SHARED_TABLES);
  one = await testCore(tempWorkspacePath('gaps-one.fulcrum'));
  await one.call('team.join', { server: url('ana') });
  two = await testCore(tempWorkspacePath('gaps-two.fulcrum'));
  await two.call('team.join', { server: url('ben') });
}, 180_000);

afterAll(async () => {
  for (const core of [creator, one, two]) await core?.close();
  await superuser?.end().catch(() => undefined);
  server?.stop();
});

/** Declined on Ana's laptop and synced; then nominated on Ben's, which had not seen it: an illegal move on the hub. */
async function illegalMoveOnTwo(reference: number) {
  const gid = gidOf('references', reference);
  await one.call('references.move', { id: idOn(one, gid), stage: 'declined', by: 'Ana' });
  await sync(one, 'ana');
  await two.call('references.move', { id: idOn(two, gid), stage: 'nominated', by: 'Ben' });
  return gid;
}

describe('a refused move and its history row', () => {
  it('the history row written beside a refused stage move is refused with it, on the hub and on the laptop', async () => {
    const gid = await illegalMoveOnTwo(seeded.references[0]!);
    await sync(two, 'ben');
    expect(stageOn(two, gid)).toBe('declined');
    expect(conflictsOf(two, gid)).toEqual([expect.objectContaining({ kind: 'transition', field: 'stage', localValue: '"nominated"', remoteValue: '"declined"' })]);
    // The hub holds the move Ana made and the creation, never Ben's refused one.
    expect((await hubHistory(gid)).map((h) => `${h.to_stage}/${h.changed_by}`).sort()).toEqual(['candidate/Ana', 'declined/Ana']);
    // On Ben's laptop the history no longer claims a move the team never took.
    const local = two.context.sqlite.prepare('SELECT to_stage FROM reference_stage_changes WHERE reference_id = ? ORDER BY id').pluck().all(idOn(two, gid));
    expect(local).toEqual(['candidate', 'declined']);
    expect(two.context.sqlite.prepare('SELECT count(*) FROM team_changes').pluck().get()).toBe(0);
  });
});

describe('a push replayed after a lost reply', () => {
  it('gets back what the hub refused in it, and the laptop lists each refusal once', async () => {
    const gid = await illegalMoveOnTwo(seeded.references[1]!);
    // The hub commits Ben's batch, and its reply is lost: Ben's laptop recorded nothing.
    const sqlite = two.context.sqlite;
    const state = readState(sqlite);
    const batch = nextBatch(sqlite, new Map(sharedOrder(sqlite).map((s) => [s.table as string, s])), state.client_id!, lastNaming(sqlite));
    const batchId = randomUUID();
    const member = new pg.Client(url('ben'));
    await member.connect();
    try {
      const push = async () =>
        (
          await member.query<{ r: { rejections: { id: number; kind: string }[]; replayed: boolean } }>('SELECT team.push($1::uuid, $2::uuid, $3::jsonb, $4::bigint) AS r', [
            state.client_id,
            batchId,
            JSON.stringify(batch),
            Number(state.last_pulled_seq),
          ])
        ).rows[0]!.r;
      const first = await push();
      expect(first.rejections.map((r) => r.kind)).toEqual(['transition', 'transition']);
      // The same batch again: "already applied", with the same refusals.
      const again = await push();
      expect(again.replayed).toBe(true);
      expect(again.rejections).toEqual(first.rejections);
    } finally {
      await member.end();
    }
    // The laptop's next sync sends the outbox again (a new batch id, ids the hub already applied): the refusal comes back.
    const result = await sync(two, 'ben');
    expect(result.rejected).toBe(1);
    await sync(two, 'ben');
    expect(conflictsOf(two, gid)).toEqual([expect.objectContaining({ kind: 'transition', field: 'stage', localValue: '"nominated"', remoteValue: '"declined"' })]);
    expect((await hubHistory(gid)).map((h) => h.changed_by)).not.toContain('Ben');
  });
});

describe('a reverse goes through the domain’s own rules', () => {
  it('a reverse that would be an illegal stage move here is refused by name and writes nothing', async () => {
    const gid = gidOf('references', seeded.references[2]!);
    // Ben nominates first (earlier clock), Ana declines later; Ben syncs first, so Ana's later decline wins and Ana lists Ben's value.
    await two.call('references.move', { id: idOn(two, gid), stage: 'nominated', by: 'Ben' });
    await one.call('references.move', { id: idOn(one, gid), stage: 'declined', by: 'Ana' });
    await sync(two, 'ben');
    await sync(one, 'ana');
    expect(stageOn(one, gid)).toBe('declined');
    const conflict = conflictsOf(one, gid).find((c) => c.kind === 'superseded' && c.field === 'stage');
    expect(conflict).toMatchObject({ localValue: '"declined"', remoteValue: '"nominated"' });
    // declined → nominated is not a move the references domain allows.
    await expect(one.call('team.conflicts.resolve', { id: conflict!.id, action: 'reverse' })).rejects.toThrow(
      /references\.stage cannot take its earlier value back: a declined reference cannot move to nominated; from declined it can move to candidate/,
    );
    expect(stageOn(one, gid)).toBe('declined');
    expect(conflictsOf(one, gid).find((c) => c.id === conflict!.id)).toBeDefined();
    expect(one.context.sqlite.prepare('SELECT resolved_at FROM team_conflicts WHERE id = ?').pluck().get(conflict!.id)).toBeNull();
    // Keeping it is still possible.
    expect((await one.call('team.conflicts.resolve', { id: conflict!.id, action: 'keep' })).resolvedAt).not.toBeNull();
  });
});

describe('team.erase and the log’s counter', () => {
  it('a push during an erase completes, and the erase still removes the person everywhere', async () => {
    await sync(one, 'ana');
    await sync(two, 'ben');
    const personGid = gidOf('contacts', seeded.contact);
    // Hold a log entry that mentions the person: the erase's scan waits on it, as it would on a long scan.
    const blocker = await connect(server.url());
    await blocker.query('BEGIN');
    await blocker.query(`SELECT seq FROM team.change_log WHERE gid = $1 LIMIT 1 FOR UPDATE`, [personGid]);
    let erasing: Promise<unknown> | undefined;
    try {
      await one.call('contacts.erase', { id: idOn(one, personGid), confirm: PERSON });
      let failed = false;
      erasing = sync(one, 'ana').catch((error: unknown) => ((failed = true), error));
      await until(
        async () => (await waitingOnLock(su(), 'ana')) !== undefined,
        () => failed,
        60_000,
      );
      // Ben's push while Ana's erase scans: before 0006 it waited on the counter the erase held.
      const account = seeded.accounts[3]!;
      const accountGid = gidOf('accounts', account);
      await two.call('accounts.update', { id: idOn(two, accountGid), name: 'Umbrella Corp' });
      const pushed = await Promise.race([sync(two, 'ben').then(() => 'pushed'), new Promise((resolve) => setTimeout(() => resolve('still waiting'), 60_000))]);
      expect(pushed).toBe('pushed');
      const hubName = (await su().query<{ n: string }>(`SELECT data->>'name' AS n FROM team.rows WHERE gid = $1`, [accountGid])).rows[0]!.n;
      expect(hubName).toBe('Umbrella Corp');
    } finally {
      await blocker.query('ROLLBACK');
      await blocker.end();
    }
    await erasing;
    expect(one.context.sqlite.prepare(`SELECT hub_state FROM erasures WHERE gid = ?`).pluck().get(personGid)).toBe('sent');
    // Nothing on the hub mentions the person: rows, tombstones, the change log.
    for (const table of ['team.rows', 'team.change_log']) {
      const { rows } = await su().query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} x WHERE x::text ILIKE $1`, [`%${PERSON}%`]);
      expect(rows[0]!.n, table).toBe(0);
    }
    // Ben's laptop, on its next sync, erases the person too.
    await sync(two, 'ben');
    for (const core of [one, two]) {
      expect(core.context.sqlite.prepare('SELECT count(*) FROM contacts WHERE name = ?').pluck().get(PERSON)).toBe(0);
      expect(core.context.sqlite.prepare('SELECT count(*) FROM touchpoints WHERE notes LIKE ?').pluck().get(`%${PERSON}%`)).toBe(0);
    }
  });
});

describe('the budget warning on the reference', () => {
  it('asks taken offline on two laptops over its budget show on the reference (list and detail) until it is back within budget', async () => {
    const gid = gidOf('references', seeded.budgeted);
    const accountGid = gidOf('accounts', seeded.budgetedAccount);
    const mia = await one.call('requests.create', { referenceId: idOn(one, gid), requester: 'Mia', activity: 'reference_call' });
    await two.call('requests.create', { referenceId: idOn(two, gid), requester: 'Max', activity: 'reference_call' });
    await sync(one, 'ana');
    await sync(two, 'ben');
    await sync(one, 'ana');
    const warning = { budgetOf: 'usage_limit_per_quarter', asks: 2, budget: 1, windowDays: 90, laptops: 2 };
    for (const core of [one, two]) {
      const page = await core.call('references.list', { filter: { accountId: idOn(core, accountGid) } });
      expect(page.rows.map((r) => r.teamBudget)).toEqual([expect.objectContaining(warning)]);
      expect((await core.call('references.get', { id: idOn(core, gid) })).teamBudget).toMatchObject(warning);
    }
    // Another reference carries none.
    expect((await one.call('references.get', { id: idOn(one, gidOf('references', seeded.references[3]!)) })).teamBudget).toBeNull();
    // Ana cancels her ask: once each laptop has counted again, the reference is within budget and the warning is gone.
    await one.call('requests.cancel', { id: mia.id, reason: 'the deal slipped' });
    await sync(one, 'ana');
    await sync(two, 'ben');
    await sync(one, 'ana');
    for (const core of [one, two]) expect((await core.call('references.get', { id: idOn(core, gid) })).teamBudget).toBeNull();
  });
});
