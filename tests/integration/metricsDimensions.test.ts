// Issue 14: a dashboard filtered by one account-level dimension (region, owner — "my accounts" —,
// lifecycle stage, industry) reads the dimension level (rollup_dimension_month), not the accounts'
// rows. After each write of a sequence (a ticket inserted, an account's region and owner changed,
// a ticket archived, a lifecycle and a segment changed, an account archived, an import, a new
// account), every filter's figures are checked three ways: against the exact figures computed
// straight from the raw rows, against the same dashboard read from the accounts' rows, and the
// maintained tables against a full rebuild from the raw rows. The facet lists equal DISTINCT scans.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { plainPaths } from '../../electron/core';
import { rebuildWithSettings } from '../../electron/core/metrics/rollups/state';
import { SKETCH_RELATIVE_ERROR } from '../../electron/core/metrics/sketch';
import type { MetricsQuery } from '../../shared/contract/metrics';
import { FIXED_NOW, testCore, type TestCore } from '../fixtures/core';
import { exactFigures } from '../fixtures/exactMetrics';
import { ticketsCsv, writeFixture } from '../fixtures/import/generate';
import { buildMetricsWorkspace, type MetricsWorkspace } from '../fixtures/metricsWorkspace';

let core: TestCore;
let ws: MetricsWorkspace;
let dir: string;
beforeAll(async () => {
  core = await testCore(undefined, { files: plainPaths() });
  ws = await buildMetricsWorkspace(core);
  dir = mkdtempSync(join(tmpdir(), 'fulcrum-dimensions-'));
}, 180_000);
afterAll(() => core.close());

const FROM = '2025-01-01';
const TO = '2026-03-01';
const COLUMNS = { segment: 'segment', industry: 'industry', region: 'region', owner: 'owner', lifecycleStage: 'lifecycle_stage' } as const;
type Key = keyof typeof COLUMNS;

/** The filters checked: each account-level dimension alone, one with segments, "my accounts", and the segment level. */
type Filter = Omit<MetricsQuery, 'from' | 'to' | 'granularity'>;

async function filters(): Promise<{ label: string; filter: Filter }[]> {
  const me = await core.call('identity.get', {});
  return [
    { label: 'region EMEA', filter: { region: ['EMEA'] } },
    { label: 'region APAC or NA, segment smb or enterprise', filter: { region: ['APAC', 'NA'], segment: ['smb', 'enterprise'] } },
    { label: 'owner CSM 1', filter: { owner: ['CSM 1'] } },
    { label: '"my accounts": the identity\'s owner', filter: { owner: [me!.name] } },
    { label: 'lifecycle at risk or onboarding', filter: { lifecycleStage: ['at_risk', 'onboarding'] } },
    { label: 'industry Retail', filter: { industry: ['Retail'] } },
    { label: 'segment mid_market', filter: { segment: ['mid_market'] } },
    { label: 'no filter', filter: {} },
  ];
}

const quote = (values: string[]) => values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',');
const whereOf = (filter: Filter) =>
  Object.entries(filter)
    .map(([key, values]) => `a.${COLUMNS[key as Key]} IN (${quote(values as string[])})`)
    .join(' AND ') || '1 = 1';

/** Every value a dimension has (no account lacks one here), so adding it to a filter keeps the same accounts but forces the accounts' rows to be read. */
function allValues(key: Key): string[] {
  const { sqlite } = core.context;
  expect(sqlite.prepare(`SELECT count(*) FROM accounts WHERE ${COLUMNS[key]} IS NULL`).pluck().get()).toBe(0);
  return sqlite.prepare(`SELECT DISTINCT ${COLUMNS[key]} FROM accounts`).pluck().all() as string[];
}

const within = (approx: number | null, exact: number | null) => {
  if (exact === null) return expect(approx).toBeNull();
  expect(Math.abs(approx! - exact)).toBeLessThanOrEqual(SKETCH_RELATIVE_ERROR * Math.abs(exact) + 1e-6);
};

const TABLES = ['rollup_dimension_month', 'rollup_account_keys', 'rollup_facets', 'rollup_segment_month', 'rollup_account_month'];
const dump = () => Object.fromEntries(TABLES.map((t) => [t, core.context.sqlite.prepare(`SELECT * FROM ${t} ORDER BY 1, 2, 3`).all()]));

async function checkEveryFilter(step: string) {
  for (const { label, filter } of await filters()) {
    const query: MetricsQuery = { ...filter, from: FROM, to: TO };
    const p = await core.call('metrics.portfolio', query);
    // 1. Against the raw rows.
    const exact = exactFigures(core.context.sqlite, { where: whereOf(filter), from: FROM, to: TO });
    const context = `${step}: ${label}`;
    expect(p.support.volume.value, context).toBe(exact.volume);
    expect(p.support.backlog.value, context).toBe(exact.backlog);
    expect(p.satisfaction.nps.distribution, context).toEqual(exact.nps);
    expect(p.satisfaction.csat.distribution, context).toEqual(exact.csat);
    expect(p.satisfaction.nsat.distribution, context).toEqual(exact.nsat);
    expect(p.satisfaction.ces.distribution, context).toEqual(exact.ces);
    for (const kind of ['firstResponse', 'resolution'] as const) {
      expect(p.support[kind].median.n, context).toBe(exact[kind].n);
      within(p.support[kind].median.value, exact[kind].median);
    }
    // 2. Against the accounts' rows: a second dimension with all its values selects the same accounts and reads the account level.
    const other: Key = filter.industry ? 'region' : 'industry';
    const { scope: _scope, ...fromLevel } = p;
    const { scope: _other, ...fromAccounts } = await core.call('metrics.portfolio', { ...query, [other]: allValues(other) });
    expect(fromLevel, context).toEqual(fromAccounts);
  }
  // 3. What the writes maintained equals a rebuild from the raw rows.
  const maintained = dump();
  expect(maintained.rollup_dimension_month!.length).toBeGreaterThan(0);
  rebuildWithSettings(core.context.sqlite, FIXED_NOW);
  expect(maintained, step).toEqual(dump());
  // The facet lists equal the DISTINCT scans they replace.
  const distinct = (column: string) =>
    core.context.sqlite.prepare(`SELECT DISTINCT ${column} FROM accounts WHERE archived_at IS NULL AND ${column} IS NOT NULL ORDER BY 1`).pluck().all();
  expect(await core.call('accounts.facets', {}), step).toEqual({
    segments: distinct('segment'),
    owners: distinct('owner'),
    industries: distinct('industry'),
    regions: distinct('region'),
  });
}

it('every filter reads the dimension level and equals the raw rows, the accounts level and a rebuild after each kind of write', async () => {
  const [a, b, c, d, e] = ws.accountIds as [number, number, number, number, number];
  await core.call('identity.set', { name: 'CSM 2', email: '', role: 'csm' });
  await checkEveryFilter('as built');

  await core.call('tickets.create', {
    accountId: a,
    openedAt: '2025-06-01T10:00:00Z',
    firstResponseAt: '2025-06-01T10:45:00Z',
    channel: 'chat',
    priority: 'high',
    topic: 'billing',
  });
  await checkEveryFilter('a ticket inserted');

  // The account's rows leave EMEA and CSM 0 and join APAC and CSM 2 ("my accounts").
  await core.call('accounts.update', { id: a, region: 'APAC', owner: 'CSM 2' });
  await checkEveryFilter("an account's region and owner changed");

  const ticket = core.context.sqlite.prepare('SELECT id FROM tickets WHERE account_id = ? AND archived_at IS NULL ORDER BY id LIMIT 1').pluck().get(b) as number;
  await core.call('tickets.archive', { id: ticket });
  await checkEveryFilter('a ticket deleted (archived)');

  await core.call('accounts.update', { id: b, lifecycleStage: 'at_risk' });
  await core.call('accounts.update', { id: c, segment: 'smb', industry: 'Logistics' });
  await core.call('accounts.archive', { id: d });
  await checkEveryFilter('a lifecycle, a segment and an industry changed, an account archived');

  await core.call('accounts.update', { id: a, externalId: 'ACC-1' });
  await core.call('accounts.update', { id: e, externalId: 'ACC-2' });
  const imported = await core.call('import.commit', { jobId: 'dims', path: writeFixture(dir, 'tickets.csv', ticketsCsv(40, 2)), into: 'tickets', preset: 'helpdesk-tickets' });
  expect(imported.counts).toMatchObject({ inserts: 40, errors: 0 });
  await checkEveryFilter('tickets imported for two accounts');

  await core.call('accounts.restore', { id: d });
  const created = await core.call('accounts.create', { name: 'Newcomer', segment: 'smb', region: 'LATAM', industry: 'Retail', owner: 'CSM 9' });
  await core.call('tickets.create', { accountId: created.id, openedAt: '2025-09-01T10:00:00Z', channel: 'email', priority: 'low' });
  await checkEveryFilter('an account restored, a new one with new values');
  expect((await core.call('accounts.facets', {})).owners).toContain('CSM 9');
}, 300_000);
