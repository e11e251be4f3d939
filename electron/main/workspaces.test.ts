import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChangeEvent } from '../../shared/rpc';
import { createCore } from '../core';
import { readSettings, writeSettings } from './settings';
import { WorkspaceHost, type WorkspaceHostOptions } from './workspaces';

let dir: string;
let host: WorkspaceHost | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fulcrum-workspaces-'));
});

afterEach(async () => {
  await host?.close();
  host = undefined;
  rmSync(dir, { recursive: true, force: true });
});

/** A stand-in for the demo generator: an empty workspace is enough to test the shell. */
async function emptyWorkspace(path: string): Promise<void> {
  if (existsSync(path)) return;
  const core = await createCore({ dbPath: path, create: true });
  await core.close();
}

function makeHost(overrides: Partial<WorkspaceHostOptions> = {}) {
  const events: ChangeEvent[] = [];
  const options = {
    settingsFile: join(dir, 'userData', 'settings.json'),
    demoPath: join(dir, 'userData', 'demo.fulcrum'),
    ensureDemo: vi.fn(emptyWorkspace),
    showError: vi.fn<(title: string, message: string) => void>(),
    log: vi.fn(),
    onEvent: (event: ChangeEvent) => events.push(event),
    onChange: vi.fn<(change: { switched: boolean }) => void>(),
    ...overrides,
  } satisfies WorkspaceHostOptions;
  host = new WorkspaceHost(options);
  return { host, options, events };
}

async function info(host: WorkspaceHost) {
  const result = await host.current!.dispatch('workspace.info', {});
  if (!result.ok) throw new Error(result.error.message);
  return result.value as { path: string };
}

describe('WorkspaceHost', () => {
  it('opens the demo workspace on a first start, creating it', async () => {
    const { host, options } = makeHost();
    expect(await host.openInitial()).toBe(true);
    expect(options.ensureDemo).toHaveBeenCalledWith(options.demoPath);
    expect(host.currentPath).toBe(options.demoPath);
    expect((await info(host)).path).toBe(options.demoPath);
    expect(readSettings(options.settingsFile)).toEqual({ lastWorkspace: options.demoPath, recent: [options.demoPath] });
  });

  it('reopens the last workspace at the next start', async () => {
    const acme = join(dir, 'acme.fulcrum');
    await emptyWorkspace(acme);
    writeSettings(join(dir, 'userData', 'settings.json'), { lastWorkspace: acme, recent: [acme] });
    const { host, options } = makeHost();
    await host.openInitial();
    expect(host.currentPath).toBe(acme);
    expect(options.ensureDemo).not.toHaveBeenCalled();
  });

  it('falls back to the demo when the last workspace cannot be opened, and says why', async () => {
    const newer = join(dir, 'newer.fulcrum');
    await emptyWorkspace(newer);
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(newer);
    db.pragma('user_version = 9999');
    db.close();
    writeSettings(join(dir, 'userData', 'settings.json'), { lastWorkspace: newer, recent: [newer] });
    const { host, options } = makeHost();
    await host.openInitial();
    expect(options.showError).toHaveBeenCalledWith('Could not open the workspace', expect.stringMatching(/newer version of Fulcrum/));
    expect(host.currentPath).toBe(options.demoPath);
  });

  it('switches workspace: the old core is closed, events come from the new one', async () => {
    const { host, options, events } = makeHost();
    await host.openInitial();
    const demoCore = host.current!;
    const acme = join(dir, 'acme.fulcrum');
    await emptyWorkspace(acme);

    expect(await host.open(acme)).toBe(true);
    expect(host.currentPath).toBe(acme);
    expect((await info(host)).path).toBe(acme);
    expect(demoCore.context.sqlite.open).toBe(false);
    expect(options.onChange).toHaveBeenLastCalledWith({ switched: true });
    expect(host.recent).toEqual([acme, options.demoPath]);

    demoCore.context.emit({ name: 'accounts.changed' });
    host.current!.context.emit({ name: 'deals.changed', ids: [1] });
    expect(events).toEqual([{ name: 'deals.changed', ids: [1] }]);
  });

  it('keeps the previous workspace when the new one is not a workspace', async () => {
    const { host, options } = makeHost();
    await host.openInitial();
    const before = host.current;
    const notes = join(dir, 'notes.db');
    writeFileSync(notes, 'this is not a database, just text that is long enough to be looked at'.repeat(20));

    expect(await host.open(notes)).toBe(false);
    expect(options.showError).toHaveBeenCalledWith('Could not open the workspace', expect.stringMatching(/not a Fulcrum workspace/));
    expect(host.current).toBe(before);
    expect(host.currentPath).toBe(options.demoPath);
    expect((await info(host)).path).toBe(options.demoPath);
    expect(host.recent).not.toContain(notes);
  });

  it('does not create a workspace in place of a recent file that is gone, and forgets it', async () => {
    const gone = join(dir, 'gone.fulcrum');
    await emptyWorkspace(gone);
    const { host, options } = makeHost();
    await host.open(gone);
    await host.openDemo();
    rmSync(gone);

    expect(await host.open(gone)).toBe(false);
    expect(existsSync(gone)).toBe(false);
    expect(host.currentPath).toBe(options.demoPath);
    expect(host.recent).toEqual([options.demoPath]);
    expect(options.showError).toHaveBeenCalledWith('Could not open the workspace', expect.stringMatching(/does not exist/));
  });

  it('refuses to open an empty file, naming it, and leaves it empty (File › Open… never adopts one)', async () => {
    const { host, options } = makeHost();
    await host.openInitial();
    const empty = join(dir, 'empty.fulcrum');
    writeFileSync(empty, '');

    expect(await host.open(empty)).toBe(false);
    expect(options.showError).toHaveBeenCalledWith('Could not open the workspace', `${empty} is empty, not a Fulcrum workspace; it was left as it is`);
    expect(statSync(empty).size).toBe(0);
    expect(existsSync(`${empty}-wal`)).toBe(false);
    expect(host.currentPath).toBe(options.demoPath);
    expect(host.recent).not.toContain(empty);
  });

  it('creates only when asked: New makes the file, Open of the same name before did not', async () => {
    const { host } = makeHost();
    const fresh = join(dir, 'fresh.fulcrum');
    expect(await host.open(fresh)).toBe(false);
    expect(existsSync(fresh)).toBe(false);
    expect(await host.create(fresh)).toBe(true);
    expect(statSync(fresh).size).toBeGreaterThan(0);
    expect((await info(host)).path).toBe(fresh);
  });

  it('creates a new empty workspace, adding .fulcrum, and never overwrites a file', async () => {
    const { host, options } = makeHost();
    expect(await host.create(join(dir, 'client'))).toBe(true);
    expect(host.currentPath).toBe(join(dir, 'client.fulcrum'));
    expect(existsSync(join(dir, 'client.fulcrum'))).toBe(true);

    const existing = join(dir, 'existing.fulcrum');
    writeFileSync(existing, 'keep me');
    expect(await host.create(existing)).toBe(false);
    expect(options.showError).toHaveBeenCalledWith('The file already exists', expect.stringMatching(/does not overwrite/));
    expect(host.currentPath).toBe(join(dir, 'client.fulcrum'));
  });

  it('runs opens one after another', async () => {
    const { host } = makeHost();
    const a = join(dir, 'a.fulcrum');
    const b = join(dir, 'b.fulcrum');
    await emptyWorkspace(a);
    await emptyWorkspace(b);
    await Promise.all([host.open(a), host.open(b), host.open(a)]);
    expect(host.currentPath).toBe(a);
    expect(host.recent).toEqual([a, b]);
  });

  it('clears the recent list', async () => {
    const { host, options } = makeHost();
    await host.openInitial();
    host.clearRecent();
    expect(host.recent).toEqual([]);
    expect(readSettings(options.settingsFile).recent).toEqual([]);
    expect(options.onChange).toHaveBeenLastCalledWith({ switched: false });
  });
});
