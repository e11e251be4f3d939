// Generates a whole demo workspace (produce.ts: the catalogue, then account by account, each with
// its own random stream, then the deals that need every account and reference), written as it is
// generated, so memory stays flat at two million tickets; a large one is generated on a thread of
// its own while this one writes (produceThread.ts).

import { existsSync, renameSync, rmSync } from 'node:fs';
import { openWorkspace } from '../db/open';
import { writeDemoAssessment } from './assessment';
import { writeDemoPlansGoalsFeedback } from './plansGoalsFeedback';
import { refreshDerived } from '../derived/refresh';
import { DEMO_YEARS, produceRows } from './produce';
import { produceOnThread, produceThreadAvailable } from './produceThread';
import type { TableName } from './rows';
import { parseDay } from './time';
import { createBulkWriter } from './writer';

export const DEMO_DEFAULTS = { accounts: 300, seed: 1 as number | string };

/**
 * The demo's "today" when none is given: the real UTC day, so a new user's first look shows a
 * living company (a fixed date made every open request look weeks late). `today` fixes it for tests.
 */
export const demoToday = (now = new Date()): string => now.toISOString().slice(0, 10);
export const MAX_DEMO_ACCOUNTS = 200_000;
export const MAX_DEMO_YEARS = 10;
export { DEMO_YEARS } from './produce';
/** Rows per account on average (tickets ~100, surveys ~27, touchpoints ~11, the rest ~10), for progress. */
export const ROWS_PER_ACCOUNT = 150;

export interface DemoOptions {
  accounts?: number;
  /** Any number or word; the same seed (and today) gives the same workspace. */
  seed?: number | string;
  /** The reference "today" as YYYY-MM-DD (default: the real day, demoToday): all history lies in the `years` before it. */
  today?: string;
  /** Whole years of history before today, 1 to MAX_DEMO_YEARS (default 2, DEMO_YEARS). A churn backtest needs more than two (APP_DEMO_YEARS). */
  years?: number;
  /** Generate on a thread of its own while this one writes (default: from PRODUCE_THREAD_MIN_ACCOUNTS accounts, when the build has the thread). */
  thread?: boolean;
  /** Called after every committed batch; `total` is an estimate until the end. */
  onProgress?: (progress: DemoProgress) => void;
}

export interface DemoProgress {
  written: number;
  total: number;
}

export interface DemoSummary {
  path: string;
  accounts: number;
  seed: number | string;
  today: string;
  rows: number;
  counts: Record<TableName, number>;
  seconds: number;
  /** Rows written per second of writing (the derived data below not counted). */
  rowsPerSecond: number;
  /** Building the metrics rollups, ARR levels and health snapshots after the rows were written. */
  derivedSeconds: number;
}

/** Accounts from which the generation runs on its own thread: below it, starting the thread costs more than it saves. */
export const PRODUCE_THREAD_MIN_ACCOUNTS = 1_000;

export const estimateRows = (accounts: number) => accounts * ROWS_PER_ACCOUNT + 100;

/**
 * Writes a new demo workspace at `path`. It is built in a `.partial` file beside it and renamed
 * into place at the end, so an interrupted run never leaves a half-written workspace behind.
 */
export async function generateDemoWorkspace(path: string, options: DemoOptions = {}): Promise<DemoSummary> {
  const accounts = options.accounts ?? DEMO_DEFAULTS.accounts;
  const seed = options.seed ?? DEMO_DEFAULTS.seed;
  const todayText = options.today ?? demoToday();
  if (!Number.isInteger(accounts) || accounts < 1 || accounts > MAX_DEMO_ACCOUNTS) {
    throw new RangeError(`accounts must be a whole number from 1 to ${MAX_DEMO_ACCOUNTS}, not ${accounts}`);
  }
  const years = options.years ?? DEMO_YEARS;
  if (!Number.isInteger(years) || years < 1 || years > MAX_DEMO_YEARS) throw new RangeError(`years must be a whole number from 1 to ${MAX_DEMO_YEARS}, not ${years}`);
  const today = parseDay(todayText);
  if (existsSync(path)) throw new Error(`${path} already exists`);

  const partial = `${path}.${process.pid}.partial`;
  const removePartial = () => ['', '-wal', '-shm', '-journal'].forEach((suffix) => rmSync(partial + suffix, { force: true }));
  removePartial();
  const began = performance.now();
  const total = estimateRows(accounts);
  const workspace = await openWorkspace(partial, { create: true });
  let counts: Record<TableName, number>;
  let rows: number;
  let writeSeconds: number;
  let derivedSeconds: number;
  try {
    const writer = createBulkWriter(workspace.sqlite, {
      onCommit: (written) => options.onProgress?.({ written, total: Math.max(total, written + 1) }),
    });
    const produce = { accounts, seed, today: todayText, years };
    // On two cores when the build has the generation thread: it generates while this thread writes.
    if (options.thread ?? (accounts >= PRODUCE_THREAD_MIN_ACCOUNTS && produceThreadAvailable())) {
      await produceOnThread(produce, (batch) => {
        for (const table of Object.keys(batch) as TableName[]) writer.insertFlat(table, batch[table]!);
      });
    } else produceRows(writer.sink, produce);
    writer.finish();
    counts = writer.counts();
    rows = writer.written();
    writeSeconds = (performance.now() - began) / 1000;
    // A consultant's assessment, so the report has something to show (demo/assessment.ts).
    writeDemoAssessment(workspace.sqlite, today, seed);
    // Success plans, goals and product feedback (issue 17; demo/plansGoalsFeedback.ts).
    writeDemoPlansGoalsFeedback(workspace.sqlite, today);
    // Migration 0011 stamps its starter playbooks with the real clock; a demo is a function of (seed, today), so they take its today.
    const stamp = new Date(today).toISOString();
    workspace.sqlite.prepare('UPDATE playbooks SET created_at = ?, updated_at = ?').run(stamp, stamp);
    // Rollups, health snapshots and ARR levels, built once here so the first open is instant.
    derivedSeconds = refreshDerived(workspace.sqlite, new Date(today)).seconds;
  } catch (error) {
    await workspace.db.destroy();
    removePartial();
    throw error;
  }
  await workspace.db.destroy();
  renameSync(partial, path);
  options.onProgress?.({ written: rows, total: rows });
  const seconds = (performance.now() - began) / 1000;
  return { path, accounts, seed, today: todayText, rows, counts, seconds, rowsPerSecond: Math.round(rows / writeSeconds), derivedSeconds };
}
