// A workspace held by another process: a real second process holds a write transaction (as another
// Fulcrum's import does, with its busy mark). The core host waits for it in its worker, off this
// process's event loop, then answers BUSY naming the other Fulcrum's job; once it ends, a retry works.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { startCoreHost, type HostedCore } from '../../electron/core/host/client';
import { BUSY_KEY } from '../../electron/core/host/jobs';
import { tempWorkspacePath } from '../fixtures/core';

const running: { host?: HostedCore; holder?: ChildProcess } = {};
afterEach(async () => {
  running.holder?.kill();
  await running.host?.close();
});

/** Another Fulcrum in the middle of an import: its busy mark committed, then BEGIN IMMEDIATE held until killed. */
const HOLDER = `
const Database = require('better-sqlite3');
const db = new Database(process.argv[1]);
db.pragma('busy_timeout = 5000');
db.prepare("INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
  .run(${JSON.stringify(BUSY_KEY)}, JSON.stringify({ job: 'an import', pid: process.pid, since: new Date().toISOString() }), new Date().toISOString());
db.exec('BEGIN IMMEDIATE');
db.prepare("UPDATE settings SET updated_at = updated_at WHERE key = ?").run(${JSON.stringify(BUSY_KEY)});
process.stdout.write('held\\n');
setInterval(() => {}, 1000);
`;

describe('a workspace held by another process', () => {
  it('waits off the event loop, answers BUSY naming the other job, and works again once it is released', async () => {
    const dbPath = tempWorkspacePath();
    const host = (running.host = await startCoreHost({ dbPath, create: true }));
    const holder = (running.holder = spawn(process.execPath, ['-e', HOLDER, dbPath], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] }));
    await once(holder.stdout, 'data');

    // This process's event loop keeps turning while the core waits for the lock (5 s busy_timeout).
    let ticks = 0;
    const timer = setInterval(() => ticks++, 20);
    const result = await host.dispatch('accounts.create', { name: 'Waits for the lock' });
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(20);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('BUSY');
    expect(result.error.message).toMatch(/^the workspace is busy: an import is running in another Fulcrum \(since \d\d:\d\d UTC\); try again when it has finished$/);

    holder.kill();
    await once(holder, 'exit');
    const retried = await host.dispatch('accounts.create', { name: 'After the import' });
    expect(retried.ok).toBe(true);
  });
});
