import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHlc } from '../../electron/core/team/hlc';
import type { TestCore } from '../fixtures/core';
import { startPostgres, type TestPostgres } from '../fixtures/postgres';
import { closeAll, conflicts, createRoles, gidOf, hashes, joinLater, localId, newTeam, orders, sync, type Laptop } from '../fixtures/teamMerge';

// Issue 19, the merge on the laptop (docs/team.md "Push, pull and merge"): laptops edit offline,
// then sync in every order against a real PostgreSQL; at the end every laptop holds identical
// shared tables (team.info's content hashes) and exactly the conflicts the rules say, no more.

let server: TestPostgres;

beforeAll(async () => {
  server = await startPostgres();
  const superuser = new pg.Client(server.url());
  await superuser.connect();
  await createRoles(superuser);
  await superuser.end();
});

afterAll(() => server?.stop());

/** A small workspace: two accounts, a contact and a task on the first. */
async function seed(core: TestCore): Promise<void> {
  const acme = await core.call('accounts.create', { name: 'Acme', industry: 'Retail', region: 'EMEA' });
  await core.call('accounts.create', { name: 'Globex', industry: 'Energy' });
  await core.call('contacts.create', { accountId: acme.id, name: 'Ada Lovelace' });
  await core.call('tasks.create', { accountId: acme.id, title: 'Kick-off call' });
}

const gidByName = (laptop: Laptop, table: string, column: string, value: string) =>
  gidOf(laptop, table, laptop.core.context.sqlite.prepare(`SELECT id FROM "${table}" WHERE "${column}" = ?`).pluck().get(value) as number);

/** The clock of this laptop's last pending change of a row, as the hub compares it. */
function pendingClock(laptop: Laptop, gid: string): string {
  const { sqlite } = laptop.core.context;
  const packed = sqlite.prepare('SELECT max(hlc) FROM team_changes WHERE gid = ?').pluck().get(gid) as number;
  return formatHlc(packed, sqlite.prepare(`SELECT value FROM team_state WHERE key = 'client_id'`).pluck().get() as string);
}

const field = (laptop: Laptop, table: string, column: string, gid: string) =>
  laptop.core.context.sqlite.prepare(`SELECT "${column}" FROM "${table}" WHERE id = ?`).pluck().get(localId(laptop, gid));

async function expectSameTables(laptops: readonly Laptop[]): Promise<void> {
  const first = await hashes(laptops[0]!);
  expect(Object.keys(first).length).toBeGreaterThan(10);
  for (const laptop of laptops.slice(1)) expect(await hashes(laptop)).toEqual(first);
}

describe('per-field merge on pull', () => {
  for (const [firstName, secondName] of [
    ['A', 'B'],
    ['B', 'A'],
  ] as const) {
    it(`the same field edited on two laptops, ${firstName} syncing first: the later clock wins everywhere, one conflict on the laptop that saw both, and reverse undoes it`, async () => {
      const team = await newTeam(server, 1, seed);
      const [a, b] = team as [Laptop, Laptop];
      const acme = gidByName(a, 'accounts', 'name', 'Acme');
      await a.core.call('accounts.update', { id: localId(a, acme), industry: 'Aerospace' });
      await b.core.call('accounts.update', { id: localId(b, acme), industry: 'Biotech' });
      const clocks = { A: pendingClock(a, acme), B: pendingClock(b, acme) };
      const winner = clocks.A > clocks.B ? 'Aerospace' : 'Biotech';
      const loser = winner === 'Aerospace' ? 'Biotech' : 'Aerospace';
      const first = firstName === 'A' ? a : b;
      const second = firstName === 'A' ? b : a;

      await sync(first);
      await sync(second);
      await sync(first);
      expect(field(a, 'accounts', 'industry', acme)).toBe(winner);
      expect(field(b, 'accounts', 'industry', acme)).toBe(winner);
      await expectSameTables(team);

      // Only the laptop that synced second saw both values: it lists the pair, with both clocks.
      expect(await conflicts(first)).toEqual([]);
      const listed = await conflicts(second);
      expect(listed).toHaveLength(1);
      const mine = second === a ? 'Aerospace' : 'Biotech';
      const theirs = second === a ? 'Biotech' : 'Aerospace';
      expect(listed[0]).toMatchObject({
        table: 'accounts',
        gid: acme,
        field: 'industry',
        kind: 'superseded',
        localValue: JSON.stringify(mine),
        remoteValue: JSON.stringify(theirs),
        localHlc: clocks[secondName],
        remoteHlc: clocks[firstName],
        resolvedAt: null,
      });

      // Reverse writes the losing value back as a new change, which wins everywhere on the next syncs.
      const reversed = await second.core.call('team.conflicts.resolve', { id: listed[0]!.id, action: 'reverse' });
      expect(reversed.resolvedAt).not.toBeNull();
      expect(field(second, 'accounts', 'industry', acme)).toBe(loser);
      await sync(second);
      await sync(first);
      expect(field(first, 'accounts', 'industry', acme)).toBe(loser);
      await expectSameTables(team);
      expect(await conflicts(first)).toEqual([]);
      expect(await conflicts(second)).toHaveLength(1);
      // Resolved once is resolved.
      expect((await second.core.fail('team.conflicts.resolve', { id: listed[0]!.id, action: 'keep' })).code).toBe('CONFLICT');
      await closeAll(team);
    });
  }

  it('different fields of one row edited on two laptops both land, with no conflict, in either order', async () => {
    for (const order of orders([0, 1])) {
      const team = await newTeam(server, 1, seed);
      const acme = gidByName(team[0]!, 'accounts', 'name', 'Acme');
      await team[0]!.core.call('accounts.update', { id: localId(team[0]!, acme), industry: 'Aerospace' });
      await team[1]!.core.call('accounts.update', { id: localId(team[1]!, acme), region: 'APAC' });
      for (const i of [...order, order[0]!]) await sync(team[i]!);
      for (const laptop of team) {
        expect(field(laptop, 'accounts', 'industry', acme)).toBe('Aerospace');
        expect(field(laptop, 'accounts', 'region', acme)).toBe('APAC');
        expect(await conflicts(laptop)).toEqual([]);
      }
      await expectSameTables(team);
      await closeAll(team);
    }
  });

  it('a local edit made after the push is not overwritten by the pull: it stays pending and lands on the next sync', async () => {
    const team = await newTeam(server, 1, seed);
    const [a, b] = team as [Laptop, Laptop];
    const acme = gidByName(a, 'accounts', 'name', 'Acme');
    await b.core.call('accounts.update', { id: localId(b, acme), industry: 'Biotech' });
    await sync(b);
    // A edits offline after B's change reached the hub; its pull then brings B's older change of the same field.
    await a.core.call('accounts.update', { id: localId(a, acme), industry: 'Aerospace' });
    const before = a.core.context.sqlite.prepare(`SELECT value FROM team_state WHERE key = 'last_pulled_seq'`).pluck().get();
    expect(before).toBeDefined();
    await sync(a);
    expect(field(a, 'accounts', 'industry', acme)).toBe('Aerospace');
    await sync(b);
    expect(field(b, 'accounts', 'industry', acme)).toBe('Aerospace');
    await expectSameTables(team);
    await closeAll(team);
  });
});

describe('three laptops, the same field, every order', () => {
  it('ends identical with the latest clock’s value, and each laptop lists exactly the pairs it saw', async () => {
    for (const order of orders([0, 1, 2])) {
      const team = await newTeam(server, 2, seed);
      const acme = gidByName(team[0]!, 'accounts', 'name', 'Acme');
      const values = ['Aerospace', 'Biotech', 'Chemicals'];
      const clocks: string[] = [];
      for (const [i, laptop] of team.entries()) {
        await laptop.core.call('accounts.update', { id: localId(laptop, acme), industry: values[i]! });
        clocks.push(pendingClock(laptop, acme));
      }
      // Each also changes a field of its own on the other account: those merge without a conflict.
      const globex = gidByName(team[0]!, 'accounts', 'name', 'Globex');
      await team[0]!.core.call('accounts.update', { id: localId(team[0]!, globex), region: 'AMER' });
      await team[1]!.core.call('accounts.update', { id: localId(team[1]!, globex), segment: 'Enterprise' });
      await team[2]!.core.call('accounts.update', { id: localId(team[2]!, globex), owner: 'Writer 2' });
      for (const i of order) await sync(team[i]!);
      for (const i of order) await sync(team[i]!);

      const latest = clocks.indexOf([...clocks].sort().at(-1)!);
      for (const laptop of team) expect(field(laptop, 'accounts', 'industry', acme)).toBe(values[latest]);
      await expectSameTables(team);
      const expected = expectedPairs(order, clocks);
      for (const [i, laptop] of team.entries()) {
        const pairs = (await conflicts(laptop)).map((c) => {
          expect(c).toMatchObject({ table: 'accounts', gid: acme, field: 'industry', kind: 'superseded', localValue: JSON.stringify(values[i]) });
          return `${c.localHlc} vs ${c.remoteHlc}`;
        });
        expect(pairs.sort(), `laptop ${laptop.name}, order ${order.join('')}`).toEqual(expected[i]!.map(([mine, theirs]) => `${clocks[mine]} vs ${clocks[theirs]}`).sort());
      }
      await closeAll(team);
    }
  });
});

/**
 * The rule, stated on its own: a laptop syncing after others pulls, in order, the hub's row as each
 * earlier sync left it (held by the latest clock so far); while its own value has not lost, each
 * holder it has not met yet is one listed pair.
 */
function expectedPairs(order: readonly number[], clocks: readonly string[]): [number, number][][] {
  const pairs: [number, number][][] = clocks.map(() => []);
  const holders: number[] = [];
  for (const me of order) {
    let standing = true;
    for (const holder of holders) {
      if (!standing || holder === me || pairs[me]!.some(([, t]) => t === holder)) continue;
      pairs[me]!.push([me, holder]);
      if (clocks[holder]! > clocks[me]!) standing = false;
    }
    const previous = holders.at(-1);
    holders.push(previous === undefined || clocks[me]! > clocks[previous]! ? me : previous);
  }
  return pairs;
}

describe('tombstones on the laptop', () => {
  for (const deleterFirst of [true, false]) {
    it(`a delete against an edit made elsewhere: the delete wins, the edit is listed once (${deleterFirst ? 'deleter' : 'editor'} syncing first) and cannot be reversed`, async () => {
      const team = await newTeam(server, 1, seed);
      const [a, b] = team as [Laptop, Laptop];
      const task = gidByName(a, 'tasks', 'title', 'Kick-off call');
      await a.core.call('tasks.delete', { id: localId(a, task) });
      await b.core.call('tasks.update', { id: localId(b, task), title: 'Kick-off call, moved' });
      const [first, second] = deleterFirst ? [a, b] : [b, a];
      await sync(first);
      await sync(second);
      await sync(first);
      for (const laptop of team) expect(laptop.core.context.sqlite.prepare(`SELECT count(*) FROM tasks`).pluck().get()).toBe(0);
      await expectSameTables(team);
      const listed = [...(await conflicts(a)), ...(await conflicts(b))];
      expect(listed).toHaveLength(1);
      // Listed on the laptop that saw both: the editor when the delete came first, else the deleter.
      expect(await conflicts(second)).toHaveLength(1);
      expect(listed[0]).toMatchObject({ table: 'tasks', gid: task, field: 'title', kind: 'superseded' });
      const value = deleterFirst ? listed[0]!.localValue : listed[0]!.remoteValue;
      expect(value).toBe(JSON.stringify('Kick-off call, moved'));
      const refused = await second.core.fail('team.conflicts.resolve', { id: listed[0]!.id, action: 'reverse' });
      expect(refused.code).toBe('CONFLICT');
      expect(refused.message).toMatch(/deleted on the team/);
      await closeAll(team);
    });

    it(`a contact added under an account deleted elsewhere (${deleterFirst ? 'deleter' : 'adder'} syncing first): no failed page, no resurrection, the contact is listed`, async () => {
      const team = await newTeam(server, 1, seed);
      const [a, b] = team as [Laptop, Laptop];
      const acme = gidByName(a, 'accounts', 'name', 'Acme');
      // Any write path is captured: here a plain delete, which cascades to the account's rows.
      a.core.context.sqlite.prepare('DELETE FROM accounts WHERE id = ?').run(localId(a, acme));
      const grace = await b.core.call('contacts.create', { accountId: localId(b, acme), name: 'Grace Hopper' });
      const graceGid = gidOf(b, 'contacts', grace.id);
      const [first, second] = deleterFirst ? [a, b] : [b, a];
      await sync(first);
      await sync(second);
      await sync(first);
      for (const laptop of team) {
        expect(laptop.core.context.sqlite.prepare(`SELECT count(*) FROM accounts WHERE name = 'Acme'`).pluck().get()).toBe(0);
        expect(laptop.core.context.sqlite.prepare(`SELECT count(*) FROM contacts`).pluck().get()).toBe(0);
      }
      await expectSameTables(team);
      // Listed once: the hub refuses a new row under a deleted parent when the delete is there first
      // (hub migration 0003), else the deleter's pull meets the contact under its own delete.
      const listed = [...(await conflicts(a)), ...(await conflicts(b))];
      expect(listed).toHaveLength(1);
      if (deleterFirst) {
        expect(await conflicts(b)).toHaveLength(1);
        expect(listed[0]).toMatchObject({ table: 'contacts', gid: graceGid, kind: 'rejected' });
      } else {
        expect(await conflicts(a)).toHaveLength(1);
        expect(listed[0]).toMatchObject({ table: 'contacts', gid: graceGid, field: null, kind: 'superseded', localValue: null });
        expect(JSON.parse(listed[0]!.remoteValue!)).toMatchObject({ name: 'Grace Hopper' });
      }
      // Both laptops pull on cleanly afterwards, and a laptop joining now holds the same.
      await a.core.call('accounts.update', { id: localId(a, gidByName(a, 'accounts', 'name', 'Globex')), industry: 'Utilities' });
      await sync(a);
      await sync(b);
      await expectSameTables(team);
      const c = await joinLater(server, a, 1);
      await sync(c);
      await expectSameTables([...team, c]);
      await closeAll([...team, c]);
    });
  }
});

describe('unique keys on pull', () => {
  for (const aFirst of [true, false]) {
    it(`two laptops give new accounts the same external id offline (${aFirst ? 'A' : 'B'} syncing first): the first global id keeps it, the other is renamed visibly, the same on both`, async () => {
      const team = await newTeam(server, 1, seed);
      const [a, b] = team as [Laptop, Laptop];
      const fromA = await a.core.call('accounts.create', { name: 'Initech (A)', externalId: 'CRM-42' });
      const fromB = await b.core.call('accounts.create', { name: 'Initech (B)', externalId: 'CRM-42' });
      const gids = [gidOf(a, 'accounts', fromA.id), gidOf(b, 'accounts', fromB.id)];
      const [keeper, loser] = [...gids].sort();
      const [first, second] = aFirst ? [a, b] : [b, a];
      await sync(first);
      await sync(second);
      await sync(first);
      for (const laptop of team) {
        expect(field(laptop, 'accounts', 'external_id', keeper!)).toBe('CRM-42');
        expect(field(laptop, 'accounts', 'external_id', loser!)).toBe(`CRM-42 (${loser!.slice(0, 8)})`);
        const listed = await conflicts(laptop);
        expect(listed).toHaveLength(1);
        expect(listed[0]).toMatchObject({
          table: 'accounts',
          gid: loser,
          field: 'external_id',
          kind: 'unique',
          localValue: '"CRM-42"',
          remoteValue: JSON.stringify(`CRM-42 (${loser!.slice(0, 8)})`),
        });
        expect((await laptop.core.fail('team.conflicts.resolve', { id: listed[0]!.id, action: 'reverse' })).message).toMatch(/global id sorts first/);
      }
      await expectSameTables(team);
      // Both keep syncing: a later edit of the renamed row does not trip the key again.
      await b.core.call('accounts.update', { id: localId(b, loser!), industry: 'Software' });
      await sync(b);
      await sync(a);
      await expectSameTables(team);
      // The hub holds both rows with the key: a laptop joining now settles them the same way.
      const c = await joinLater(server, a, 1);
      expect(field(c, 'accounts', 'external_id', loser!)).toBe(`CRM-42 (${loser!.slice(0, 8)})`);
      await sync(c);
      await expectSameTables([...team, c]);
      await closeAll([...team, c]);
    });
  }
});

describe('budgets on merge', () => {
  it('asks made on two laptops offline that overrun a reference’s limit are listed as a budget conflict on the reference, on both', async () => {
    const team = await newTeam(server, 1, async (core) => {
      const acme = await core.call('accounts.create', { name: 'Acme' });
      const ada = await core.call('contacts.create', { accountId: acme.id, name: 'Ada Lovelace' });
      const reference = await core.call('references.create', { accountId: acme.id, contactId: ada.id, usageLimitPerQuarter: 1, by: 'Test' });
      await core.call('references.grantConsent', { referenceId: reference.id, activity: 'reference_call', grantedBy: 'Test' });
      await core.call('references.move', { id: reference.id, stage: 'nominated', by: 'Test' });
      await core.call('references.move', { id: reference.id, stage: 'recruited', by: 'Test' });
    });
    const [a, b] = team as [Laptop, Laptop];
    const referenceId = a.core.context.sqlite.prepare('SELECT id FROM "references"').pluck().get() as number;
    const reference = gidOf(a, 'references', referenceId);
    await a.core.call('requests.create', { referenceId, requester: 'Mia', activity: 'reference_call' });
    await b.core.call('requests.create', { referenceId: localId(b, reference), requester: 'Max', activity: 'reference_call' });
    await sync(a);
    await sync(b);
    await sync(a);
    await expectSameTables(team);
    for (const laptop of team) {
      const listed = await conflicts(laptop);
      expect(listed).toHaveLength(1);
      expect(listed[0]).toMatchObject({ table: 'references', gid: reference, kind: 'budget', field: 'usage_limit_per_quarter' });
      expect(JSON.parse(listed[0]!.localValue!)).toMatchObject({ asks: 2, budget: 1 });
      expect((await laptop.core.fail('team.conflicts.resolve', { id: listed[0]!.id, action: 'reverse' })).message).toMatch(/withdraw or move one of the asks/);
    }
    await closeAll(team);
  });
});
