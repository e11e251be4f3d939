import { copyFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import Database from 'better-sqlite3';
import { beforeAll, expect, it } from 'vitest';
import type { Input } from '../../shared/contract';
import { tempWorkspacePath, testCore, type TestCore } from '../fixtures/core';
import { ticketsCsv } from '../fixtures/import/generate';
import { lateCrash, LATE_POINTS as POINTS, type LateCrash, SEEDED_ACCOUNTS, SEEDED_TICKETS } from '../fixtures/import/lateCrash';
import { plainPaths } from '../../electron/core';

// Issue 12, "Derived figures survive a crash": a process killed after an import commits, or while
// it refreshes the rollups, ARR history and health snapshots, must not leave the dashboard wrong.
// The child stops at a named point (FULCRUM_TEST_PAUSE, electron/core/db/pausePoint.ts) and is
// killed there with SIGKILL: deterministic, not timed. Then the workspace is opened as the app
// would and every dashboard figure is compared with those after a full rebuild.

const KILLS = 20;
const IMPORTED_TICKETS = 600;
/** The dashboard over the tickets' months, by month, and over the default period. */
const DASHBOARDS: Input<'metrics.portfolio'>[] = [
  { from: '2024-10-01', to: '2025-04-01', granularity: 'month' },
  { from: '2024-07-01', to: '2025-07-01', granularity: 'quarter' },
  {},
];

let late: LateCrash;

beforeAll(async () => {
  // New tickets (N-1, …), a fifth of them still open: volume, backlog and response times all move.
  late = await lateCrash('fulcrum-late-crash-', ticketsCsv(IMPORTED_TICKETS, SEEDED_ACCOUNTS).replace(/\nT-/g, '\nN-'));
}, 120_000);

/** What the killed process left: the tickets committed and the stale mark. */
function leftBehind(dbPath: string) {
  const sqlite = new Database(dbPath, { fileMustExist: true });
  try {
    return {
      tickets: sqlite.prepare('SELECT count(*) AS n FROM tickets').pluck().get(),
      stale: sqlite.prepare(`SELECT count(*) AS n FROM settings WHERE key = 'derivedStale'`).pluck().get(),
    };
  } finally {
    sqlite.close();
  }
}

const dashboard = async (core: TestCore) => Promise.all(DASHBOARDS.map((input) => core.call('metrics.portfolio', input)));

/** Every figure as the workspace opens after the kill, and after a full rebuild of derived data. */
async function openedAndRebuilt(dbPath: string) {
  const core = await testCore(dbPath, { files: plainPaths() });
  try {
    const opened = await dashboard(core);
    await core.call('metrics.rebuild', {});
    return { opened, rebuilt: await dashboard(core), stale: core.context.sqlite.prepare(`SELECT count(*) FROM settings WHERE key = 'derivedStale'`).pluck().get() };
  } finally {
    await core.close();
  }
}

it(`${KILLS} kills after the commit or during the refresh: every dashboard figure equals a full rebuild's`, async () => {
  let equal = 0;
  for (let i = 0; i < KILLS; i++) {
    const point = POINTS[i % POINTS.length]!;
    const path = tempWorkspacePath();
    copyFileSync(late.base, path);
    await late.killAt(point, path);
    // Killed late: the import's rows are committed, and so is the mark that a refresh is owed.
    expect(leftBehind(path), point).toEqual({ tickets: SEEDED_TICKETS + IMPORTED_TICKETS, stale: 1 });
    const { opened, rebuilt, stale } = await openedAndRebuilt(path);
    expect(opened, point).toEqual(rebuilt);
    expect(stale, point).toBe(0);
    if (isDeepStrictEqual(opened, rebuilt)) equal++;
  }
  expect(equal).toBe(KILLS);
}, 300_000);

it('the comparison sees the damage: without the mark the same kill leaves the dashboard wrong', async () => {
  const path = tempWorkspacePath();
  copyFileSync(late.base, path);
  await late.killAt('import-after-commit', path);
  // What a workspace looked like before the mark existed: committed rows, nothing owed.
  const sqlite = new Database(path);
  sqlite.prepare(`DELETE FROM settings WHERE key = 'derivedStale'`).run();
  sqlite.close();
  const { opened, rebuilt } = await openedAndRebuilt(path);
  expect(opened[0]!.support.volume.value).not.toBe(rebuilt[0]!.support.volume.value);
  expect(opened).not.toEqual(rebuilt);
}, 120_000);
