// Issue 14: a table export is a long job like the archive: it reports rows as `jobs.progress` events
// of `export.table`, stops on jobs.cancel answering CANCELLED, and leaves no file (nor a temporary
// one) at the path the user chose; an earlier file there is kept as it was.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoWorkspace } from '../../electron/core/demo';
import { plainPaths } from '../../electron/core';
import type { ChangeEvent, Result } from '../../shared/rpc';
import { tempWorkspacePath, testCore, type TestCore } from '../fixtures/core';

const TODAY = '2026-11-18';
let core: TestCore;
let folder: string;

beforeAll(async () => {
  const dbPath = tempWorkspacePath();
  folder = dirname(dbPath);
  // 120 accounts: a few thousand tickets, several batches of a filtered (500-row pages) export.
  await generateDemoWorkspace(dbPath, { accounts: 120, seed: 5, today: TODAY });
  core = await testCore(dbPath, { files: plainPaths() });
}, 120_000);
afterAll(() => core?.close());

/**
 * The export.table progress events, and a cancel sent at the first report: the job's start (0 rows).
 * Not at the first report with rows done: reports within 100 ms of the last are dropped, so on a
 * quick machine that report is the last batch's (every row done) and the cancel lands only at the end.
 */
function watch(cancelAtFirst: boolean) {
  const seen: ChangeEvent[] = [];
  const cancels: Promise<Result<unknown>>[] = [];
  const stop = core.subscribe((event) => {
    if (event.name !== 'jobs.progress' || event.job !== 'export.table') return;
    seen.push(event);
    if (cancelAtFirst && cancels.length === 0) cancels.push(core.dispatch('jobs.cancel', { channel: 'export.table' }));
    // Held past the 100 ms drop at the start (listeners run inside the job's turn), so the first
    // batch's report is sent however quick the machine: one report between the first and the last.
    if (!cancelAtFirst && seen.length === 1) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 150);
  });
  return { seen, cancels, stop };
}

const partials = () => readdirSync(folder).filter((name) => name.endsWith('.partial'));

describe('export.table as a job', () => {
  it('reports rows as it goes and ends at the total the export wrote', async () => {
    const tickets = await core.call('tickets.list', { pageSize: 1 });
    const path = join(folder, 'tickets.csv');
    const watching = watch(false);
    const result = await core.call('export.table', { table: 'tickets', format: 'csv', path, query: {} });
    watching.stop();
    expect(result.rows).toBe(tickets.total);
    const last = watching.seen.at(-1)!;
    expect(last.progress).toEqual({ done: tickets.total, total: tickets.total });
    expect(last.phase).toBe('tickets');
    expect(watching.seen.some((event) => event.progress!.done > 0 && event.progress!.done < tickets.total)).toBe(true);
    // The header and one line per ticket (the demo's subjects have no line breaks).
    expect(readFileSync(path, 'utf8').trimEnd().split('\n')).toHaveLength(tickets.total + 1);
    expect(partials()).toEqual([]);
  });

  for (const format of ['csv', 'xlsx'] as const) {
    it(`cancelled (${format}), answers CANCELLED and leaves no file; an earlier file at the path is kept`, async () => {
      const fresh = join(folder, `cancelled.${format}`);
      const earlier = join(folder, `earlier.${format}`);
      writeFileSync(earlier, 'last week');
      for (const [path, query] of [
        [fresh, { sort: { field: 'openedAt', direction: 'asc' } }],
        [earlier, undefined],
      ] as const) {
        const watching = watch(true);
        const result = await core.dispatch('export.table', { table: 'tickets', format, path, ...(query ? { query } : {}) });
        watching.stop();
        expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED', message: expect.stringContaining('no file was written') as unknown } });
        expect(await Promise.all(watching.cancels)).toEqual([{ ok: true, value: { cancelled: 1 } }]);
        expect(watching.seen.at(-1)!.progress!.done).toBeLessThan(watching.seen.at(-1)!.progress!.total);
      }
      expect(existsSync(fresh)).toBe(false);
      expect(readFileSync(earlier, 'utf8')).toBe('last week');
      expect(partials()).toEqual([]);
      expect(await core.call('jobs.running', {})).toEqual({ channels: [] });
    });
  }

  it('a download cancelled the same way answers CANCELLED', async () => {
    const watching = watch(true);
    const result = await core.dispatch('export.download', { kind: 'table', table: 'tickets', format: 'csv', query: {} });
    watching.stop();
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
  });
});
