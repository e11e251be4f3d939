import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoWorkspace } from '../../electron/core/demo';
import { workspaceTables } from '../../electron/core/export/archive';
import { testCore, tempWorkspacePath, type TestCore } from '../fixtures/core';
import { plainPaths } from '../../electron/core';

// Export -> import into an empty workspace -> identical rows.

let source: TestCore;
let dir: string;
beforeAll(async () => {
  const path = tempWorkspacePath();
  dir = dirname(path);
  await generateDemoWorkspace(path, { accounts: 25 });
  source = await testCore(path, { files: plainPaths() });
});
afterAll(() => source.close());

/** Every table's rows, ordered by all their columns (some tables are WITHOUT ROWID). */
const dump = (sqlite: Database.Database) =>
  Object.fromEntries(
    workspaceTables(sqlite).map((table) => {
      const width = (sqlite.prepare(`SELECT count(*) AS n FROM pragma_table_info(?)`).get(table) as { n: number }).n;
      const order = Array.from({ length: width }, (_, i) => i + 1).join(', ');
      return [table, sqlite.prepare(`SELECT * FROM "${table}" ORDER BY ${order}`).all()];
    }),
  );

describe('the workspace archive', () => {
  it('imports back into an empty workspace with every row of every table identical', async () => {
    const path = join(dir, 'archive.json');
    const exported = await source.call('export.archive', { path });
    expect(exported.tables.accounts).toBe(25);
    expect(exported.tables.tickets).toBeGreaterThan(0);
    const head = JSON.parse(readFileSync(path, 'utf8')) as { format: string; formatVersion: number; schemaVersion: number };
    expect(head).toMatchObject({ format: 'fulcrum-workspace-archive', formatVersion: 1, schemaVersion: source.context.schemaVersion });

    const target = await testCore(undefined, { files: plainPaths() });
    try {
      const imported = await target.call('import.archive', { path });
      expect(imported.tables).toEqual(exported.tables);
      expect(dump(target.context.sqlite)).toEqual(dump(source.context.sqlite));
      expect(target.context.sqlite.pragma('foreign_key_check')).toEqual([]);
      // A workspace with data is not overwritten by an archive.
      expect((await target.fail('import.archive', { path })).code).toBe('CONFLICT');
    } finally {
      await target.close();
    }
  });
});

describe('tables to CSV and XLSX', () => {
  it('a table to CSV imports back with the fulcrum preset, field for field', async () => {
    const csv = join(dir, 'accounts.csv');
    expect(await source.call('export.table', { table: 'accounts', format: 'csv', path: csv, style: 'raw' })).toEqual({ path: csv, rows: 25 });
    const target = await testCore(undefined, { files: plainPaths() });
    try {
      const result = await target.call('import.commit', { jobId: 'csv', path: csv, into: 'accounts', preset: 'fulcrum-accounts' });
      expect(result.problems).toEqual([]);
      const columns =
        'name, external_id, industry, segment, region, employee_count, arr_minor, currency, gross_margin_pct, owner, lifecycle_stage, contract_start, renewal_date, churned_at, churn_reason, tags';
      const rows = (core: TestCore) => core.context.sqlite.prepare(`SELECT ${columns} FROM accounts ORDER BY external_id`).all();
      expect(rows(target)).toEqual(rows(source));
    } finally {
      await target.close();
    }
  });

  it('a filtered list query exports only its rows', async () => {
    const path = join(dir, 'enterprise.csv');
    const query = { filter: { segment: 'enterprise' }, sort: { field: 'name', direction: 'asc' } };
    const result = await source.call('export.table', { table: 'accounts', format: 'csv', path, query, style: 'raw' });
    const expected = (source.context.sqlite.prepare("SELECT count(*) AS n FROM accounts WHERE segment = 'enterprise' AND archived_at IS NULL").get() as { n: number }).n;
    expect(result.rows).toBe(expected);
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(expected + 1);
    expect(
      lines[0]!
        .replace(/^\ufeff/, '')
        .split(',')
        .slice(0, 3),
    ).toEqual(['id', 'name', 'externalId']);
    const bad = await source.fail('export.table', { table: 'accounts', format: 'csv', path, query: { filter: { nope: 1 } } });
    expect(bad.code).toBe('BAD_INPUT');
  });

  it('XLSX export of a large table', async () => {
    const path = join(dir, 'tickets.xlsx');
    const result = await source.call('export.table', { table: 'tickets', format: 'xlsx', path, style: 'raw' });
    const n = (source.context.sqlite.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n;
    expect(result.rows).toBe(n);
    const back = await source.call('import.preview', { path, into: 'tickets', preset: 'fulcrum-tickets', previewRows: 0 });
    expect(back.counts).toMatchObject({ rows: n, updates: n, errors: 0 });
  });
});
