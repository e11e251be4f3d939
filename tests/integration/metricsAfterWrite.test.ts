// Issue 14, session 10: the first dashboard after a write. The dashboard's inputs (the accounts, their
// index, the ARR history and its levels, each period's per-account parts: metrics/inputs.ts) and the
// health snapshots (health/liveSnapshots.ts) are kept across writes to other domains and patched by an
// account's own write, instead of being read again after every write. On a real file, through
// dispatch: after each common kind of single-row write, the kept inputs are still the ones built
// before it (or were read again, for the writes that must), and the dashboard from them equals the
// first dashboard of a core opened afresh on the same file, for the window's two periods and
// filters on every kind of key. An ARR change must move the figures (and does, through the patch).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import { dashboardInputs } from '../../electron/core/metrics/inputs';
import type { MetricsQuery, Portfolio } from '../../shared/contract/metrics';
import { FIXED_NOW, tempWorkspacePath, testCore, type TestCore } from '../fixtures/core';
import { buildMetricsWorkspace, type MetricsWorkspace } from '../fixtures/metricsWorkspace';

const path = tempWorkspacePath();
let core: TestCore;
let ws: MetricsWorkspace;
beforeAll(async () => {
  core = await testCore(path);
  ws = await buildMetricsWorkspace(core);
}, 180_000);
afterAll(() => core.close());

// The window's first two calls on FIXED_NOW (metricsFirstCall.test.ts), and filters on each kind of key.
const QUERIES: MetricsQuery[] = [
  { from: '2025-04-01', to: '2026-04-01', granularity: 'month' },
  { from: '2024-04-01', to: '2025-04-01', granularity: 'month' },
  { segment: ['smb'] },
  { owner: ['CSM 1'] },
  { owner: ['CSM 9'] },
  { region: ['EMEA'], industry: ['Retail'] },
  { lifecycleStage: ['at_risk'] },
  { from: '2025-01-01', to: '2026-01-01', granularity: 'quarter' },
];

async function figures(on: Core, query: MetricsQuery): Promise<Portfolio> {
  const result = await on.dispatch('metrics.portfolio', query);
  if (!result.ok) throw new Error(`metrics.portfolio: ${result.error.message}`);
  return result.value as Portfolio;
}

const all = async (on: Core) => {
  const out: Portfolio[] = [];
  for (const query of QUERIES) out.push(await figures(on, query));
  return out;
};

/** A core opened afresh on the same file: its first calls read every input from the tables. */
async function freshFigures(): Promise<Portfolio[]> {
  const fresh = await createCore({ dbPath: path, now: () => FIXED_NOW, checkOutputs: true, dailyRefresh: false });
  try {
    return await all(fresh);
  } finally {
    await fresh.close();
  }
}

type Kept = 'kept' | 'read again';

it('after each kind of write, the dashboard from the kept inputs equals a fresh core’s; an ARR change moves it', async () => {
  const [a, b, c, d] = ws.accountIds as [number, number, number, number];
  // A customer since before the period (in NRR's base) with a margin (in a CLV cohort), none of the others.
  const based = dashboardInputs(core.context.sqlite).accounts.find(
    (x) => x.start < '2025-04-01' && x.churnedAt === null && x.grossMarginPct !== null && ![a, b, c, d].includes(x.id),
  )!.id;
  const ticket = await core.call('tickets.create', { accountId: a, openedAt: '2026-02-20T10:00:00Z', channel: 'email', priority: 'high' });
  const writes: [string, Kept, () => Promise<unknown>][] = [
    ['a ticket created', 'kept', () => core.call('tickets.create', { accountId: b, openedAt: '2026-02-25T09:00:00Z', channel: 'chat', priority: 'urgent', topic: 'billing' })],
    [
      'a ticket answered and solved',
      'kept',
      () => core.call('tickets.update', { id: ticket.id, firstResponseAt: '2026-02-20T11:00:00Z', resolvedAt: '2026-02-21T10:00:00Z', status: 'solved', csat: 1 }),
    ],
    ['a touchpoint logged', 'kept', () => core.call('touchpoints.create', { accountId: c, occurredAt: '2026-02-27T10:00:00Z', channel: 'phone', kind: 'qbr', sentiment: -2 })],
    ['a survey answer', 'kept', () => core.call('surveyResponses.create', { accountId: a, respondedAt: '2026-02-26T10:00:00Z', kind: 'nps', score: 0 })],
    ['an account renamed and given to a new owner', 'kept', () => core.call('accounts.update', { id: d, name: 'Renamed', owner: 'CSM 9' })],
    ['lifecycle stage and renewal date', 'kept', () => core.call('accounts.update', { id: c, lifecycleStage: 'at_risk', renewalDate: '2026-03-15' })],
    ['ARR up', 'kept', () => core.call('accounts.update', { id: based, arrMinor: 77_700_000 })],
    ['ARR down on another account', 'kept', () => core.call('accounts.update', { id: b, arrMinor: 100_000 })],
    ['a segment changed', 'read again', () => core.call('accounts.update', { id: c, segment: 'enterprise' })],
    ['an account churned', 'read again', () => core.call('accounts.update', { id: d, churnedAt: '2026-02-01' })],
    // A rebuild may backfill ARR history without an accounts event (derived/refresh.ts).
    ['derived data rebuilt', 'read again', () => core.call('metrics.rebuild', {})],
    ['an account created', 'read again', () => core.call('accounts.create', { name: 'Late', segment: 'smb', region: 'EMEA', contractStart: '2025-06-01', arrMinor: 3_000_000 })],
  ];
  for (const [step, expected, write] of writes) {
    const before = await all(core);
    const inputs = dashboardInputs(core.context.sqlite);
    const periods = [...inputs.periods.keys()].sort();
    expect(periods.length, step).toBeGreaterThan(1);
    await write();
    const after = await all(core);
    const kept = dashboardInputs(core.context.sqlite);
    if (expected === 'kept') {
      // The same inputs, with every period still kept (patched, not built again).
      expect(kept, step).toBe(inputs);
      expect([...kept.periods.keys()].sort(), step).toEqual(periods);
    } else expect(kept, step).not.toBe(inputs);
    expect(after, step).toEqual(await freshFigures());
    if (step.startsWith('ARR')) {
      expect(after[0]!.retention.netRevenueRetention, step).not.toEqual(before[0]!.retention.netRevenueRetention);
      expect(after[0]!.value.customerEquity, step).not.toEqual(before[0]!.value.customerEquity);
    }
  }
}, 180_000);

it('the at-risk moments of truth follow a ticket of a listed account, and a change to the map', async () => {
  const map = await core.call('journeys.create', { name: 'Support journey' });
  const support = map.stages.find((s) => s.name === 'Get support')!;
  const card = (name: string, target: { metric: 'first_response_hours'; operator: '<='; value: number }) =>
    core.call('journeys.addTouchpoint', { journeyStageId: support.id, name, isMomentOfTruth: true, target, matchRule: { source: 'tickets' } });
  // A promise every account misses, so each listed account's sentence names its own measure.
  await card('First answer within half an hour', { metric: 'first_response_hours', operator: '<=', value: 0.5 });
  const listed = (await figures(core, {})).health.atRisk;
  expect(listed.length, 'the workspace has accounts at risk').toBeGreaterThan(0);
  const { accountId } = listed[0]!;
  // The moments of truth among the account's reasons (health/reasons.ts names the card's stage).
  const reasonsOf = (p: Portfolio) => p.health.atRisk.find((row) => row.accountId === accountId)?.reasons.filter((reason) => reason.includes('(Get support)'));
  const before = reasonsOf(await figures(core, {}));
  const moments = dashboardInputs(core.context.sqlite);
  // Answered after twenty days: the card's measure for this account moves.
  await core.call('tickets.create', { accountId, openedAt: '2026-02-01T09:00:00Z', firstResponseAt: '2026-02-21T09:00:00Z', channel: 'email', priority: 'normal' });
  const after = await all(core);
  expect(dashboardInputs(core.context.sqlite)).toBe(moments);
  expect(reasonsOf(after[0]!)).toBeDefined();
  expect(reasonsOf(after[0]!)).not.toEqual(before);
  expect(after).toEqual(await freshFigures());
  // A second moment of truth on the map (no log entry: every account's moments are measured again).
  await card('First answer within ten minutes', { metric: 'first_response_hours', operator: '<=', value: 0.1 });
  const withCard = await all(core);
  expect(reasonsOf(withCard[0]!)).not.toEqual(reasonsOf(after[0]!));
  expect(withCard).toEqual(await freshFigures());
}, 120_000);
