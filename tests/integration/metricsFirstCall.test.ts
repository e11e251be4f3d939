// Issue 14, session 9: the dashboard's first call after opening a workspace. Users open the app on
// the dashboard, and its first `metrics.portfolio` builds every input kept per workspace state; the
// core host now builds them right after the open (metrics/warm.ts), so the window's first call finds
// them. On a real file, after each step of the kept-state writes: a core opened afresh answers its
// first call with the figures a warm core gives (cold, and after the warm-up); the warm-up builds
// exactly what the window's first two calls read (a warm-up of another period would leave the
// window's call to build its own); a write after the warm-up is seen by the next call; the core host
// warms the writer on every open, and closing it during the warm-up is an ordinary close. NRR/GRR (this
// period's and the previous one's) and the renewal rate, summed from typed arrays kept per period,
// equal the accounts walked, for periods the churns and ARR changes of the writes fall in.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import { startCoreHost } from '../../electron/core/host/client';
import { healthFigures } from '../../electron/core/health/figures';
import { arrLevelsAt, renewalFigure, revenueFigures } from '../../electron/core/metrics/retentionFigures';
import { accountIndexOf, arrStepsOf, dashboardInputs } from '../../electron/core/metrics/inputs';
import { loadAccounts, matches, type MetricsFilter } from '../../electron/core/metrics/repo';
import { warmDashboard } from '../../electron/core/metrics/warm';
import type { MetricsQuery, Portfolio } from '../../shared/contract/metrics';
import { FIXED_NOW, tempWorkspacePath, testCore, type TestCore } from '../fixtures/core';
import { buildMetricsWorkspace, type MetricsWorkspace } from '../fixtures/metricsWorkspace';
import { metricsWrites } from '../fixtures/metricsWrites';

const path = tempWorkspacePath();
let core: TestCore;
let ws: MetricsWorkspace;
beforeAll(async () => {
  core = await testCore(path);
  ws = await buildMetricsWorkspace(core);
}, 180_000);
afterAll(() => core.close());

// The dashboard's first two calls on FIXED_NOW (2026-03-01), as renderer/src/features/dashboard/filters.ts
// makes them: the last twelve months (resolvePeriod's 'last12', to the first day of next month) and the
// same length just before (previousPeriod).
const WINDOW: MetricsQuery[] = [
  { from: '2025-04-01', to: '2026-04-01', granularity: 'month' },
  { from: '2024-04-01', to: '2025-04-01', granularity: 'month' },
];
const QUERIES: MetricsQuery[] = [
  ...WINDOW,
  { segment: ['smb'] },
  { owner: ['CSM 1'] },
  { region: ['EMEA'], industry: ['Retail'] },
  { from: '2025-01-01', to: '2026-01-01', granularity: 'quarter' },
];

/** Periods with the writes' churns (July to October 2025) and ARR changes (March 2026) inside them or their previous period. */
const WALKED: (Omit<MetricsFilter, 'lifecycleStage'> & { from: string; to: string })[] = [
  { from: '2025-07-01', to: '2025-10-01' },
  { from: '2025-10-01', to: '2026-04-01', segment: ['smb'] },
  { from: '2025-04-01', to: '2026-04-01', region: ['EMEA'] },
];

/** NRR/GRR, the previous NRR and the renewal rate of the first call, against the accounts walked with their ARR history. */
async function checkWalked(on: Core, step: string) {
  const sqlite = on.context.sqlite;
  const today = FIXED_NOW.toISOString().slice(0, 10);
  for (const { from, to, ...filter } of WALKED) {
    const months = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
    const start = new Date(Date.UTC(Number(from.slice(0, 4)), Number(from.slice(5, 7)) - 1 - months, 1)).toISOString().slice(0, 10);
    const p = await figures(on, { ...filter, from, to, granularity: 'month' });
    const accounts = loadAccounts(sqlite).filter((a) => matches(a, filter));
    const levels = arrLevelsAt(arrStepsOf(sqlite), [start, from, to]);
    const of = (k: number, j: number) => new Map(accounts.map((a) => [a.id, [levels.get(a.id)?.[k] ?? 0, levels.get(a.id)?.[j] ?? 0]]));
    const context = `${step}: ${from}..${to} ${JSON.stringify(filter)}`;
    expect(p.retention.netRevenueRetention, context).toEqual(revenueFigures(accounts, of(1, 2)).netRevenueRetention);
    expect(p.retention.grossRevenueRetention, context).toEqual(revenueFigures(accounts, of(1, 2)).grossRevenueRetention);
    expect(p.previous.netRevenueRetention, context).toEqual(revenueFigures(accounts, of(0, 1)).netRevenueRetention);
    expect(p.retention.renewalRate, context).toEqual(renewalFigure(accounts, from, to, today));
  }
}

const open = () => createCore({ dbPath: path, now: () => FIXED_NOW, checkOutputs: true, dailyRefresh: false });

async function figures(on: Core, query: MetricsQuery): Promise<Portfolio> {
  const result = await on.dispatch('metrics.portfolio', query);
  if (!result.ok) throw new Error(`metrics.portfolio: ${result.error.message}`);
  return result.value as Portfolio;
}

/** The periods whose per-account parts are kept with the connection's inputs (metrics/inputs.ts, periodFacts.ts). */
const keptPeriods = (on: Core) => [...dashboardInputs(on.context.sqlite).periods.keys()].sort();

it('a core opened afresh gives the warm figures on its first call, with and without the warm-up, after every write', async () => {
  for await (const step of metricsWrites(core, ws)) {
    const warm = [];
    for (const query of QUERIES) {
      await figures(core, query);
      warm.push(await figures(core, query));
    }
    for (const warmUp of [false, true]) {
      const fresh = await open();
      try {
        if (warmUp) await warmDashboard(fresh.context, healthFigures, () => true);
        else await checkWalked(fresh, step);
        for (const [k, query] of QUERIES.entries()) expect(await figures(fresh, query), `${step}: ${JSON.stringify(query)}, warm-up ${warmUp}`).toEqual(warm[k]);
      } finally {
        await fresh.close();
      }
    }
  }
}, 180_000);

it("the warm-up builds what the window's first two calls read, and a write after it is seen", async () => {
  const fresh = await open();
  try {
    await warmDashboard(fresh.context, healthFigures, () => true);
    const index = accountIndexOf(fresh.context.sqlite);
    const kept = keptPeriods(fresh);
    expect(kept).toHaveLength(2);
    for (const query of WINDOW) await figures(fresh, query);
    // The same inputs: the window's calls built nothing of their own.
    expect(accountIndexOf(fresh.context.sqlite)).toBe(index);
    expect(keptPeriods(fresh)).toEqual(kept);

    const [id] = ws.accountIds as [number];
    await fresh.dispatch('accounts.update', { id, arrMinor: 12_345_600 });
    const afterWrite = await figures(fresh, WINDOW[0]!);
    // An ARR change patches the account's parts (metrics/inputs.ts): the same periods, not built again.
    expect(keptPeriods(fresh)).toEqual(kept);
    const cold = await open();
    try {
      expect(afterWrite).toEqual(await figures(cold, WINDOW[0]!));
    } finally {
      await cold.close();
    }
  } finally {
    await fresh.close();
  }
});

it('a warm-up stops when the core is closed, and on an empty workspace builds empty inputs', async () => {
  const empty = await createCore({ dbPath: tempWorkspacePath(), now: () => FIXED_NOW, create: true, dailyRefresh: false });
  let open = true;
  const warming = warmDashboard(empty.context, healthFigures, () => open);
  open = false;
  await warming;
  expect(keptPeriods(empty)).toEqual([]);
  await warmDashboard(empty.context, healthFigures, () => true);
  expect(keptPeriods(empty)).toHaveLength(2);
  expect((await figures(empty, WINDOW[0]!)).accounts).toBe(0);
  await empty.close();
});

it('the core host builds them on the writer right after the open, and a close during it is an ordinary close', async () => {
  const messages: string[] = [];
  const options = { dbPath: path, clock: { offsetMs: FIXED_NOW.getTime() - Date.now() }, dailyRefresh: false };
  const hosted = await startCoreHost(options, { reader: false, log: (_level, message) => messages.push(message) });
  try {
    await expect.poll(() => messages.find((m) => m.startsWith("built the dashboard's inputs after the open")), { timeout: 60_000 }).toBeDefined();
    const first = await hosted.dispatch('metrics.portfolio', WINDOW[0]!);
    expect(first.ok && first.value).toEqual(await figures(core, WINDOW[0]!));
  } finally {
    await hosted.close();
  }
  const closedEarly = await startCoreHost(options, { reader: false, log: (level, message) => level !== 'info' && messages.push(`${level}: ${message}`) });
  await closedEarly.close();
  expect(messages.filter((m) => /^(warn|error):/.test(m))).toEqual([]);
}, 120_000);
