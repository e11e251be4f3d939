import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import { generateDemoWorkspace } from '../../electron/core/demo';
import type { Channel, Input, Output } from '../../shared/contract';
import { tempWorkspacePath } from '../fixtures/core';

// The CSM's portfolio (issue 15): the accounts table's figures, "my accounts" and the paged at-risk
// list, each checked against the channel that owns the figure (health.explain, touchpoints.list,
// metrics.portfolio), on the demo company.

const TODAY = '2026-11-18';
const NOW = new Date(`${TODAY}T12:00:00.000Z`);
let core: Core;

async function ask<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const result = await core.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as Output<C>;
}

beforeAll(async () => {
  const path = tempWorkspacePath();
  await generateDemoWorkspace(path, { accounts: 150, seed: 7, today: TODAY });
  core = await createCore({
    dbPath: path,
    now: () => NOW,
    checkOutputs: true,
    log: (level, message, detail) => level === 'error' && console.error(message, detail),
    identityFile: join(mkdtempSync(join(tmpdir(), 'fulcrum-id-')), 'identity.json'),
  });
});
afterAll(() => core?.close());

describe('accounts.table', () => {
  it('shows every account with its health, trend, last touch and NPS, each as the owning channel says', async () => {
    const page = await ask('accounts.table', { pageSize: 500 });
    expect(page.total).toBe((await ask('accounts.list', { pageSize: 1 })).total);
    expect(page.rows.filter((row) => row.health).length).toBeGreaterThan(100);
    for (const row of page.rows.slice(0, 25)) {
      // Current customers have a snapshot; a churned account has none, and its cell stays empty.
      if (!row.health) {
        expect(row.churnedAt).not.toBeNull();
      } else {
        const explained = await ask('health.explain', { id: row.id });
        expect(row.health.score).toBe(explained.score);
        expect(row.health.previousScore).toBe(explained.previous?.score ?? null);
      }
      const last = await ask('touchpoints.list', { filter: { accountId: row.id }, sort: { field: 'occurredAt', direction: 'desc' }, pageSize: 1 });
      expect(row.lastTouchAt).toBe(last.rows[0]?.occurredAt ?? null);
      const nps = (await ask('metrics.account', { id: row.id })).satisfaction.nps;
      expect(row.nps?.value ?? null).toBe(nps.value === null ? null : Math.round(nps.value));
      expect(row.nps?.n ?? 0).toBe(nps.n);
    }
  });

  it.each(['healthScore', 'lastTouchAt', 'nps'] as const)('sorts by %s both ways, accounts without the figure last', async (field) => {
    const value = (row: Output<'accounts.table'>['rows'][number]) =>
      field === 'healthScore' ? (row.health?.score ?? null) : field === 'nps' ? (row.nps?.value ?? null) : row.lastTouchAt;
    for (const direction of ['asc', 'desc'] as const) {
      const rows = (await ask('accounts.table', { pageSize: 500, sort: { field, direction } })).rows.map(value);
      const known = rows.filter((v) => v !== null);
      expect(rows.slice(0, known.length)).toEqual(known);
      const sorted = [...known].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      expect(known).toEqual(direction === 'asc' ? sorted : sorted.reverse());
    }
  });

  it('filters by health band, and pages without losing or repeating a row', async () => {
    const red = await ask('accounts.table', { pageSize: 500, filter: { healthBand: 'red' } });
    expect(red.rows.every((row) => row.health?.band === 'red')).toBe(true);
    const ids: number[] = [];
    for (let page = 1; page <= Math.ceil(red.total / 7); page++)
      ids.push(...(await ask('accounts.table', { page, pageSize: 7, filter: { healthBand: 'red' }, sort: { field: 'nps', direction: 'desc' } })).rows.map((r) => r.id));
    expect(new Set(ids).size).toBe(red.total);
  });

  it('"my accounts" are those whose owner is my name or e-mail, ignoring case; refused while nobody is set', async () => {
    const refused = await core.dispatch('accounts.table', { filter: { mine: true } });
    expect(refused.ok ? '' : refused.error.message).toMatch(/say who you are/);
    const owner = (await ask('accounts.facets', {})).owners[0]!;
    await ask('identity.set', { name: owner.toUpperCase(), email: '', role: 'csm' });
    const mine = await ask('accounts.table', { pageSize: 500, filter: { mine: true } });
    const byOwner = await ask('accounts.list', { pageSize: 500, filter: { owner } });
    expect(mine.total).toBe(byOwner.total);
    expect(mine.rows.map((r) => r.id).sort()).toEqual(byOwner.rows.map((r) => r.id).sort());
    // An owner written as an e-mail address is mine when my e-mail is that address.
    const account = byOwner.rows[0]!;
    await ask('accounts.update', { id: account.id, owner: 'Dana@Example.com' });
    await ask('identity.set', { name: 'Zed Nobody', email: 'dana@example.com', role: 'csm' });
    expect((await ask('accounts.table', { filter: { mine: true } })).rows.map((r) => r.id)).toEqual([account.id]);
    await ask('accounts.update', { id: account.id, owner });
    await ask('identity.clear', {});
  });
});

describe('accounts.atRisk', () => {
  it('pages through every account of a band in the dashboard order, with reasons as sentences', async () => {
    // This demo company has no red account today, so the amber band is paged; red is the default.
    const { bands } = (await ask('metrics.portfolio', {})).health;
    expect((await ask('accounts.atRisk', {})).total).toBe(bands.red);
    const amber = bands.amber;
    expect(amber).toBeGreaterThan(10);
    const all = [];
    for (let page = 1; page <= Math.ceil(amber / 5); page++) all.push(...(await ask('accounts.atRisk', { band: 'amber', page, pageSize: 5 })).rows);
    expect(new Set(all.map((r) => r.accountId)).size).toBe(amber);
    expect(all.every((row) => row.band === 'amber')).toBe(true);
    const scores = all.map((r) => Math.round(r.score));
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    for (const row of all) {
      expect(row.reasons.length).toBeGreaterThan(0);
      for (const reason of row.reasons) {
        expect(reason).toMatch(/^[A-Z0-9]/);
        expect(reason).not.toMatch(/[≥≤→]| vs |\(> |\(≤ /);
      }
      expect(row.score).toBe((await ask('health.explain', { id: row.accountId })).score);
    }
  });

  it('follows the dashboard filters: owner, region, lifecycle and "my accounts"', async () => {
    const facets = await ask('accounts.facets', {});
    const owner = (await ask('accounts.atRisk', { band: 'amber' })).rows.find((row) => row.owner)!.owner!;
    const region = facets.regions[0]!;
    const scoped = await ask('accounts.atRisk', { band: 'amber', scope: { owner: [owner] }, pageSize: 100 });
    expect(scoped.total).toBeGreaterThan(0);
    expect(scoped.rows.every((row) => row.owner === owner)).toBe(true);
    expect(scoped.total).toBe((await ask('accounts.table', { filter: { owner, healthBand: 'amber' } })).total);
    const byRegion = await ask('accounts.atRisk', { band: 'amber', scope: { region: [region], lifecycleStage: ['renewal', 'at_risk', 'adoption'] }, pageSize: 100 });
    const expected = await ask('accounts.table', { pageSize: 500, filter: { region, lifecycleStage: ['renewal', 'at_risk', 'adoption'], healthBand: 'amber' } });
    expect(expected.total).toBeGreaterThan(0);
    expect(byRegion.rows.map((r) => r.accountId).sort()).toEqual(expected.rows.map((r) => r.id).sort());
    await ask('identity.set', { name: owner, email: '', role: 'csm' });
    expect((await ask('accounts.atRisk', { band: 'amber', scope: { mine: true } })).total).toBe(scoped.total);
    const dashboard = await ask('metrics.portfolio', { region: [region] });
    expect((await ask('accounts.atRisk', { band: 'amber', scope: { region: [region] } })).total).toBe(dashboard.health.bands.amber);
  });

  it('refuses a bad page or band by name', async () => {
    const bad = await core.dispatch('accounts.atRisk', { page: 0, band: 'green' });
    expect(bad.ok ? '' : bad.error.message).toMatch(/page|band/);
  });
});
