// The team workspace against a real PostgreSQL (issue 19, "Measured"): the first upload (team init)
// of the benchmark workspace and the first join from it, in rows/s, beside a plain COPY of the same
// rows into the same server measured in the same run (the reference); incremental syncs of 1,000 and
// 10,000 changes with their times; and the event-loop delay of the process that hosts the UI while a
// sync runs in the core's own thread (electron/core/host) beside the same sync with the core in-process.
import { chmodSync, copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type Database from 'better-sqlite3';
import { createCore, plainPaths } from '../../electron/core';
import { startCoreHost } from '../../electron/core/host/client';
import type { Result } from '../../shared/rpc';
import { startPostgres } from '../fixtures/postgres';
import { ADMIN, addWriter, connect, createAdmin, memberUrl } from '../fixtures/team';
import type { Benchmark, Measurement } from './types';

const NOW = new Date('2026-11-01T09:00:00Z');
const INCREMENTS = [1_000, 10_000];

interface Caller {
  dispatch(channel: string, input: unknown): Promise<Result<unknown>>;
  close(): Promise<void>;
}

async function ask<T>(core: Caller, channel: string, input: unknown): Promise<T> {
  const result = await core.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

const open = (dbPath: string, create = false): Promise<Caller> => createCore({ dbPath, create, now: () => NOW, files: plainPaths(), dailyRefresh: false });

/**
 * Seconds `work` took, this process's event-loop delay (p99, max in ms) meanwhile, and how far its
 * resident memory rose above where it started (sampled every 50 ms and at the end, in MB).
 */
async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number; p99: number; max: number; grewMb: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  await new Promise((resolve) => setTimeout(resolve, 50));
  const base = process.memoryUsage().rss;
  let top = base;
  const sampler = setInterval(() => (top = Math.max(top, process.memoryUsage().rss)), 50);
  const started = performance.now();
  const value = await work();
  const seconds = (performance.now() - started) / 1000;
  top = Math.max(top, process.memoryUsage().rss);
  clearInterval(sampler);
  await new Promise((resolve) => setTimeout(resolve, 30));
  histogram.disable();
  return { value, seconds, p99: histogram.percentile(99) / 1e6, max: histogram.max / 1e6, grewMb: Math.round((top - base) / 2 ** 20) };
}

/** `n` captured changes on a laptop: an edit of n tickets' subjects (or accounts' when the workspace has too few tickets), in one transaction. */
function edit(core: Caller, n: number, round: number): void {
  const { sqlite } = (core as unknown as { context: { sqlite: Database.Database } }).context;
  const table = (sqlite.prepare('SELECT count(*) FROM tickets').pluck().get() as number) >= n ? 'tickets' : 'accounts';
  const column = table === 'tickets' ? 'subject' : 'name';
  sqlite.prepare(`UPDATE "${table}" SET "${column}" = "${column}" || ? WHERE id IN (SELECT id FROM "${table}" ORDER BY id LIMIT ?)`).run(` (edit ${round})`, n);
}

const rate = (rows: number, seconds: number) => Math.round(rows / seconds);
const n = (value: number) => Math.round(value).toLocaleString('en-US');

export const teamSyncBenchmark: Benchmark = {
  name: 'teamSync',
  description:
    'team against PostgreSQL: init and join of the benchmark workspace beside a plain COPY of the same rows; incremental syncs of 1,000 and 10,000 changes; the UI process’s event loop during a sync',
  async run(ctx) {
    const { path } = await ctx.workspace();
    // Under /tmp, not TMPDIR: the server (the postgres user) writes and reads the COPY file there itself.
    const dir = mkdtempSync('/tmp/fulcrum-bench-team-sync-');
    chmodSync(dir, 0o777);
    const server = await startPostgres();
    const su = await connect(server.url());
    const closers: Caller[] = [];
    try {
      await createAdmin(su);
      const creatorPath = join(dir, 'creator.fulcrum');
      copyFileSync(path, creatorPath);
      const creator = await open(creatorPath);
      closers.push(creator);

      ctx.log('  team init (first upload) ...');
      const init = await timed(() => ask<{ rows: number }>(creator, 'team.create', { server: server.url(ADMIN.user, ADMIN.password) }));
      const rows = init.value.rows;
      ctx.log(`  init: ${n(rows)} rows in ${init.seconds.toFixed(1)} s (${n(rate(rows, init.seconds))} rows/s); RSS rose ${n(init.grewMb)} MB`);

      // The reference: the same rows as the hub holds them, COPYed into a plain table of the same columns and key.
      const file = join(dir, 'rows.copy');
      await su.query(`COPY (SELECT gid, tbl, owner, data, clocks FROM team.rows) TO '${file}'`);
      await su.query('CREATE TABLE public.copy_reference (gid uuid PRIMARY KEY, tbl text NOT NULL, owner text, data jsonb NOT NULL, clocks jsonb NOT NULL)');
      const copy = await timed(() => su.query(`COPY public.copy_reference FROM '${file}'`));
      const copyRate = rate(rows, copy.seconds);
      ctx.log(`  COPY of the same rows: ${copy.seconds.toFixed(1)} s (${n(copyRate)} rows/s)`);

      const tables = (await su.query<{ tbl: string }>('SELECT DISTINCT tbl FROM team.rows')).rows.map((r) => r.tbl);
      await addWriter(su, 'bench', 'Bench', tables);
      const joinerPath = join(dir, 'joiner.fulcrum');
      const joiner = await open(joinerPath, true);
      closers.push(joiner);
      ctx.log('  team join (first download) ...');
      const joined = await timed(() => ask<{ rows: number }>(joiner, 'team.join', { server: memberUrl(server, 'bench') }));
      ctx.log(`  join: ${n(joined.value.rows)} rows in ${joined.seconds.toFixed(1)} s (${n(rate(joined.value.rows, joined.seconds))} rows/s); RSS rose ${n(joined.grewMb)} MB`);
      await joiner.close();
      closers.pop();

      const results: Measurement[] = [
        {
          name: `teamSync: init, ${n(rows)} rows / COPY of the same rows`,
          value: rate(rows, init.seconds) / copyRate,
          unit: 'x',
          limit: 0.1,
          better: 'higher',
          detail: `${n(rate(rows, init.seconds))} rows/s (${init.seconds.toFixed(1)} s, RSS rose ${n(init.grewMb)} MB) against COPY ${n(copyRate)} rows/s (${copy.seconds.toFixed(1)} s); init also writes the change log and the laptop's global ids`,
          reference: { value: copyRate, what: 'plain COPY into the same PostgreSQL' },
        },
        {
          name: `teamSync: join, ${n(joined.value.rows)} rows / COPY of the same rows`,
          value: rate(joined.value.rows, joined.seconds) / copyRate,
          unit: 'x',
          limit: 0.1,
          better: 'higher',
          detail: `${n(rate(joined.value.rows, joined.seconds))} rows/s (${joined.seconds.toFixed(1)} s, RSS rose ${n(joined.grewMb)} MB) against COPY ${n(copyRate)} rows/s`,
          reference: { value: copyRate, what: 'plain COPY into the same PostgreSQL' },
        },
      ];

      // Incremental: n changes on the creator; its sync pushes them (and pulls them back), the joiner's pulls them.
      // The joiner's pull runs with the core in its own thread, as the app runs it, beside the same pull in-process.
      for (const [round, count] of INCREMENTS.entries()) {
        edit(creator, count, round);
        const push = await timed(() => ask<{ pushed: number }>(creator, 'team.sync', { server: server.url(ADMIN.user, ADMIN.password) }));
        ctx.log(`  ${n(count)} changes: the creator's sync (push, and its own back) ${push.seconds.toFixed(1)} s`);
        const inProcessPath = join(dir, `joiner-${round}.fulcrum`);
        copyFileSync(joinerPath, inProcessPath);
        const inProcess = await open(inProcessPath);
        const pullHere = await timed(() => ask<{ pulled: number }>(inProcess, 'team.sync', { server: memberUrl(server, 'bench') }));
        await inProcess.close();
        const hosted = await startCoreHost({ dbPath: joinerPath, clock: { offsetMs: NOW.getTime() - Date.now() }, files: { kind: 'paths' } }, { reader: false });
        const pullHosted = await timed(() => ask<{ pulled: number }>(hosted, 'team.sync', { server: memberUrl(server, 'bench') }));
        await hosted.close();
        ctx.log(
          `  ${n(count)} changes: the joiner's pull ${pullHosted.seconds.toFixed(1)} s in the core's thread (UI loop p99 ${pullHosted.p99.toFixed(0)} ms, max ${pullHosted.max.toFixed(0)} ms); in-process ${pullHere.seconds.toFixed(1)} s (p99 ${pullHere.p99.toFixed(0)} ms, max ${pullHere.max.toFixed(0)} ms)`,
        );
        results.push(
          {
            name: `teamSync: ${n(count)} changes, push (creator's sync) / COPY rate`,
            value: rate(count, push.seconds) / copyRate,
            unit: 'x',
            limit: 0.01,
            better: 'higher',
            detail: `${push.seconds.toFixed(2)} s (${n(rate(count, push.seconds))} changes/s), including pulling its own changes back`,
          },
          {
            name: `teamSync: ${n(count)} changes, pull (joiner's sync) / COPY rate`,
            value: rate(pullHosted.value.pulled, pullHosted.seconds) / copyRate,
            unit: 'x',
            limit: 0.01,
            better: 'higher',
            detail: `${pullHosted.seconds.toFixed(2)} s for ${n(pullHosted.value.pulled)} log entries in the core's thread; in-process ${pullHere.seconds.toFixed(2)} s`,
          },
          {
            name: `teamSync: UI event loop p99 while ${n(count)} changes are pulled, core in its thread`,
            value: pullHosted.p99,
            unit: 'ms',
            limit: 50,
            better: 'lower',
            detail: `max ${pullHosted.max.toFixed(0)} ms; the same pull with the core in-process: p99 ${pullHere.p99.toFixed(0)} ms, max ${pullHere.max.toFixed(0)} ms`,
            reference: { value: pullHere.p99, what: 'the same pull with the core in the UI process' },
          },
        );
      }
      return results;
    } finally {
      for (const core of closers) await core.close().catch(() => undefined);
      await su.end().catch(() => undefined);
      server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
