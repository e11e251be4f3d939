// `fulcrum metrics` as a user runs it (the npm bin in a child process): the portfolio as JSON with
// the contract's field names, filters and periods passed through, usage mistakes as exit 2.
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemoWorkspace } from '../../electron/core/demo';
import { createCore } from '../../electron/core';
import { tempWorkspacePath } from '../fixtures/core';
import { fulcrum } from '../fixtures/cli';

let path: string;
beforeAll(async () => {
  path = tempWorkspacePath('demo.fulcrum');
  await generateDemoWorkspace(path, { accounts: 40, seed: 5 });
}, 60_000);

describe('fulcrum metrics', () => {
  it('prints metrics.portfolio as JSON, the same as the channel gives', async () => {
    const run = fulcrum('metrics', '--db', path, '--from', '2026-01-01', '--to', '2026-07-01', '--segment', 'smb', '--segment', 'mid_market', '--today', '2026-11-01', '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout);
    // Issue 16 adds satisfactionRevenue (churn.satisfactionRevenue for the same period) and churnModel (null before training).
    expect(Object.keys(printed)).toEqual([
      'scope',
      'accounts',
      'satisfaction',
      'support',
      'retention',
      'value',
      'health',
      'previous',
      'satisfactionRevenue',
      'churnModel',
      'purchaseModel',
    ]);
    expect(printed.scope).toEqual({ from: '2026-01-01', to: '2026-07-01', granularity: 'month', filter: { segment: ['smb', 'mid_market'] } });
    expect(printed.satisfaction.nps).toMatchObject({ definition: 'nps', n: expect.any(Number) });

    const core = await createCore({ dbPath: path, now: () => new Date('2026-11-01T12:00:00Z') });
    const direct = await core.dispatch('metrics.portfolio', { from: '2026-01-01', to: '2026-07-01', segment: ['smb', 'mid_market'] });
    const worth = await core.dispatch('churn.satisfactionRevenue', { from: '2026-01-01', to: '2026-07-01' });
    await core.close();
    if (!direct.ok) throw new Error(direct.error.message);
    if (!worth.ok) throw new Error(worth.error.message);
    const { satisfactionRevenue, churnModel, purchaseModel, ...portfolio } = printed as Record<string, unknown>;
    expect(portfolio).toEqual(JSON.parse(JSON.stringify(direct.value)));
    expect(satisfactionRevenue).toEqual(JSON.parse(JSON.stringify(worth.value)));
    expect(churnModel).toBeNull();
    // The demo has no purchase histories: the model says so rather than fitting nothing.
    expect(purchaseModel).toMatchObject({ status: 'empty', bgnbd: null, rows: [] });
  });

  it('prints purchases.model (BG/NBD, Gamma-Gamma, CLV) beside the portfolio, as the channel gives it', async () => {
    const withPurchases = tempWorkspacePath('purchases.fulcrum');
    const core = await createCore({ dbPath: withPurchases, create: true, now: () => new Date('2026-11-01T12:00:00Z') });
    // 24 customers buying every 3 to 13 weeks for a year, some stopping early: enough repeats to fit both models.
    for (let c = 0; c < 24; c++) {
      const made = await core.dispatch('accounts.create', { name: `Shop ${c}`, contractStart: '2025-06-01' });
      if (!made.ok) throw new Error(made.error.message);
      const weeks = 3 + (c % 6) * 2;
      const stop = c % 4 === 0 ? 20 : 52;
      for (let w = 0, i = 0; w < stop; w += weeks, i++) {
        const day = new Date(Date.UTC(2025, 10, 3) + (w * 7 + c) * 86_400_000).toISOString().slice(0, 10);
        const bought = await core.dispatch('purchases.create', {
          accountId: (made.value as { id: number }).id,
          purchasedOn: day,
          amountMinor: 2_000 + ((c * 37 + i * 11) % 40) * 100,
        });
        if (!bought.ok) throw new Error(bought.error.message);
      }
    }
    const direct = await core.dispatch('purchases.model', {});
    await core.close();
    if (!direct.ok) throw new Error(direct.error.message);
    const run = fulcrum('metrics', '--db', withPurchases, '--today', '2026-11-01', '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout).purchaseModel;
    const expected = JSON.parse(JSON.stringify(direct.value));
    expect(expected.status).toBe('ok');
    // The fit's own timing differs between two runs; every figure is the same.
    const untimed = (model: { bgnbd: Record<string, unknown> | null; gammaGamma: Record<string, unknown> | null }) => ({
      ...model,
      bgnbd: model.bgnbd && { ...model.bgnbd, seconds: 0 },
      gammaGamma: model.gammaGamma && { ...model.gammaGamma, seconds: 0 },
    });
    expect(untimed(printed)).toEqual(untimed(expected));
    expect(printed.rows.length).toBeGreaterThan(0);
  });

  it('prints a short summary without --json', () => {
    const run = fulcrum('metrics', '--db', path, '--today', '2026-11-01');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Period {5}2025-12-01 to 2026-12-01 \(exclusive\)\n/);
    expect(run.stdout).toMatch(/\nNPS {8}-?[\d.]+ \(n = [\d,]+\)\n/);
    expect(run.stdout).toMatch(/\nHealth {5}\d+ red, \d+ amber, \d+ green/);
  });

  it('refuses bad dates and unknown stages as usage mistakes, and a missing file as a problem', () => {
    const badDate = fulcrum('metrics', '--db', path, '--from', '1/2/2026');
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain("--from must be a date as YYYY-MM-DD, not '1/2/2026'");
    const badStage = fulcrum('metrics', '--db', path, '--stage', 'dormant');
    expect(badStage.code).toBe(2);
    expect(badStage.stderr).toContain('lifecycleStage');
    const missing = fulcrum('metrics', '--db', join(dirname(path), 'nope.fulcrum'));
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe(`fulcrum metrics: no such file: ${join(dirname(path), 'nope.fulcrum')}`);
  });
});
