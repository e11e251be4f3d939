// Importing into a workspace that already has many accounts (issue 14, session 9): 100,000
// help-desk ticket rows spread over EVERY account of the benchmark workspace (20,000 accounts, two
// million tickets; `--workspace FILE` for a copy of a kept one, e.g. the scale run's 100,000-account
// file), through `import.commit` as the app calls it, derived data included, beside the insert limit
// measured in the same run. The import runs in a child process (scaleChild.ts's `import` step) on a
// copy of the workspace, so its peak memory is its own and the workspace stays as it was for the
// other benchmarks. FULCRUM_BENCH_IMPORT_LARGE_ROWS changes the row count. Beside the insert limit
// (an empty table, the verdict's reference) it measures the insert limit into a copy of this
// workspace (the same INSERTs into its two million tickets) and prints the import's ratio to both.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { insertLimit, measureInsertLimitInto, type InsertLimit } from './insertLimit';
import type { Benchmark } from './types';

const ROWS = Number(process.env.FULCRUM_BENCH_IMPORT_LARGE_ROWS ?? 100_000);
const MEMORY_LIMIT_MB = 1536;

interface Imported {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  maxRssMb: number;
}

/** The demo's accounts, which the generated rows name by their CRM ids (scaleChild.ts's ticketsCsv): row i names the (i mod n)-th. */
function demoAccounts(path: string): number[] {
  const sqlite = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const ids = new Map(sqlite.prepare<unknown[], [string, number]>(`SELECT external_id, id FROM accounts WHERE external_id LIKE 'CRM-%'`).raw(true).all());
    return Array.from({ length: ids.size }, (_, k) => ids.get(`CRM-${100_000 + k + 1}`)!);
  } finally {
    sqlite.close();
  }
}

/**
 * The insert limit into this workspace: the same INSERTs as the empty-table limit, as many as the
 * import's rows, over the same accounts, on a copy of its own (deleted after).
 */
async function limitIntoCopy(path: string, dir: string, accountIds: readonly number[]): Promise<InsertLimit> {
  const copy = join(dir, 'limit.fulcrum');
  copyFileSync(path, copy);
  try {
    return await measureInsertLimitInto(copy, ROWS, accountIds);
  } finally {
    for (const file of [copy, `${copy}-wal`, `${copy}-shm`]) rmSync(file, { force: true });
  }
}

export const importLargeBenchmark: Benchmark = {
  name: 'importLarge',
  description: `import ${ROWS.toLocaleString('en-US')} help-desk rows spread over every account of the benchmark workspace (derived data included) beside the insert limit; peak memory`,
  async run(ctx) {
    ctx.log('  measuring the insert limit (1,000,000 prepared ticket INSERTs) ...');
    const limit = await insertLimit();
    ctx.log(`  ${limit.what}`);
    const { path } = await ctx.workspace();
    const dir = mkdtempSync(join(tmpdir(), 'fulcrum-bench-import-large-'));
    try {
      const accountIds = demoAccounts(path);
      const accounts = accountIds.length;
      // Into two million tickets and their five indexes SQLite writes slower than into an empty table:
      // that rate, measured here on a copy, is the most this import could reach (issue 14, session 10).
      ctx.log(`  measuring the insert limit into a copy of the workspace (${ROWS.toLocaleString('en-US')} of the same INSERTs) ...`);
      const here = await limitIntoCopy(path, dir, accountIds);
      ctx.log(`  ${here.what}`);
      const copy = join(dir, 'import.fulcrum');
      copyFileSync(path, copy);
      ctx.log(`  import.commit of ${ROWS.toLocaleString('en-US')} rows over ${accounts.toLocaleString('en-US')} accounts in a child process ...`);
      const run = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'scaleChild.ts'), 'import', copy, String(accounts), String(ROWS), dir], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      if (run.status !== 0) throw new Error(`the import child failed with status ${String(run.status)} ${run.signal ?? ''}`);
      const imported = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Imported;
      const at = `${accounts.toLocaleString('en-US')} accounts`;
      return [
        {
          name: `import into ${at}: rate / insert limit`,
          value: imported.rowsPerSecond / limit.rowsPerSecond,
          unit: 'x',
          limit: 0.7,
          better: 'higher',
          // The verdict holds the import to the empty-table limit, the reference; its ratio to this workspace's own limit is beside it.
          detail: `${imported.rows.toLocaleString('en-US')} rows in ${imported.seconds.toFixed(1)} s, ${imported.rowsPerSecond.toLocaleString('en-US')} rows/s (derived data included); ${limit.what}; ${(imported.rowsPerSecond / here.rowsPerSecond).toFixed(2)} of the ${here.what}`,
        },
        {
          name: `import into ${at}: peak memory`,
          value: imported.maxRssMb,
          unit: 'MB',
          limit: MEMORY_LIMIT_MB,
          better: 'lower',
          detail: 'maxRSS of the import child',
        },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
