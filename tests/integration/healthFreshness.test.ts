// Health is one score per account, with its date: the dashboard's at-risk list, the account page and
// health.explain read the same snapshot (`asOf`), which is refreshed on open and daily while open
// (derived/freshness.ts), with an injected clock and an injected schedule instead of waiting.
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import type { Schedule } from '../../electron/core/derived/freshness';
import type { Channel, Input, Output } from '../../shared/contract';
import type { ChangeEvent } from '../../shared/rpc';
import { tempWorkspacePath } from '../fixtures/core';

interface Clocked extends Core {
  setNow(iso: string): void;
  call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>>;
  /** The refresh the core scheduled last, and the delay it asked for. */
  planned: { run: () => Promise<void>; delayMs: number; cancelled: boolean }[];
}

const opened: Core[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((core) => core.close()));
});

async function open(dbPath: string, at: string, dailyRefresh = true, logs?: { level: string; message: string }[]): Promise<Clocked> {
  const planned: Clocked['planned'] = [];
  const schedule: Schedule = (run, delayMs) => {
    const entry = { run, delayMs, cancelled: false };
    planned.push(entry);
    return () => {
      entry.cancelled = true;
    };
  };
  const state = { now: new Date(at) };
  const core = await createCore({
    dbPath,
    create: !existsSync(dbPath),
    log: (level, message, detail) => (logs ? logs.push({ level, message }) : level !== 'info' && console.error(message, detail)),
    now: () => state.now,
    checkOutputs: true,
    dailyRefresh: dailyRefresh && schedule,
  });
  opened.push(core);
  const clocked: Clocked = Object.assign(core, {
    planned,
    setNow(iso: string) {
      state.now = new Date(iso);
    },
    async call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
      const result = await core.dispatch(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
      return result.value as Output<C>;
    },
  });
  return clocked;
}

/** An account at risk whose score moves with time: its last touchpoint is 28 days old (engagement drops after 30). */
async function atRiskAccount(core: Clocked) {
  const account = await core.call('accounts.create', { name: 'Borealis', segment: 'enterprise', arrMinor: 5_000_000, renewalDate: '2026-03-20', contractStart: '2024-01-01' });
  for (const score of [2, 3, 4]) await core.call('surveyResponses.create', { accountId: account.id, respondedAt: '2026-02-10T10:00:00Z', kind: 'nps', score });
  await core.call('touchpoints.create', { accountId: account.id, occurredAt: '2026-02-01T10:00:00Z', channel: 'email', kind: 'qbr' });
  await core.call('deployments.create', { accountId: account.id, product: 'Core', status: 'live', licencesPurchased: 100, licencesUsed: 40 });
  return account.id;
}

/** The score and date of one account on the dashboard, the account page and health.explain. */
async function everywhere(core: Clocked, accountId: number) {
  const dashboard = (await core.call('metrics.portfolio', {})).health.atRisk.find((a) => a.accountId === accountId)!;
  const page = (await core.call('metrics.account', { id: accountId })).health;
  const explained = await core.call('health.explain', { id: accountId });
  return { dashboard: { score: dashboard.score, asOf: dashboard.asOf }, page: { score: page.score, asOf: page.asOf }, explained: { score: explained.score, asOf: explained.asOf } };
}

describe('one health score per account, with its date', () => {
  it('the dashboard, the account page and health.explain show the same snapshot, also after the clock moved', async () => {
    const core = await open(tempWorkspacePath(), '2026-03-01T12:00:00.000Z');
    const id = await atRiskAccount(core);
    const first = await everywhere(core, id);
    expect(first.dashboard.score).not.toBeNull();
    expect(first.page).toEqual(first.dashboard);
    expect(first.explained).toEqual(first.dashboard);
    expect(first.dashboard.asOf).toBe('2026-03-01T12:00:00.000Z');
    const snapshot = core.context.sqlite.prepare('SELECT score, taken_at FROM health_snapshots WHERE account_id = ? AND current = 1').get(id) as {
      score: number;
      taken_at: string;
    };
    expect(first.dashboard).toEqual({ score: snapshot.score, asOf: snapshot.taken_at });

    // Days later, before any refresh: the live score would differ (the touchpoint is now 33 days
    // old), but every screen still shows the one snapshot, and says how old it is.
    core.setNow('2026-03-06T08:00:00.000Z');
    const later = await everywhere(core, id);
    expect(later).toEqual(first);
  });

  it('the daily timer refreshes every customer at the new day; both screens move together and a change event goes out', async () => {
    const core = await open(tempWorkspacePath(), '2026-03-01T12:00:00.000Z');
    const id = await atRiskAccount(core);
    const events: ChangeEvent[] = [];
    core.subscribe((event) => events.push(event));
    const before = await everywhere(core, id);
    // Planned at open for one minute past the next UTC midnight.
    expect(core.planned).toHaveLength(1);
    expect(core.planned[0]!.delayMs).toBe(Date.parse('2026-03-02T00:01:00.000Z') - Date.parse('2026-03-01T12:00:00.000Z'));

    core.setNow('2026-03-05T00:01:00.000Z');
    await core.planned[0]!.run();
    const after = await everywhere(core, id);
    expect(after.dashboard.asOf).toBe('2026-03-05T00:01:00.000Z');
    expect(after.page).toEqual(after.dashboard);
    expect(after.explained).toEqual(after.dashboard);
    // The touchpoint is 31 days old now: engagement fell from 100 to 50, so the score fell.
    expect(after.dashboard.score!).toBeLessThan(before.dashboard.score!);
    const explained = await core.call('health.explain', { id });
    expect(explained.components.find((c) => c.id === 'engagement')).toMatchObject({ score: 50, reason: 'last touchpoint 31 days ago (> 30)' });
    expect(explained.previous).toEqual({ score: before.dashboard.score, takenAt: before.dashboard.asOf });
    expect(events.map((e) => e.name)).toContain('health.changed');
    // And the next day is planned.
    expect(core.planned).toHaveLength(2);
    expect(core.planned[1]!.delayMs).toBe(Date.parse('2026-03-06T00:01:00.000Z') - Date.parse('2026-03-05T00:01:00.000Z'));

    // Fired again the same day (a timer that fires early), it recomputes nothing.
    events.length = 0;
    core.setNow('2026-03-05T09:00:00.000Z');
    await core.planned[1]!.run();
    expect((await everywhere(core, id)).dashboard.asOf).toBe('2026-03-05T00:01:00.000Z');
    expect(events).toEqual([]);
  });

  it('opening a workspace whose snapshots are from an earlier day refreshes them; the same day it does not', async () => {
    const path = tempWorkspacePath();
    const first = await open(path, '2026-03-01T12:00:00.000Z', false);
    const id = await atRiskAccount(first);
    expect(first.planned).toEqual([]);
    await first.close();
    opened.splice(opened.indexOf(first), 1);

    const sameDay = await open(path, '2026-03-01T18:00:00.000Z', false);
    expect((await everywhere(sameDay, id)).explained.asOf).toBe('2026-03-01T12:00:00.000Z');
    await sameDay.close();
    opened.splice(opened.indexOf(sameDay), 1);

    const nextWeek = await open(path, '2026-03-08T07:30:00.000Z', false);
    const seen = await everywhere(nextWeek, id);
    expect(seen.explained.asOf).toBe('2026-03-08T07:30:00.000Z');
    expect(seen.dashboard).toEqual(seen.explained);
    expect(seen.page).toEqual(seen.explained);
  });

  it('closing the core cancels its timer', async () => {
    const core = await open(tempWorkspacePath(), '2026-03-01T12:00:00.000Z');
    await core.close();
    opened.splice(opened.indexOf(core), 1);
    expect(core.planned.map((p) => p.cancelled)).toEqual([true]);
  });

  it('a user cancelling the daily rule pass is logged as a cancel, not as the health refresh failing; the health is still refreshed', async () => {
    const logs: { level: string; message: string }[] = [];
    const core = await open(tempWorkspacePath(), '2026-03-01T12:00:00.000Z', true, logs);
    const id = await atRiskAccount(core);
    core.setNow('2026-03-05T00:01:00.000Z');
    // The rule pass waits at its first step until cancelled (lib/jobs.ts testHold).
    process.env.FULCRUM_TEST_HOLD_JOB = 'ctas.evaluate';
    try {
      const fired = core.planned[0]!.run();
      await expect.poll(async () => (await core.call('jobs.running', {})).channels, { timeout: 30_000 }).toContain('ctas.evaluate');
      expect(await core.call('jobs.cancel', { channel: 'ctas.evaluate' })).toEqual({ cancelled: 1 });
      await fired;
    } finally {
      delete process.env.FULCRUM_TEST_HOLD_JOB;
    }
    expect((await everywhere(core, id)).dashboard.asOf).toBe('2026-03-05T00:01:00.000Z');
    expect(logs.filter((l) => l.level !== 'info')).toEqual([]);
    expect(logs.map((l) => l.message)).toContain('the daily rule pass was cancelled; the next day runs it again');
    // The next day is still planned.
    expect(core.planned).toHaveLength(2);
  });
});
