// How fast a help-desk export imports, against the insert limit measured in the same run (issue 14),
// what detection and strict parsing cost (issue 13), and the peak memory of a streamed import.
// 1,000,000 Zendesk-shaped ticket rows (CSV) into a fresh workspace holding 1,000 accounts, through
// `import.commit` exactly as the UI and CLI call it (read, map, convert, validate each row, write in
// one transaction, then derived data), in a child process so its peak memory is its own.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTextSource } from '../../electron/core/import/textSource';
import { accountsCsv, writeFixture } from '../fixtures/import/generate';
import { insertLimit } from './insertLimit';
import { writeTicketsCsv } from './ticketsCsv';
import type { Benchmark } from './types';

const ROWS = 1_000_000;
/** The streamed file for the memory figure (~450 MB); FULCRUM_BENCH_IMPORT_MEMORY_ROWS=9000000 for ~1 GB. */
const MEMORY_ROWS = Number(process.env.FULCRUM_BENCH_IMPORT_MEMORY_ROWS ?? 4_000_000);
const ACCOUNTS = 1_000;

interface ChildResult {
  rows: number;
  seconds: number;
  log: string;
  baselineRssMb: number;
  peakRssMb: number;
  maxRssMb: number;
}

function child(dir: string, how: 'commit' | 'preview', accounts: string, tickets: string): ChildResult {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'importChild.ts'), dir, how, accounts, tickets], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`the ${how} child failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as ChildResult;
}

/** Seconds for one pass reading every row, strict (the structural checks) or not. */
function readPass(path: string, strict: boolean): number {
  const started = performance.now();
  let cells = 0;
  for (const row of openTextSource(path, { strict }).rows()) cells += row.cells.length;
  if (cells === 0) throw new Error('no rows read');
  return (performance.now() - started) / 1000;
}

export const importBenchmark: Benchmark = {
  name: 'import',
  description: 'import 1,000,000 help-desk ticket rows from CSV (helpdesk-tickets preset, one transaction) beside the insert limit; detection and strict parsing; peak memory',
  async run(ctx) {
    ctx.log('  measuring the insert limit (1,000,000 prepared ticket INSERTs) ...');
    const limit = await insertLimit();
    ctx.log(`  ${limit.what}`);
    const dir = mkdtempSync(join(tmpdir(), 'fulcrum-bench-import-'));
    const n = (value: number) => Math.round(value).toLocaleString('en-US');
    try {
      const accounts = writeFixture(dir, 'accounts.csv', accountsCsv(ACCOUNTS));
      const tickets = join(dir, 'tickets.csv');
      const bytes = writeTicketsCsv(tickets, ROWS, ACCOUNTS);
      ctx.log(`  ${n(ROWS)} rows, ${(bytes / 1e6).toFixed(0)} MB of CSV; import.commit in a child process ...`);
      const commit = child(dir, 'commit', accounts, tickets);
      ctx.log(`  ${commit.log}`);
      const rate = commit.rows / commit.seconds;

      // Detection (head, encoding, delimiter, header, emptiness) and the strict reader's checks,
      // beside a lenient pass over the same file; the best of three of each, interleaved.
      const detectStarted = performance.now();
      openTextSource(tickets, {});
      const detect = (performance.now() - detectStarted) / 1000;
      const strict: number[] = [];
      const lenient: number[] = [];
      for (let i = 0; i < 3; i++) {
        lenient.push(readPass(tickets, false));
        strict.push(readPass(tickets, true));
      }
      const checks = Math.max(0, Math.min(...strict) - Math.min(...lenient));
      const share = (detect + checks) / commit.seconds;

      const big = join(dir, 'big.csv');
      ctx.log(`  writing ${n(MEMORY_ROWS)} rows for the memory figure ...`);
      const bigBytes = writeTicketsCsv(big, MEMORY_ROWS, ACCOUNTS);
      rmSync(join(dir, 'commit.fulcrum'), { force: true });
      ctx.log(`  import.preview of ${(bigBytes / 1e6).toFixed(0)} MB in a child process ...`);
      const preview = child(dir, 'preview', accounts, big);

      return [
        {
          name: `import: ${n(ROWS)} ticket rows (CSV, validated, one transaction, incl. derived data)`,
          value: rate,
          unit: 'rows/s',
          limit: 0.7 * limit.rowsPerSecond,
          better: 'higher',
          detail: `${commit.seconds.toFixed(1)} s; ${commit.log}; limit = 0.70 x ${limit.what}`,
        },
        {
          name: 'import: rate / insert limit (goal at least 0.70)',
          value: rate / limit.rowsPerSecond,
          unit: 'x',
          limit: 0.7,
          better: 'higher',
          detail: `${n(rate)} rows/s against ${n(limit.rowsPerSecond)} rows/s`,
        },
        {
          name: 'import: detection + strict parsing / import time (goal at most 0.10)',
          value: share,
          unit: 'x',
          limit: 0.1,
          better: 'lower',
          detail: `detection ${(detect * 1000).toFixed(1)} ms; reading every row strict ${Math.min(...strict).toFixed(2)} s, lenient ${Math.min(...lenient).toFixed(2)} s (best of 3); import ${commit.seconds.toFixed(1)} s`,
        },
        {
          name: `import.commit ${n(ROWS)} rows: peak memory (rss)`,
          value: commit.peakRssMb,
          unit: 'MB',
          limit: 800,
          better: 'lower',
          detail: `${(bytes / 1e6).toFixed(0)} MB file; rss ${commit.baselineRssMb.toFixed(0)} MB before the tickets`,
        },
        {
          name: `import.preview ${n(MEMORY_ROWS)} rows: peak memory (rss)`,
          value: preview.peakRssMb,
          unit: 'MB',
          limit: 800,
          better: 'lower',
          detail: `${(bigBytes / 1e6).toFixed(0)} MB file read in ${preview.seconds.toFixed(0)} s (${n(preview.rows / preview.seconds)} rows/s); rss ${preview.baselineRssMb.toFixed(0)} MB before`,
        },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
