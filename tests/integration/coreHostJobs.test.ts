// Long jobs other than the import (issue 14): a rebuild and a health recompute in the core's worker
// report `jobs.progress` as they go, and stop when cancelled (the host protocol's `cancel {id}` or
// the jobs.cancel channel), answering CANCELLED and keeping the previous derived data untouched.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoWorkspace } from '../../electron/core/demo';
import { startCoreHost, type HostedCore } from '../../electron/core/host/client';
import type { ChangeEvent, Result } from '../../shared/rpc';
import { tempWorkspacePath } from '../fixtures/core';

const TODAY = '2026-11-18';
let host: HostedCore;
let dbPath: string;

/** What the derived tables hold, read by a second connection (WAL: the last committed state). */
function derivedState() {
  const sqlite = new Database(dbPath, { readonly: true });
  try {
    return {
      rollups: sqlite.prepare('SELECT count(*) AS n, sum(length(data)) AS bytes, sum(account_id * month) AS keys FROM rollup_account_month').get(),
      builtAt: sqlite.prepare('SELECT built_at FROM rollup_state WHERE id = 1').pluck().get(),
      snapshots: sqlite.prepare('SELECT count(*) AS n, max(id) AS last FROM health_snapshots').get(),
    };
  } finally {
    sqlite.close();
  }
}

/** Collects one job's progress events, and runs `onFirst` at the first report of `phase`. */
function watch(job: string, phase: string, onFirst: () => void): ChangeEvent[] {
  const seen: ChangeEvent[] = [];
  let fired = false;
  host.subscribe((event) => {
    if (event.name !== 'jobs.progress' || event.job !== job) return;
    seen.push(event);
    if (!fired && event.phase === phase && event.progress!.done > 0) {
      fired = true;
      onFirst();
    }
  });
  return seen;
}

beforeAll(async () => {
  dbPath = tempWorkspacePath();
  // 1,500 accounts: the rebuild takes six batches, the recompute three steps.
  await generateDemoWorkspace(dbPath, { accounts: 1_500, seed: 11, today: TODAY });
  host = await startCoreHost({ dbPath, dailyRefresh: false, files: { kind: 'paths' }, clock: { offsetMs: new Date(`${TODAY}T12:00:00Z`).getTime() - Date.now() } });
}, 120_000);
afterAll(() => host?.close());

describe('a rebuild through the core host', () => {
  it('reports progress, and an aborted call answers CANCELLED with the previous rollups kept', async () => {
    const before = derivedState();
    const portfolio = await host.dispatch('metrics.portfolio', {});
    const stop = new AbortController();
    const progress = watch('metrics.rebuild', 'rollups', () => stop.abort());
    const result = await host.dispatch('metrics.rebuild', {}, { signal: stop.signal });
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED', message: expect.stringContaining('previous rollups') as unknown } });
    expect(progress.some((event) => event.phase === 'rollups' && event.progress!.done < event.progress!.total)).toBe(true);
    expect(derivedState()).toEqual(before);
    expect(await host.dispatch('metrics.portfolio', {})).toEqual(portfolio);
  });

  it('runs to its end when nobody cancels, reporting every phase', async () => {
    const before = derivedState();
    const progress = watch('metrics.rebuild', 'rollups', () => undefined);
    const result = (await host.dispatch('metrics.rebuild', {})) as Result<{ accountMonths: number }>;
    expect(result.ok).toBe(true);
    expect(new Set(progress.map((event) => event.phase))).toEqual(new Set(['arr', 'rollups', 'health']));
    const after = derivedState();
    expect(result.ok && result.value.accountMonths).toBe((before.rollups as { n: number }).n);
    // Rebuilt from the same rows: the same rollups, written again at a later time.
    expect(after.rollups).toEqual(before.rollups);
    expect(after.builtAt).not.toBe(before.builtAt);
  });
});

describe('a health recompute through the core host', () => {
  it('stops on jobs.cancel, keeping the previous snapshots; jobs.cancel with nothing running says 0', async () => {
    const before = derivedState();
    const cancels: Promise<Result<unknown>>[] = [];
    watch('health.recompute', 'health', () => cancels.push(host.dispatch('jobs.cancel', { channel: 'health.recompute' })));
    const result = await host.dispatch('health.recompute', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(await Promise.all(cancels)).toEqual([{ ok: true, value: { cancelled: 1 } }]);
    expect(derivedState()).toEqual(before);
    expect(await host.dispatch('jobs.cancel', { channel: 'health.recompute' })).toEqual({ ok: true, value: { cancelled: 0 } });
    expect(await host.dispatch('jobs.running', {})).toEqual({ ok: true, value: { channels: [] } });
  });

  it('refuses a channel that is not a long job, naming the ones that are', async () => {
    const result = await host.dispatch('jobs.cancel', { channel: 'accounts.list' });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('metrics.rebuild') as unknown } });
  });
});

describe('an archive export through the core host', () => {
  it('reports rows as it goes; cancelled, it leaves no file at the path and an earlier file there as it was', async () => {
    const folder = dirname(dbPath);
    const fresh = join(folder, 'cancelled.json');
    const earlier = join(folder, 'earlier.json');
    writeFileSync(earlier, 'the archive of last week');
    for (const path of [fresh, earlier]) {
      const stop = new AbortController();
      const progress = watch('export.archive', 'tickets', () => stop.abort());
      const result = await host.dispatch('export.archive', { path }, { signal: stop.signal });
      expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED', message: expect.stringContaining('no file was written') as unknown } });
      expect(progress.at(-1)!.progress!.done).toBeLessThan(progress.at(-1)!.progress!.total);
    }
    expect(existsSync(fresh)).toBe(false);
    expect(readFileSync(earlier, 'utf8')).toBe('the archive of last week');
    expect(readdirSync(folder).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('runs to its end when nobody cancels: the file is the whole workspace, and no temporary file is left', async () => {
    const path = join(dirname(dbPath), 'whole.json');
    const progress = watch('export.archive', 'tickets', () => undefined);
    const result = (await host.dispatch('export.archive', { path })) as Result<{ tables: Record<string, number> }>;
    expect(result.ok).toBe(true);
    const archive = JSON.parse(readFileSync(path, 'utf8')) as { tables: Record<string, { rows: unknown[] }> };
    const tickets = (await host.dispatch('tickets.list', { pageSize: 1 })) as Result<{ total: number }>;
    expect(archive.tables.tickets!.rows.length).toBe(tickets.ok && tickets.value.total);
    expect(result.ok && result.value.tables.tickets).toBe(archive.tables.tickets!.rows.length);
    const last = progress.at(-1)!.progress!;
    expect(last.done).toBe(last.total);
    expect(readdirSync(dirname(dbPath)).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });
});
