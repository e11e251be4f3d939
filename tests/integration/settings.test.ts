// settings.get / settings.update through dispatch: defaults merged with what is stored, each
// group validated and replaced whole, and the business-hours clock rebuilding the rollups.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/contract/settings';
import type { ChangeEvent } from '../../shared/rpc';
import { testCore, type TestCore } from '../fixtures/core';

let core: TestCore;
let events: ChangeEvent[];
beforeEach(async () => {
  core = await testCore();
  events = [];
  core.subscribe((event) => events.push(event));
});
afterEach(() => core.close());

const stored = () => core.context.sqlite.prepare('SELECT key, value FROM settings ORDER BY key').all() as { key: string; value: string }[];

describe('settings', () => {
  it('are the defaults until changed, and keep what was stored across a reopen', async () => {
    expect(await core.call('settings.get', {})).toEqual(DEFAULT_SETTINGS);
    expect(stored()).toEqual([]);
    const updated = await core.call('settings.update', { discountRate: 0.08, currency: 'EUR' });
    expect(updated).toEqual({ ...DEFAULT_SETTINGS, discountRate: 0.08, currency: 'EUR' });
    expect(stored().map((row) => row.key)).toEqual(['currency', 'discountRate']);
    expect(events).toEqual([{ name: 'settings.changed' }]);
    expect(await core.call('settings.get', {})).toEqual(updated);
  });

  it('replace a group whole and refuse what does not validate, naming the field', async () => {
    const slaTargets = { ...DEFAULT_SETTINGS.slaTargets, urgent: { firstResponseHours: 0.5, resolutionHours: 4 } };
    expect((await core.call('settings.update', { slaTargets })).slaTargets.urgent).toEqual({ firstResponseHours: 0.5, resolutionHours: 4 });
    const cases: [unknown, string][] = [
      [{ discountRate: 1.5 }, 'discountRate'],
      [{ health: { ...DEFAULT_SETTINGS.health, redBelow: 80, amberBelow: 70 } }, 'health.redBelow'],
      [{ health: { ...DEFAULT_SETTINGS.health, weights: { satisfaction: 30 } } }, 'health.weights.support'],
      [{ businessHours: { ...DEFAULT_SETTINGS.businessHours, start: '18:00', end: '09:00' } }, 'businessHours.end'],
      [{ businessHours: { ...DEFAULT_SETTINGS.businessHours, timeZone: 'Mars/Olympus' } }, 'businessHours.timeZone'],
      [{ currency: 'euro' }, 'currency'],
      [{ colour: 'blue' }, ''],
    ];
    for (const [input, path] of cases) {
      const error = await core.fail('settings.update', input);
      expect(error.code, JSON.stringify(input)).toBe('BAD_INPUT');
      expect(
        error.issues?.map((i) => i.path),
        JSON.stringify(input),
      ).toContain(path);
    }
    expect((await core.call('settings.get', {})).discountRate).toBe(DEFAULT_SETTINGS.discountRate);
  });

  it('skip a stored group that no longer validates, using its default', async () => {
    core.context.sqlite.prepare(`INSERT INTO settings (key, value, updated_at) VALUES ('discountRate', '"ten percent"', 'x')`).run();
    expect((await core.call('settings.get', {})).discountRate).toBe(DEFAULT_SETTINGS.discountRate);
  });
});

describe('the business-hours clock', () => {
  it('makes response times working minutes: turning it on rebuilds the rollups, with progress', async () => {
    const account = await core.call('accounts.create', { name: 'Acme', segment: 'smb' });
    // Friday 16:00 UTC, answered Monday 10:00 UTC: 66 hours on the wall clock, 2 working hours.
    await core.call('tickets.create', { accountId: account.id, openedAt: '2026-02-06T16:00:00Z', firstResponseAt: '2026-02-09T10:00:00Z', channel: 'email' });
    const query = { from: '2026-02-01', to: '2026-03-01' };
    const wall = (await core.call('metrics.portfolio', query)).support.firstResponse.median.value!;
    expect(Math.abs(wall - 66 * 60) / (66 * 60)).toBeLessThan(0.01);

    events.length = 0;
    await core.call('settings.update', { businessHours: { enabled: true, timeZone: 'UTC', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' } });
    expect(events.map((e) => e.name)).toEqual(expect.arrayContaining(['settings.changed', 'metrics.progress', 'health.progress']));
    const working = (await core.call('metrics.portfolio', query)).support.firstResponse.median.value!;
    expect(Math.abs(working - 120) / 120).toBeLessThan(0.01);

    // A ticket written while the clock is on is measured by it too.
    await core.call('tickets.create', { accountId: account.id, openedAt: '2026-02-10T16:30:00Z', firstResponseAt: '2026-02-11T09:30:00Z', channel: 'chat' });
    const both = await core.call('metrics.portfolio', query);
    expect(both.support.firstResponse.median.n).toBe(2);
    expect(Math.abs(both.support.firstResponse.median.value! - (120 + 60) / 2) / 90).toBeLessThan(0.01);

    // And off again: wall-clock minutes, rebuilt.
    await core.call('settings.update', { businessHours: { ...DEFAULT_SETTINGS.businessHours, enabled: false } });
    const back = (await core.call('metrics.portfolio', query)).support.firstResponse.median.value!;
    expect(Math.abs(back - (66 * 60 + 17 * 60) / 2) / back).toBeLessThan(0.01);
  });
});
