// Importing into a workspace that already has many accounts (issue 14, session 9): 100,000
// help-desk ticket rows spread over EVERY account of the benchmark workspace (20,000 accounts, two
// million tickets; `--workspace FILE` for a copy of a kept one, e.g. the scale run's 100,000-account
// file), through `import.commit` as the app calls it, derived data included, beside the insert limit
// measured in the same run. The import runs in a child process (scaleChild.ts's `import` step) on a
// copy of the workspace, so its peak memory is its own and the workspace stays as it was for the
// other benchmarks. FULCRUM_BENCH_IMPORT_LARGE_ROWS changes the row count.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { insertLimit } from './insertLimit';
import type { Benchmark } from './types';

const ROWS = Number(process.env.FULCRUM_BENCH_IMPORT_LARGE_ROWS ?? 100_000);
const MEMORY_LIMIT_MB = 1536;

interface Imported {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  maxRssMb: number;
}

/** The demo's accounts, which the generated rows name by their CRM ids (scaleChild.ts's ticketsCsv). */
function demoAccounts(path: string): number {
  const sqlite = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return sqlite.prepare<unknown[], number>(`SELECT count(*) FROM accounts WHERE external_id LIKE 'CRM-%'`).pluck().get()!;
  } finally {
    sqlite.close();
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
      const copy = join(dir, 'import.fulcrum');
      copyFileSync(path, copy);
      const accounts = demoAccounts(copy);
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
          detail: `${imported.rows.toLocaleString('en-US')} rows in ${imported.seconds.toFixed(1)} s, ${imported.rowsPerSecond.toLocaleString('en-US')} rows/s (derived data included); ${limit.what}`,
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
