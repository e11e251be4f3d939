// The core host for real: the core in a worker thread (electron/core/host), called through the
// client the HTTP bridge and the desktop shell use. Calls, events, the clock and grants cross the
// port; a killed core fails its calls in flight with CORE_STOPPED, is started again and answers the next.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCoreHost, type HostedCore } from '../../electron/core/host/client';
import type { ChangeEvent, Result } from '../../shared/rpc';
import { tempWorkspacePath } from '../fixtures/core';

const hosts: HostedCore[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((host) => host.close()));
});

async function host(options: Parameters<typeof startCoreHost>[0]): Promise<HostedCore> {
  const started = await startCoreHost({ checkOutputs: true, ...options });
  hosts.push(started);
  return started;
}

const value = <T>(result: Result<unknown>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
};

describe('the core in a worker thread', () => {
  it('answers calls, sends change events and uses the host clock', async () => {
    const offsetMs = Date.parse('2030-01-15T12:00:00.000Z') - Date.now();
    const core = await host({ dbPath: tempWorkspacePath(), create: true, clock: { offsetMs } });
    const events: ChangeEvent[] = [];
    core.subscribe((event) => events.push(event));
    const created = value<{ id: number; createdAt: string }>(await core.dispatch('accounts.create', { name: 'Acme Corp', segment: 'enterprise' }));
    expect(created.createdAt.slice(0, 10)).toBe('2030-01-15');
    const list = value<{ rows: { name: string }[] }>(await core.dispatch('accounts.list', {}));
    expect(list.rows.map((row) => row.name)).toEqual(['Acme Corp']);
    await expect.poll(() => events.map((event) => event.name), { timeout: 30_000 }).toContain('accounts.changed');
    // The door's refusals cross unchanged.
    const refused = await core.dispatch('accounts.create', { name: '' });
    expect(!refused.ok && refused.error.code).toBe('BAD_INPUT');
    const unknown = await core.dispatch('no.such', {});
    expect(!unknown.ok && unknown.error.code).toBe('UNKNOWN_CHANNEL');
  });

  it('refuses to open a missing workspace with the core’s own message', async () => {
    const missing = join(dirname(tempWorkspacePath()), 'missing.fulcrum');
    await expect(startCoreHost({ dbPath: missing })).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('does not exist') as unknown });
    expect(existsSync(missing)).toBe(false);
  });

  it('uses a grant the host registered, once, and refuses a made-up one', async () => {
    const dbPath = tempWorkspacePath();
    const core = await host({ dbPath, create: true, files: { kind: 'grants' } });
    value(await core.dispatch('accounts.create', { name: 'Globex' }));
    const target = join(dirname(dbPath), 'accounts.csv');
    const token = core.grant(target, 'write');
    value(await core.dispatch('export.table', { table: 'accounts', format: 'csv', path: token }));
    expect(readFileSync(target, 'utf8')).toContain('Globex');
    const again = await core.dispatch('export.table', { table: 'accounts', format: 'csv', path: token });
    expect(!again.ok && again.error.message).toMatch(/already used/);
    const forged = await core.dispatch('export.table', { table: 'accounts', format: 'csv', path: `grant:${'0'.repeat(32)}` });
    expect(!forged.ok && forged.error.code).toBe('FORBIDDEN');
  });

  it('fails the calls in flight when the core dies, starts it again, and the next call works', async () => {
    const core = await host({ dbPath: tempWorkspacePath(), create: true });
    value(await core.dispatch('accounts.create', { name: 'Initech' }));
    const events: string[] = [];
    core.subscribe((event) => events.push(event.name));
    const inFlight = core.dispatch('accounts.list', {});
    await core.process.kill();
    const failed = await inFlight;
    // The list may have been answered before the kill landed; when not, it failed clearly.
    if (!failed.ok) expect(failed.error).toMatchObject({ code: 'CORE_STOPPED', message: expect.stringContaining('started again') as unknown });
    // Starting a worker through tsx takes seconds on a loaded machine.
    await expect.poll(() => events, { timeout: 60_000 }).toEqual(['core.stopped', 'core.restarted']);
    expect(core.restarts).toBe(1);
    const after = value<{ rows: { name: string }[] }>(await core.dispatch('accounts.list', {}));
    expect(after.rows.map((row) => row.name)).toEqual(['Initech']);
  });
});
