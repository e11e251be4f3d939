// Health through dispatch: explained component by component, snapshots kept by writes and by
// health.recompute, a model version that changes with the settings it depends on.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../shared/rpc';
import { clockedCore, type ClockedCore } from '../fixtures/clock';

let core: ClockedCore;
let accountId: number;
let events: ChangeEvent[];
beforeEach(async () => {
  core = await clockedCore();
  events = [];
  core.subscribe((event) => events.push(event));
  const account = await core.call('accounts.create', { name: 'Acme', segment: 'enterprise', arrMinor: 10_000_000, renewalDate: '2026-03-20', contractStart: '2025-01-01' });
  accountId = account.id;
  const contact = await core.call('contacts.create', { accountId, name: 'Ada' });
  for (const score of [10, 9, 3]) await core.call('surveyResponses.create', { accountId, contactId: contact.id, respondedAt: '2026-02-01T10:00:00Z', kind: 'nps', score });
  await core.call('surveyResponses.create', { accountId, respondedAt: '2026-02-02T10:00:00Z', kind: 'csat', score: 5 });
  await core.call('tickets.create', { accountId, openedAt: '2026-02-03T09:00:00Z', firstResponseAt: '2026-02-03T09:30:00Z', channel: 'email' });
  await core.call('touchpoints.create', { accountId, occurredAt: '2026-01-05T10:00:00Z', channel: 'email', kind: 'qbr' });
  await core.call('deployments.create', { accountId, product: 'Core', status: 'live', licencesPurchased: 100, licencesUsed: 80 });
});
afterEach(() => core.close());

const snapshots = () =>
  core.context.sqlite.prepare('SELECT taken_at, model_version, score, band, current FROM health_snapshots WHERE account_id = ? ORDER BY id').all(accountId) as {
    taken_at: string;
    model_version: string;
    score: number;
    band: string;
    current: number;
  }[];

describe('health.explain', () => {
  it('shows every component with weight, score, contribution and the threshold behind it', async () => {
    const h = await core.call('health.explain', { id: accountId });
    expect(h.components.map((c) => c.id)).toEqual(['satisfaction', 'support', 'adoption', 'engagement', 'renewal']);
    const byId = Object.fromEntries(h.components.map((c) => [c.id, c]));
    // NPS (2 promoters, 1 detractor of 3) = +33.3 → 66.7; CSAT 100 % → satisfaction 83.3.
    expect(byId.satisfaction!.score).toBeCloseTo((200 / 3 + 100) / 2, 6);
    // A 30-minute median (read from the sketch: within 1 %) is within the 8-hour SLA; 1 open ticket ≤ 5.
    expect(byId.support).toMatchObject({ score: 100, reason: expect.stringContaining('1 open ticket (≤ 5)') });
    expect(byId.engagement).toMatchObject({ score: 50, reason: 'last touchpoint 55 days ago (> 30)' });
    expect(byId.renewal).toMatchObject({ score: 25, reason: 'renewal in 19 days (≤ 30)' });
    expect(byId.adoption!.score).toBe(90);
    const sum = h.components.reduce((s, c) => s + (c.contribution ?? 0), 0);
    expect(sum).toBeCloseTo(h.score!, 9);
    expect(h.coveragePct).toBe(100);
    expect(h.band).toBe(h.score! < 50 ? 'red' : h.score! < 70 ? 'amber' : 'green');
    expect(h.modelVersion).toMatch(/^h1-[0-9a-f]{10}$/);
    expect(h.previous).toBeNull();
  });

  it('says "insufficient data" below the coverage floor instead of a score', async () => {
    const bare = await core.call('accounts.create', { name: 'Bare' });
    const h = await core.call('health.explain', { id: bare.id });
    expect(h).toMatchObject({ score: null, band: 'insufficient', coveragePct: 0, reason: expect.stringContaining('insufficient data') });
  });

  it('is NOT_FOUND for an unknown account', async () => {
    expect((await core.fail('health.explain', { id: 4242 })).code).toBe('NOT_FOUND');
  });
});

describe('health snapshots', () => {
  it("writes keep today's snapshot current (one per day and model); a new day appends, and explain shows the previous one", async () => {
    const today = snapshots();
    expect(today).toHaveLength(1);
    expect(today[0]!.current).toBe(1);
    expect(today[0]!.score).toBeCloseTo((await core.call('health.explain', { id: accountId })).score!, 9);

    core.setNow('2026-03-05T09:00:00.000Z');
    await core.call('touchpoints.create', { accountId, occurredAt: '2026-03-04T10:00:00Z', channel: 'phone', kind: 'qbr' });
    const later = snapshots();
    expect(later.map((s) => s.current)).toEqual([0, 1]);
    expect(later[1]!.score).toBeGreaterThan(later[0]!.score);
    const h = await core.call('health.explain', { id: accountId });
    expect(h.previous).toEqual({ score: later[0]!.score, takenAt: '2026-03-01T12:00:00.000Z' });
  });

  it('health.recompute refreshes every customer and reports progress', async () => {
    await core.call('accounts.create', { name: 'Second', arrMinor: 100 });
    const churned = await core.call('accounts.create', { name: 'Gone', churnedAt: '2026-01-01', lifecycleStage: 'churned' });
    events.length = 0;
    core.setNow('2026-03-02T08:00:00.000Z');
    const result = await core.call('health.recompute', {});
    expect(result.accounts).toBe(2);
    expect(events.filter((e) => e.name === 'health.progress').at(-1)).toEqual({ name: 'health.progress', progress: { done: 2, total: 2 } });
    expect(events.some((e) => e.name === 'health.changed')).toBe(true);
    const gone = core.context.sqlite.prepare('SELECT count(*) FROM health_snapshots WHERE account_id = ?').pluck().get(churned.id);
    expect(gone).toBe(0);
  });
});

describe('the health model follows the settings', () => {
  it('new weights give a new model version, recompute every snapshot, and are visible in the explanation', async () => {
    const before = await core.call('health.explain', { id: accountId });
    events.length = 0;
    const weights = { satisfaction: 100, support: 0, adoption: 0, engagement: 0, renewal: 0 };
    const settings = await core.call('settings.update', { health: { weights, coverageFloorPct: 10, redBelow: 50, amberBelow: 70 } });
    expect(settings.health.weights).toEqual(weights);
    expect(events.map((e) => e.name)).toEqual(expect.arrayContaining(['settings.changed', 'health.progress', 'health.changed']));
    const after = await core.call('health.explain', { id: accountId });
    expect(after.modelVersion).not.toBe(before.modelVersion);
    expect(after.score).toBeCloseTo((200 / 3 + 100) / 2, 6);
    expect(after.components.find((c) => c.id === 'renewal')).toMatchObject({ weight: 0, contribution: 0 });
    const rows = snapshots();
    expect(rows.at(-1)).toMatchObject({ model_version: after.modelVersion, current: 1 });
    expect(rows.filter((r) => r.current === 1)).toHaveLength(1);
    // The old snapshot is kept: it names the model that produced it.
    expect(rows.some((r) => r.model_version === before.modelVersion)).toBe(true);
  });

  it('a settings change that does not touch the model recomputes nothing', async () => {
    events.length = 0;
    await core.call('settings.update', { discountRate: 0.12 });
    expect(events.map((e) => e.name)).toEqual(['settings.changed']);
  });
});
