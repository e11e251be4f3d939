// The dashboard keeps per-account aggregates per workspace state (issue 14: every account's ARR
// levels at a period's boundaries and 1 Januaries, segment retention by date, the at-risk list's
// moments of truth), so a warm call looks them up instead of recomputing them per account. A write
// through dispatch must leave every figure equal to what a fresh core computes after a full rebuild.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import { generateDemoWorkspace } from '../../electron/core/demo';
import type { Channel, Input, Output } from '../../shared/contract';
import { tempWorkspacePath } from '../fixtures/core';

const TODAY = '2026-11-18';
const NOW = new Date(`${TODAY}T12:00:00.000Z`);
const QUERIES: Input<'metrics.portfolio'>[] = [
  {},
  { segment: ['smb'] },
  { region: ['EMEA'] },
  { segment: ['enterprise'], from: '2025-01-01', to: '2026-01-01', granularity: 'quarter' },
  { lifecycleStage: ['at_risk', 'renewal'] },
];

let path: string;
let core: Core;
const open = () => createCore({ dbPath: path, now: () => NOW, checkOutputs: true, dailyRefresh: false });

async function ask<C extends Channel>(on: Core, channel: C, input: Input<C>): Promise<Output<C>> {
  const result = await on.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as Output<C>;
}

const dashboards = (on: Core) => Promise.all(QUERIES.map((query) => ask(on, 'metrics.portfolio', query)));

beforeEach(async () => {
  path = tempWorkspacePath();
  await generateDemoWorkspace(path, { accounts: 120, seed: 11, today: TODAY });
  core = await open();
});
afterEach(() => core.close());

describe('kept per-account aggregates', () => {
  it('after writes through dispatch, every dashboard equals a fresh core after a full rebuild', async () => {
    const before = await dashboards(core);
    // Warm: the kept aggregates answer the same as the first call.
    expect(await dashboards(core)).toEqual(before);

    // Writes that move the aggregates: an ARR change, a churn inside the period, a margin change and a move to another region.
    const accounts = await ask(core, 'accounts.list', { pageSize: 500 });
    const customers = accounts.rows.filter((a) => a.churnedAt === null && a.arrMinor > 0);
    const [grown, churned, margin, moved] = customers;
    await ask(core, 'accounts.update', { id: grown!.id, arrMinor: grown!.arrMinor * 3 });
    await ask(core, 'accounts.update', { id: churned!.id, churnedAt: '2026-10-02' });
    await ask(core, 'accounts.update', { id: margin!.id, grossMarginPct: 12.5 });
    await ask(core, 'accounts.update', { id: moved!.id, region: moved!.region === 'EMEA' ? 'APAC' : 'EMEA' });
    const after = await dashboards(core);
    expect(after).not.toEqual(before);

    // A fresh core computes every aggregate from the stored rows, and again after a full rebuild of
    // the rollups, ARR history and health: the same figures. (A fresh core takes health snapshots
    // again, at this clock's time of day rather than the demo's, so the at-risk list's dates and day
    // counts move: health is the snapshots' own test's, not compared here.)
    const withoutHealth = (list: Output<'metrics.portfolio'>[]) => list.map(({ health: _, ...rest }) => rest);
    const fresh = await open();
    try {
      expect(withoutHealth(await dashboards(fresh))).toEqual(withoutHealth(after));
      await ask(fresh, 'metrics.rebuild', {});
      expect(withoutHealth(await dashboards(fresh))).toEqual(withoutHealth(after));
    } finally {
      await fresh.close();
    }
    // And the core that wrote, seeing another connection's commit (the rebuild), answers the same.
    expect(withoutHealth(await dashboards(core))).toEqual(withoutHealth(after));
  }, 240_000);
});
