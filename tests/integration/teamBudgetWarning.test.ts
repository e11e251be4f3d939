import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempWorkspacePath, testCore, type TestCore } from '../fixtures/core';
import { startTeamCluster, type TeamCluster } from '../fixtures/team';
import { askAt, gidOf, idOn, marketingLaptop, syncAs } from '../fixtures/teamBudget';

// Issue 19, the budget warning over time, through dispatch on real SQLite files and a real
// PostgreSQL (one cluster): two marketing laptops each take a reference's one ask a quarter while
// offline; once the syncs merge them, the reference warns on both laptops wherever a reference is
// picked (references.list, references.get, the finder's leverage.match), saying which asks from
// which laptops, the budget, and the day it is back within budget. Fatigue counts local days in the
// workspace's zone (here Auckland, a team setting): the warning stands until that local midnight
// and is gone after it with no write and no sync, then the next sync's count settles the conflict.

let cluster: TeamCluster;
let creator: TestCore;
let one: TestCore;
let two: TestCore;
let referenceGid: string;

/** 2 March 01:00 in Auckland (NZDT, UTC+13); 1 March in UTC. */
const ANA_ASKS = '2026-03-01T12:00:00.000Z';
/** 10 March 01:00 in Auckland. */
const BEN_ASKS = '2026-03-09T12:00:00.000Z';
/** Midnight at the start of 31 May in Auckland (NZST, UTC+12): 2 March + 90 days, when Ana's ask leaves the window. */
const AGED = '2026-05-30T12:00:00.000Z';

beforeAll(async () => {
  cluster = await startTeamCluster();
  creator = await testCore(tempWorkspacePath('budget-creator.fulcrum'));
  creator.setNow('2026-02-20T09:00:00.000Z');
  const settings = await creator.call('settings.get', {});
  await creator.call('settings.update', { businessHours: { ...settings.businessHours, timeZone: 'Pacific/Auckland' } });
  // An active reference with consent and a usage limit of one ask a quarter.
  const account = await creator.call('accounts.create', { name: 'Hooli', industry: 'Software' });
  const contact = await creator.call('contacts.create', { accountId: account.id, name: 'Gavin Belson' });
  const reference = await creator.call('references.create', { accountId: account.id, contactId: contact.id, usageLimitPerQuarter: 1, by: 'Rita' });
  await creator.call('references.grantConsent', { referenceId: reference.id, activity: 'reference_call', grantedBy: 'Rita' });
  for (const stage of ['nominated', 'recruited', 'active'] as const) await creator.call('references.move', { id: reference.id, stage, by: 'Rita' });
  // A second reference with no asks: it never warns.
  await creator.call('references.create', { accountId: (await creator.call('accounts.create', { name: 'Pied Piper' })).id, by: 'Rita' });
  await creator.call('team.create', { server: cluster.adminUrl });
  referenceGid = gidOf(creator, 'references', reference.id);
  one = await marketingLaptop(cluster, 'ana', 'Ana Lind', '2026-02-25T09:00:00.000Z');
  two = await marketingLaptop(cluster, 'ben', 'Ben Ortiz', '2026-02-25T09:00:00.000Z');
});

afterAll(async () => {
  await one?.close();
  await two?.close();
  await creator?.close();
  await cluster?.stop();
});

const warningOf = async (core: TestCore) => (await core.call('references.get', { id: idOn(core, referenceGid) })).teamBudget ?? null;
const finderWarning = async (core: TestCore) => {
  const found = await core.call('leverage.match', { profile: { prospect: 'Initech', industry: 'Software' } });
  return [...found.ranked, ...found.excluded].find((r) => r.referenceId === idOn(core, referenceGid))?.teamBudget ?? null;
};
const listWarnings = async (core: TestCore) => (await core.call('references.list', { pageSize: 100 })).rows.map((r) => [r.accountName, r.teamBudget ?? null]);
const openBudgetConflicts = (core: TestCore) => core.context.sqlite.prepare(`SELECT count(*) FROM team_conflicts WHERE kind = 'budget' AND resolved_at IS NULL`).pluck().get();

describe('a budget overrun merged from two laptops', () => {
  it('each laptop lets its own ask through offline; after the syncs both warn where references are picked, with the asks, laptops and the day it clears', async () => {
    await askAt(one, referenceGid, 'Mia Sales', ANA_ASKS);
    await askAt(two, referenceGid, 'Max Sales', BEN_ASKS);
    for (const core of [one, two, creator]) core.setNow('2026-03-10T00:00:00.000Z');
    // Each laptop alone is within budget.
    expect(await warningOf(one)).toBeNull();
    await syncAs(one, cluster, 'ana');
    await syncAs(two, cluster, 'ben');
    await syncAs(one, cluster, 'ana');
    const asked = [
      { requester: 'Mia Sales', activity: 'reference_call', day: '2026-03-02' },
      { requester: 'Max Sales', activity: 'reference_call', day: '2026-03-10' },
    ];
    const clientOf = async (core: TestCore) => (await core.call('team.info', {})).clientId;
    const [anaLaptop, benLaptop] = [await clientOf(one), await clientOf(two)];
    for (const [core, mine] of [
      [one, anaLaptop],
      [two, benLaptop],
    ] as const) {
      const warning = await warningOf(core);
      expect(warning).toEqual({
        budgetOf: 'usage_limit_per_quarter',
        asks: 2,
        budget: 1,
        windowDays: 90,
        withinBudgetOn: '2026-05-31',
        laptops: 2,
        asked: [
          { ...asked[0], laptop: anaLaptop, thisLaptop: anaLaptop === mine },
          { ...asked[1], laptop: benLaptop, thisLaptop: benLaptop === mine },
        ],
      });
      expect(await listWarnings(core)).toEqual([
        ['Hooli', warning],
        ['Pied Piper', null],
      ]);
      expect(await finderWarning(core)).toEqual(warning);
      expect(openBudgetConflicts(core)).toBe(1);
    }
  });

  it('goes by itself at local midnight once the older ask leaves the window: no write, no sync', async () => {
    const changesBefore = one.context.sqlite.prepare('SELECT count(*) FROM team_changes').pluck().get();
    // 23:59:59 on 30 May in Auckland: still 2 asks in the window (a UTC count would already say 1).
    one.setNow('2026-05-30T11:59:59.000Z');
    expect(await warningOf(one)).toMatchObject({ asks: 2, budget: 1, withinBudgetOn: '2026-05-31' });
    expect(await finderWarning(one)).toMatchObject({ asks: 2 });
    one.setNow(AGED);
    expect(await warningOf(one)).toBeNull();
    expect(await finderWarning(one)).toBeNull();
    expect((await listWarnings(one)).every(([, w]) => w === null)).toBe(true);
    // Nothing was written: the conflict is still stored open and no change waits to be sent, but the
    // Team screen neither lists nor counts it, as the reference no longer warns (a day before, it does).
    expect(openBudgetConflicts(one)).toBe(1);
    expect((await one.call('team.conflicts', {})).conflicts.filter((c) => c.kind === 'budget')).toEqual([]);
    expect((await one.call('team.info', {})).openConflicts).toBe(0);
    expect(one.context.sqlite.prepare('SELECT count(*) FROM team_changes').pluck().get()).toBe(changesBefore);
    // Clocks do not go back in a real laptop, but the count is the day's: a day before, it warns again.
    one.setNow('2026-05-29T12:00:00.000Z');
    expect(await warningOf(one)).not.toBeNull();
    expect((await one.call('team.conflicts', {})).conflicts.filter((c) => c.kind === 'budget')).toHaveLength(1);
    expect((await one.call('team.info', {})).openConflicts).toBe(1);
  });

  it("the next sync's count settles the listed conflict once the asks have aged out (Team screen's count)", async () => {
    one.setNow(AGED);
    expect(openBudgetConflicts(one)).toBe(1);
    await syncAs(one, cluster, 'ana');
    expect(openBudgetConflicts(one)).toBe(0);
    expect((await one.call('team.info', {})).openConflicts).toBe(0);
    // Laptop two, not yet synced, still lists it; its warning has aged out all the same.
    two.setNow(AGED);
    expect(openBudgetConflicts(two)).toBe(1);
    expect(await warningOf(two)).toBeNull();
  });
});
