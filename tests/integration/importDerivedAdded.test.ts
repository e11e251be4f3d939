import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { plainPaths } from '../../electron/core';
import { generateDemoWorkspace } from '../../electron/core/demo';
import { refreshDerived } from '../../electron/core/derived/refresh';
import type { Input } from '../../shared/contract';
import { tempWorkspacePath, testCore, type TestCore } from '../fixtures/core';
import { writeFixture } from '../fixtures/import/generate';

// Issue 14 (session 9): an import whose new rows reach EVERY account of the workspace (a month of a
// help desk's tickets, a CRM's touchpoints) no longer rebuilds everything derived. Its inserted rows
// are added to the rollups on their own (metrics/rollups/incremental.ts addInsertedRows), the few
// accounts of updated rows are refreshed from all their rows, health and the rules run in bulk; and
// every derived table, every dashboard (filters included) and the calls to action equal what the full
// rebuild gives on the same rows. A demo workspace: segments, regions, owners, lifecycle stages,
// archived and churned accounts, surveys with advocate pairs, cohort cells.

let core: TestCore;
let dir: string;
const logs: string[] = [];

beforeAll(async () => {
  const path = tempWorkspacePath();
  await generateDemoWorkspace(path, { accounts: 120, seed: 9, today: '2026-03-01' });
  core = await testCore(path, { files: plainPaths() });
  core.context.log = (_level, message) => logs.push(message);
  dir = mkdtempSync(join(tmpdir(), 'fulcrum-import-added-'));
}, 120_000);
afterAll(() => core?.close());

const PRIORITIES = ['low', 'normal', 'high', 'urgent'];
const CHANNELS = ['email', 'chat', 'phone', 'self_service'];
// 'integration' and 'login' exist in the demo; 'sso-outage' is a topic the rollups have never seen.
const TOPICS = ['integration', 'login', 'sso-outage', ''];
const at = (month: number, day: number, minutes = 0) => new Date(Date.UTC(2025, month, day, 9, minutes)).toISOString();

/** Three tickets per account (archived ones too), over fourteen months; some unsolved, some solved a month later. */
function ticketsCsv(accountIds: number[], updated: { externalId: string; accountId: number }[]): string {
  const lines = ['accountId,externalId,subject,openedAt,firstResponseAt,resolvedAt,channel,priority,topic,status,csat'];
  let n = 0;
  for (const id of accountIds) {
    for (let k = 0; k < 3; k++, n++) {
      const month = n % 14;
      const opened = at(month, 1 + (n % 27), n % 50);
      const solved = n % 6 === 0 ? '' : n % 4 === 0 ? at(month + 1, 3) : at(month, 1 + (n % 27), 55);
      const responded = n % 5 === 0 ? '' : at(month, 1 + (n % 27), 51);
      lines.push(
        [id, `ADDED-${n}`, 'Cannot sync', opened, responded, solved, CHANNELS[n % 4], PRIORITIES[n % 4], TOPICS[n % 4], solved ? 'solved' : 'open', n % 3 ? (n % 5) + 1 : ''].join(
          ',',
        ),
      );
    }
  }
  // Existing tickets, moved to another account's month and state: those accounts are refreshed from all their rows.
  updated.forEach(({ externalId, accountId }, i) =>
    lines.push([accountId, externalId, 'Moved', at(2 + i, 10), at(2 + i, 10, 30), at(3 + i, 2), 'phone', 'urgent', 'billing', 'solved', 1].join(',')),
  );
  return `${lines.join('\n')}\n`;
}

function touchpointsCsv(accountIds: number[]): string {
  const lines = ['accountId,occurredAt,channel,kind,sentiment,notes'];
  accountIds.forEach((id, n) => lines.push([id, at(n % 14, 5), 'email', n % 2 ? 'qbr' : 'training', (n % 5) - 2, 'Quarterly review'].join(',')));
  return `${lines.join('\n')}\n`;
}

/** Everything derived from the rows: the rollup tables as stored, health, the rules' calls to action, the churn model's kept history. */
function stored() {
  const { sqlite } = core.context;
  const all = (sql: string) => sqlite.prepare(sql).all();
  return {
    accounts: all('SELECT account_id, month, hex(data) AS data FROM rollup_account_month ORDER BY 1, 2'),
    segments: all('SELECT segment, month, hex(data) AS data FROM rollup_segment_month ORDER BY 1, 2'),
    dimensions: all('SELECT dimension, value, segment, month, hex(data) AS data FROM rollup_dimension_month ORDER BY 1, 2, 3, 4'),
    keys: all('SELECT * FROM rollup_account_keys ORDER BY account_id'),
    facets: all('SELECT * FROM rollup_facets ORDER BY 1, 2'),
    cohorts: all('SELECT * FROM rollup_cohort_cell ORDER BY 1, 2, 3, 4, 5'),
    topics: all('SELECT * FROM rollup_topics ORDER BY id'),
    health: all('SELECT account_id, taken_at, model_version, score, band, coverage_pct, components FROM health_snapshots WHERE current = 1 ORDER BY 1'),
    ctas: all('SELECT id, status FROM calls_to_action ORDER BY id'),
    kept: all('SELECT account_id, hex(data) FROM churn_history ORDER BY 1'),
  };
}

async function dashboards() {
  const { sqlite } = core.context;
  const first = (column: string) => sqlite.prepare(`SELECT ${column} FROM accounts WHERE ${column} IS NOT NULL ORDER BY id LIMIT 1`).pluck().get() as string;
  const inputs: Input<'metrics.portfolio'>[] = [
    {},
    { from: '2025-01-01', to: '2026-03-01', granularity: 'month' },
    { segment: [first('segment')] },
    { region: [first('region')] },
    { owner: [first('owner')] },
  ];
  return Promise.all(inputs.map((input) => core.call('metrics.portfolio', input)));
}

it('an import reaching every account adds its inserted rows to the rollups, and everything derived equals a full rebuild', async () => {
  const { sqlite } = core.context;
  const accountIds = sqlite.prepare('SELECT id FROM accounts ORDER BY id').pluck().all() as number[];
  const moved = sqlite.prepare('SELECT external_id AS externalId, account_id AS accountId FROM tickets WHERE external_id IS NOT NULL ORDER BY id LIMIT 3').all() as {
    externalId: string;
    accountId: number;
  }[];
  const updated = moved.map(({ externalId }, i) => ({ externalId, accountId: accountIds[(i * 7) % accountIds.length]! }));

  logs.length = 0;
  const tickets = await core.call('import.commit', {
    jobId: 'added-tickets',
    path: writeFixture(dir, 'tickets.csv', ticketsCsv(accountIds, updated)),
    into: 'tickets',
    preset: 'fulcrum-tickets',
    match: 'upsert',
  });
  expect(tickets.counts).toMatchObject({ inserts: 3 * accountIds.length, updates: 3, errors: 0 });
  // The updated tickets' accounts (before and after the move) are refreshed from all their rows: their new rows are not added twice.
  expect(logs.join('\n')).toMatch(/derived data for 120 accounts refreshed \((3[0-9]{2}) inserted rows added to the rollups\), health and rules of \d+/);
  const touchpoints = await core.call('import.commit', {
    jobId: 'added-touchpoints',
    path: writeFixture(dir, 'touchpoints.csv', touchpointsCsv(accountIds)),
    into: 'touchpoints',
    preset: 'fulcrum-touchpoints',
  });
  expect(touchpoints.counts).toMatchObject({ inserts: accountIds.length, errors: 0 });
  expect(logs.join('\n')).toContain(`(${accountIds.length} inserted rows added to the rollups)`);

  const added = { stored: stored(), dashboards: await dashboards() };
  refreshDerived(sqlite, core.context.now());
  const full = { stored: stored(), dashboards: await dashboards() };
  // Not vacuous: the imported rows are in the figures.
  expect(added.stored.topics.some((t) => (t as { topic: string }).topic === 'sso-outage')).toBe(true);
  for (const table of Object.keys(full.stored) as (keyof typeof full.stored)[]) expect(added.stored[table], table).toEqual(full.stored[table]);
  expect(added.dashboards).toEqual(full.dashboards);
}, 120_000);

/** Rows of a help desk's history for each account: `ticket(id, n)` says which ticket, if any. */
function historyCsv(accountIds: number[], ticket: (id: number, n: number) => { opened: string; solved: string; csat: number | '' } | null, tag: string): string {
  const lines = ['accountId,externalId,subject,openedAt,firstResponseAt,resolvedAt,channel,priority,topic,status,csat'];
  accountIds.forEach((id, n) => {
    const row = ticket(id, n);
    if (row) lines.push([id, `${tag}-${n}`, 'Old question', row.opened, row.opened, row.solved, 'email', 'normal', 'login', row.solved ? 'solved' : 'open', row.csat].join(','));
  });
  return `${lines.join('\n')}\n`;
}

const healthLogged = () => Number(/health and rules of (\d+)/.exec(logs.at(-1) ?? '')?.[1]);

// Session 10: an import touching every account refreshes health and the rules only for the accounts
// whose health inputs it moved (a row in the look-back months, an open ticket, a later touchpoint),
// and after a day's turn (snapshots of an earlier day) it refreshes everyone, as opening does.
it('an import of old solved rows refreshes health and the rules only where they moved, and everything derived still equals a full rebuild', async () => {
  const { sqlite } = core.context;
  const accountIds = sqlite.prepare('SELECT id FROM accounts ORDER BY id').pluck().all() as number[];
  // Most accounts: a ticket solved in 2023 (outside the look-back); every 7th an old one still open;
  // every 11th one solved this January (inside it).
  logs.length = 0;
  const tickets = await core.call('import.commit', {
    jobId: 'old-tickets',
    path: writeFixture(
      dir,
      'old-tickets.csv',
      historyCsv(
        accountIds,
        (_, n) =>
          n % 11 === 0
            ? { opened: '2026-01-12T10:00:00.000Z', solved: '2026-01-12T15:00:00.000Z', csat: 1 }
            : { opened: '2023-05-02T10:00:00.000Z', solved: n % 7 === 0 ? '' : '2023-05-02T11:00:00.000Z', csat: 5 },
        'OLD',
      ),
    ),
    into: 'tickets',
    preset: 'fulcrum-tickets',
  });
  expect(tickets.counts).toMatchObject({ inserts: accountIds.length, errors: 0 });
  expect(logs.join('\n')).toContain(`derived data for ${accountIds.length} accounts refreshed (${accountIds.length} inserted rows added to the rollups)`);
  const moved = healthLogged();
  // Every 7th and every 11th account at most (archived or churned ones get no snapshot, and are counted).
  expect(moved).toBeGreaterThan(0);
  expect(moved).toBeLessThanOrEqual(Math.ceil(accountIds.length / 7) + Math.ceil(accountIds.length / 11));

  // Touchpoints: one from 2023 for most accounts (older than their last: nothing moves), one from
  // yesterday for every 5th; and a new account's first, from 2023 (outside the look-back, yet its
  // engagement now has a last touchpoint).
  const quiet = await core.call('accounts.create', { name: 'Quiet Ltd', segment: 'smb', arrMinor: 1_000_000 });
  logs.length = 0;
  const lines = ['accountId,occurredAt,channel,kind,sentiment,notes'];
  accountIds.forEach((id, n) => lines.push([id, n % 5 === 0 ? '2026-02-28T09:00:00.000Z' : '2023-04-04T09:00:00.000Z', 'email', 'qbr', 1, 'Old review'].join(',')));
  lines.push([quiet.id, '2023-04-04T09:00:00.000Z', 'email', 'qbr', 1, 'First review'].join(','));
  await core.call('import.commit', {
    jobId: 'old-touchpoints',
    path: writeFixture(dir, 'old-touchpoints.csv', `${lines.join('\n')}\n`),
    into: 'touchpoints',
    preset: 'fulcrum-touchpoints',
  });
  expect(healthLogged()).toBeLessThan(accountIds.length);

  const added = { stored: stored(), dashboards: await dashboards() };
  refreshDerived(sqlite, core.context.now());
  const full = { stored: stored(), dashboards: await dashboards() };
  for (const table of Object.keys(full.stored) as (keyof typeof full.stored)[]) expect(added.stored[table], table).toEqual(full.stored[table]);
  expect(added.dashboards).toEqual(full.dashboards);
}, 120_000);

it("an import on a new day, before the daily refresh, refreshes every customer's health and rules as opening does", async () => {
  const { sqlite } = core.context;
  core.setNow('2026-03-02T08:00:00.000Z');
  const accountIds = sqlite.prepare('SELECT id FROM accounts ORDER BY id').pluck().all() as number[];
  const customers = sqlite.prepare('SELECT count(*) FROM accounts WHERE archived_at IS NULL AND churned_at IS NULL').pluck().get() as number;
  // Three old solved tickets: they move no account's inputs, but every snapshot is of yesterday.
  logs.length = 0;
  await core.call('import.commit', {
    jobId: 'next-day',
    path: writeFixture(
      dir,
      'next-day.csv',
      historyCsv(accountIds.slice(0, 3), () => ({ opened: '2023-06-01T10:00:00.000Z', solved: '2023-06-01T12:00:00.000Z', csat: 4 }), 'DAY'),
    ),
    into: 'tickets',
    preset: 'fulcrum-tickets',
  });
  expect(logs.join('\n')).toContain('derived data for 3 accounts refreshed');
  expect(healthLogged()).toBe(customers);
  const added = stored();
  // Not vacuous: the snapshots are of the new day.
  expect(new Set(added.health.map((h) => (h as { taken_at: string }).taken_at.slice(0, 10)))).toContain('2026-03-02');
  refreshDerived(sqlite, core.context.now());
  const full = stored();
  for (const table of Object.keys(full) as (keyof typeof full)[]) expect(added[table], table).toEqual(full[table]);
}, 120_000);
