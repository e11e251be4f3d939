import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { generateDemoWorkspace } from '../../electron/core/demo';
import { COLUMNS, type TableName } from '../../electron/core/demo/rows';

// Issue 14: a large demo is generated on a thread of its own while the core's thread writes
// (demo/produceThread.ts). The rows travel in batches of flat values per table; the workspace must
// be the one the same seed gives on one thread, table by table and row by row.

const dir = mkdtempSync(join(tmpdir(), 'fulcrum-demo-thread-'));

/** Every table's rows in a stable order, as JSON text. */
function tables(path: string): Record<string, string> {
  const sqlite = new Database(path, { readonly: true });
  try {
    return Object.fromEntries(
      (Object.keys(COLUMNS) as TableName[]).map((table) => [
        table,
        JSON.stringify(
          sqlite
            .prepare(`SELECT * FROM "${table}" ORDER BY ${COLUMNS[table].join(', ')}`)
            .raw()
            .all(),
        ),
      ]),
    );
  } finally {
    sqlite.close();
  }
}

it('the same seed gives the same workspace generated on one thread or two', async () => {
  const options = { accounts: 150, seed: 7, today: '2026-11-01' };
  const one = await generateDemoWorkspace(join(dir, 'one.fulcrum'), { ...options, thread: false });
  const two = await generateDemoWorkspace(join(dir, 'two.fulcrum'), { ...options, thread: true });
  expect(two.counts).toEqual(one.counts);
  expect(one.counts.tickets).toBeGreaterThan(1_000);
  const a = tables(one.path);
  const b = tables(two.path);
  for (const table of Object.keys(a)) expect({ table, rows: b[table] }).toEqual({ table, rows: a[table] });
});
