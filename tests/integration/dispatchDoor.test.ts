// The door itself: undefined fields (Electron's IPC keeps them, JSON drops them) mean absent on
// every channel; an input nested past any contract is BAD_INPUT; an unexpected failure gives the
// caller a short message and an error id, and the raw exception goes to the log under that id.
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import type { Log } from '../../electron/core/context';
import { tempWorkspacePath, testCore, type TestCore } from '../fixtures/core';

let core: TestCore | Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

describe('a field present but undefined is absent', () => {
  it('settings.update leaves an undefined group as it was and applies the rest', async () => {
    const c = (core = await testCore());
    const before = await c.call('settings.get', {});
    const result = await c.dispatch('settings.update', { health: undefined, currency: undefined, discountRate: 0.2 });
    expect(result.ok ? 'ok' : `${result.error.code} ${result.error.message}`).toBe('ok');
    const after = await c.call('settings.get', {});
    expect(after).toEqual({ ...before, discountRate: 0.2 });
    // Only undefined groups: nothing changes, nothing fails.
    expect((await c.dispatch('settings.update', { health: undefined, leverage: undefined })).ok).toBe(true);
    expect(await c.call('settings.get', {})).toEqual(after);
  });

  it('at any depth, on any channel, as over JSON', async () => {
    const c = (core = await testCore());
    const account = await c.call('accounts.create', { name: 'Undefined Ltd', industry: undefined });
    expect(account.industry).toBeNull();
    const page = await c.dispatch('accounts.list', { sort: { field: 'name', direction: undefined }, filter: { segment: undefined }, search: undefined });
    expect(page.ok).toBe(true);
    // The same call as the HTTP bridge would carry it gives the same answer.
    const viaJson = await c.dispatch(
      'accounts.list',
      JSON.parse(JSON.stringify({ sort: { field: 'name', direction: undefined }, filter: { segment: undefined }, search: undefined })),
    );
    expect(viaJson).toEqual(page);
  });
});

describe('what no contract holds', () => {
  it('an input nested deeper than any schema goes is BAD_INPUT, not a stack overflow', async () => {
    const c = (core = await testCore());
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    const result = await c.dispatch('export.table', { table: 'accounts', format: 'csv', path: '/tmp/x.csv', query: { filter: deep } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/nested deeper/) });
  });

  it('a __proto__ key is refused as an unknown key and pollutes nothing', async () => {
    const c = (core = await testCore());
    const input = JSON.parse('{"name":"Proto Inc","__proto__":{"polluted":true}}');
    const result = await c.dispatch('accounts.create', input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('BAD_INPUT');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await c.call('accounts.list', {})).total).toBe(0);
  });
});

describe('an unexpected failure', () => {
  it('tells the caller an error id, not the raw exception, and logs the exception under that id', async () => {
    const logged: { level: string; message: string; detail: unknown }[] = [];
    const log: Log = (level, message, detail) => logged.push({ level, message, detail });
    const c = (core = await createCore({ dbPath: tempWorkspacePath(), create: true, log }));
    // Break the schema under the core: the insert fails in a way no input check foresaw.
    c.context.sqlite.exec('ALTER TABLE accounts RENAME TO parked_accounts_table');
    const result = await c.dispatch('accounts.list', {});
    c.context.sqlite.exec('ALTER TABLE parked_accounts_table RENAME TO accounts');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INTERNAL');
    expect(result.error.errorId).toMatch(/^[0-9a-f]{8}$/);
    expect(result.error.message).toContain(result.error.errorId);
    expect(result.error.message).not.toMatch(/no such table|accounts\b.*FROM|SELECT|parked/i);
    expect(result.error.message.length).toBeLessThan(120);
    const entry = logged.find((e) => e.level === 'error' && e.message.includes(result.error.errorId!));
    expect(entry?.message).toMatch(/no such table/);
    expect(entry?.detail).toBeInstanceOf(Error);
    // Two failures, two ids.
    c.context.sqlite.exec('ALTER TABLE accounts RENAME TO parked_accounts_table');
    const again = await c.dispatch('accounts.list', {});
    c.context.sqlite.exec('ALTER TABLE parked_accounts_table RENAME TO accounts');
    expect(!again.ok && again.error.errorId).not.toBe(result.error.errorId);
    expect((await c.dispatch('accounts.list', {})).ok).toBe(true);
  });
});
