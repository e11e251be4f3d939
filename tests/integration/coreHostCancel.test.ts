// Progress and cancel through the core host protocol: an import in the core's worker sends its
// progress as it goes, and aborting the call (the protocol's `cancel {id}`) stops it with nothing written.
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCoreHost, type HostedCore } from '../../electron/core/host/client';
import type { ChangeEvent } from '../../shared/rpc';
import { tempWorkspacePath } from '../fixtures/core';
import { accountsCsv, ticketsCsv, writeFixture } from '../fixtures/import/generate';

let host: HostedCore | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

describe('a long import through the core host', () => {
  it('reports progress and stops when the call is aborted, writing nothing', async () => {
    const dbPath = tempWorkspacePath();
    const dir = dirname(dbPath);
    host = await startCoreHost({ dbPath, create: true, files: { kind: 'paths' } });
    const accounts = writeFixture(dir, 'accounts.csv', accountsCsv(100));
    const seeded = await host.dispatch('import.commit', { jobId: 'accounts', path: accounts, into: 'accounts', preset: 'crm-accounts' });
    expect(seeded.ok).toBe(true);
    const tickets = writeFixture(dir, 'tickets.csv', ticketsCsv(300_000, 100));

    const stop = new AbortController();
    const progress: ChangeEvent[] = [];
    host.subscribe((event) => {
      if (event.name !== 'import.progress') return;
      progress.push(event);
      stop.abort();
    });
    const result = await host.dispatch('import.commit', { jobId: 'tickets', path: tickets, into: 'tickets', preset: 'helpdesk-tickets' }, { signal: stop.signal });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ cancelled: true, committed: false });
    expect(progress.length).toBeGreaterThan(0);
    expect(progress[0]!.progress!.done).toBeLessThan(300_000);
    const list = await host.dispatch('tickets.list', { pageSize: 1 });
    expect(list.ok && (list.value as { total: number }).total).toBe(0);
  });
});
