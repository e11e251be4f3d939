import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../fixtures/postgres';
import { connect, createAdmin } from '../fixtures/team';
import { finishAndCheck, runScenario, scenarioTeam, type ScenarioLaptop, type ScenarioTally } from '../fixtures/teamScenario';

// Issue 19, the 200-step random scenario: three laptops (the team's creator and two members) make
// seeded random edits through the domains' channels, go offline and come back, and sync in random
// orders; then everyone syncs twice. Every laptop and the hub end with identical content hashes,
// every outbox empty, each laptop's mutations applied once, and every change the hub refused listed
// as a conflict on the laptop that made it. Five seeds here, 50 in `npm run bench -- teamScenario`.
// Each seed is its own team in its own database of one cluster.

const SEEDS = [1, 2, 3, 4, 5];
/**
 * Seeds that still end unconverged, each for a bug named by its own case below; `it.fails` keeps the
 * suite green and turns red the moment the bug is fixed: then move the seed back to SEEDS.
 * (Seed 4, a pulled row taking the local key of a deleted row, was fixed in apply.ts's insert.)
 */
const KNOWN_FAILING = new Set<number>();
const STEPS = 200;

let server: TestPostgres;
let su: pg.Client;

beforeAll(async () => {
  server = await startPostgres();
  su = await connect(server.url());
  await createAdmin(su);
});

afterAll(async () => {
  await su?.end();
  server?.stop();
});

async function scenario(seed: number): Promise<void> {
  const { laptops, db, tables } = await scenarioTeam(server, su, seed);
  try {
    const tally = await runScenario(seed, laptops, STEPS);
    // The scenario did something of each kind it can (a seed that only synced would prove nothing).
    expect(tally.byKind['accounts.create'] ?? 0).toBeGreaterThan(0);
    expect(tally.syncs).toBeGreaterThan(0);
    expect(await finishAndCheck(laptops, db, tables, tally)).toEqual([]);
  } finally {
    for (const l of laptops) await l.core.close();
    await db.end();
  }
}

describe('the 200-step random scenario', () => {
  const title = 'seed %i: after everyone syncs twice, every laptop and the hub hold the same rows and every refusal is listed';
  it.each(SEEDS.filter((s) => !KNOWN_FAILING.has(s)))(title, scenario);
  it.fails.each([...KNOWN_FAILING])(`${title} (known failing: see KNOWN_FAILING)`, scenario);
});

// The smallest cases the scenario found (seeds 1, 4 and 5 of the first run), kept as their own tests.
describe('cases the scenario found', () => {
  it('a task created, edited and deleted on a laptop before it synced reaches nobody, and the others still sync', async () => {
    const { laptops, db } = await scenarioTeam(server, su, 101);
    const [a, b] = laptops;
    try {
      const account = await a!.core.call('accounts.create', { name: 'Acme', owner: 'a' });
      await a!.core.call('team.sync', { server: a!.server });
      await b!.core.call('team.sync', { server: b!.server });
      const bAccount = Number(b!.core.context.sqlite.prepare(`SELECT id FROM accounts WHERE name = 'Acme'`).pluck().get());
      expect(bAccount).toBeGreaterThan(0);
      // Made, edited and deleted between two syncs: the outbox holds its insert, update and delete, its row is gone.
      const task = await b!.core.call('tasks.create', { accountId: bAccount, title: 'Short-lived' });
      await b!.core.call('tasks.update', { id: task.id, status: 'done' });
      await b!.core.call('tasks.delete', { id: task.id });
      await b!.core.call('team.sync', { server: b!.server });
      // The pull on another laptop must not meet an empty row for it (before the fix: NOT NULL constraint failed: tasks.account_id).
      const pulled = await a!.core.dispatch('team.sync', { server: a!.server });
      expect(pulled.ok ? 'ok' : pulled.error.message).toBe('ok');
      expect(a!.core.context.sqlite.prepare('SELECT count(*) FROM tasks WHERE account_id = ?').pluck().get(account.id)).toBe(0);
    } finally {
      for (const l of laptops) await l.core.close();
      await db.end();
    }
  });

  // Seed 43 of the bench's 50: the hub refused a laptop's stage move (another laptop had declined the
  // reference first), and the laptop listed it as a `transition` conflict, not `rejected`; the check
  // counted only `rejected` and reported a refusal unlisted. It is listed, under its own kind.
  it('a stage move the hub refused is listed to its user as a transition conflict, which the check counts as a listed refusal', async () => {
    const { laptops, db, tables } = await scenarioTeam(server, su, 103);
    const [a, bo, cy] = laptops;
    try {
      const account = await a!.core.call('accounts.create', { name: 'Acme', owner: 'a' });
      await a!.core.call('references.create', { accountId: account.id, by: 'a' });
      await a!.core.call('team.sync', { server: a!.server });
      for (const l of [bo!, cy!]) await l.core.call('team.sync', { server: l.server });
      const referenceOf = (l: ScenarioLaptop) => Number(l.core.context.sqlite.prepare('SELECT id FROM "references"').pluck().get());
      await bo!.core.call('references.move', { id: referenceOf(bo!), stage: 'declined', by: 'bo' });
      await bo!.core.call('team.sync', { server: bo!.server });
      // cy has not pulled bo's decline: nominating is legal here, and declined -> nominated is not on the hub.
      await cy!.core.call('references.move', { id: referenceOf(cy!), stage: 'nominated', by: 'cy' });
      const synced = await cy!.core.dispatch('team.sync', { server: cy!.server });
      if (!synced.ok) throw new Error(synced.error.message);
      expect((synced.value as { rejected: number }).rejected).toBe(1);
      const listed = await cy!.core.dispatch('team.conflicts', {});
      if (!listed.ok) throw new Error(listed.error.message);
      const { conflicts } = listed.value as { conflicts: { kind: string; table: string; field: string | null; localValue: string; remoteValue: string }[] };
      expect(conflicts.map((c) => [c.kind, c.table, c.field, c.localValue, c.remoteValue])).toEqual([['transition', 'references', 'stage', '"nominated"', '"declined"']]);
      const tally: ScenarioTally = { steps: 0, byKind: {}, refusedLocally: {}, rejectedByHub: { a: 0, bo: 0, cy: 1 }, syncs: 0 };
      // Before the check's fix: "cy: 0 rejected conflicts listed, 1 refusals reported".
      expect(await finishAndCheck(laptops, db, tables, tally)).toEqual([]);
    } finally {
      for (const l of laptops) await l.core.close();
      await db.end();
    }
  });

  it('a pulled row that takes the local key of a deleted row (SQLite reuses the largest rowid) gets its own global id', async () => {
    const { laptops, db } = await scenarioTeam(server, su, 102);
    const [a, b] = laptops;
    try {
      await a!.core.call('accounts.create', { name: 'Acme', owner: 'a' });
      await a!.core.call('team.sync', { server: a!.server });
      await b!.core.call('team.sync', { server: b!.server });
      const accountOf = (l: ScenarioLaptop) => Number(l.core.context.sqlite.prepare(`SELECT id FROM accounts WHERE name = 'Acme'`).pluck().get());
      // b's newest task is deleted: its id is free again for the next task b stores.
      const mine = await b!.core.call('tasks.create', { accountId: accountOf(b!), title: 'Deleted on b' });
      await b!.core.call('team.sync', { server: b!.server });
      await b!.core.call('tasks.delete', { id: mine.id });
      await b!.core.call('team.sync', { server: b!.server });
      await a!.core.call('tasks.create', { accountId: accountOf(a!), title: 'Made on a' });
      await a!.core.call('team.sync', { server: a!.server });
      // Before the fix: UNIQUE constraint failed: team_rows.tbl, team_rows.row_key.
      const pulled = await b!.core.dispatch('team.sync', { server: b!.server });
      expect(pulled.ok ? 'ok' : pulled.error.message).toBe('ok');
      expect(b!.core.context.sqlite.prepare(`SELECT title FROM tasks`).pluck().all()).toEqual(['Made on a']);
    } finally {
      for (const l of laptops) await l.core.close();
      await db.end();
    }
  });
});
