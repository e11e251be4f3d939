// The laptop's side of a push (issue 19, docs/team.md "Push"): turning a batch of 500 outbox
// changes into the hub's mutations on the benchmark workspace in a team. Before, each batch read
// every global id in team_rows (loadGids: one per shared row, millions at 20,000 accounts) to name
// its rows' parents; now it looks up the few it needs (outbox.ts). Both are timed in the same run
// beside the floor: reading the same 500 rows by key with no gid work at all. No server is needed.
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { createCore, plainPaths } from '../../electron/core';
import { installCapture } from '../../electron/core/team/capture';
import { loadGids } from '../../electron/core/team/gids';
import { formatHlc } from '../../electron/core/team/hlc';
import { BATCH, lastNaming, nextBatch } from '../../electron/core/team/outbox';
import { toHub } from '../../electron/core/team/rows';
import { writeState } from '../../electron/core/team/state';
import { sharedOrder, type TableShape } from '../../electron/core/team/tables';
import type { Benchmark } from './types';

const CHANGES = 10_000;
const RUNS = 5;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function timedMs(work: () => unknown): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

interface Change {
  seq: number;
  tbl: string;
  rowKey: string;
  gid: string;
  op: string;
  fields: string | null;
  hlc: number;
}

/** The batch as push.ts built it before (c6ea504): every gid of the workspace loaded, then each row read and mapped. */
function oldBatch(sqlite: Database.Database, shapes: Map<string, TableShape>, clientId: string) {
  const changes = sqlite.prepare('SELECT seq, tbl, row_key AS rowKey, gid, op, fields, hlc FROM team_changes ORDER BY seq LIMIT ?').all(BATCH) as Change[];
  const gids = loadGids(sqlite);
  return changes.map((change) => {
    const mutation = { id: change.seq, gid: change.gid, tbl: change.tbl, op: change.op, hlc: formatHlc(change.hlc, clientId) };
    const shape = shapes.get(change.tbl)!;
    const row = sqlite.prepare(`SELECT * FROM "${shape.table}" WHERE "${shape.key[0]}" = ?`).get(change.rowKey) as Record<string, unknown>;
    const changed = new Set(change.fields!.split(','));
    return { ...mutation, data: Object.fromEntries(Object.entries(toHub(shape, row, gids)).filter(([k]) => changed.has(k))) };
  });
}

/** The floor: the same 500 rows read by key, nothing mapped. */
function plainBatch(sqlite: Database.Database): number {
  const changes = sqlite.prepare('SELECT tbl, row_key AS rowKey FROM team_changes ORDER BY seq LIMIT ?').all(BATCH) as { tbl: string; rowKey: string }[];
  const read = sqlite.prepare('SELECT * FROM contacts WHERE id = ?');
  let n = 0;
  for (const change of changes) if (read.get(change.rowKey)) n++;
  return n;
}

export const teamOutboxBenchmark: Benchmark = {
  name: 'teamOutbox',
  description: `team push, the laptop's side: a batch of ${BATCH} outbox changes (of ${CHANGES.toLocaleString('en-US')}) as the hub's mutations, gids looked up as named vs every gid loaded per batch`,
  async run(ctx) {
    const { path } = await ctx.workspace();
    const dir = mkdtempSync(join(tmpdir(), 'fulcrum-bench-outbox-'));
    const copy = join(dir, 'outbox.fulcrum');
    copyFileSync(path, copy);
    const core = await createCore({ dbPath: copy, create: false, now: () => new Date('2026-11-01T09:00:00Z'), files: plainPaths(), dailyRefresh: false });
    try {
      const { sqlite } = core.context;
      const shapes = sharedOrder(sqlite);
      const clientId = randomUUID();
      // What team init leaves behind, without a server: a gid for every shared row, the state, the triggers.
      ctx.log('  giving every shared row a global id ...');
      sqlite.transaction(() => {
        for (const shape of shapes) {
          if (shape.key.length !== 1) continue;
          sqlite.exec(`INSERT INTO team_rows (tbl, row_key, gid) SELECT '${shape.table}', CAST("${shape.key[0]}" AS TEXT), lower(hex(randomblob(16))) FROM "${shape.table}"`);
        }
      })();
      writeState(sqlite, { team_id: randomUUID(), client_id: clientId, hlc: 0, offset_ms: 0, last_pulled_seq: 0 });
      installCapture(sqlite);
      const gidCount = sqlite.prepare('SELECT count(*) FROM team_rows').pluck().get() as number;
      sqlite.prepare(`UPDATE contacts SET title = coalesce(title, '') || ' (edited)' WHERE id IN (SELECT id FROM contacts ORDER BY id LIMIT ?)`).run(CHANGES);
      const pending = sqlite.prepare('SELECT count(*) FROM team_changes').pluck().get() as number;
      const byTable = new Map(shapes.map((s) => [s.table as string, s]));
      const olds: number[] = [];
      const news: number[] = [];
      const plains: number[] = [];
      let naming = 0;
      // The old way once: it takes minutes a batch at this size, and it is only the limit.
      olds.push(timedMs(() => oldBatch(sqlite, byTable, clientId)));
      for (let run = 0; run < RUNS; run++) {
        naming = timedMs(() => lastNaming(sqlite));
        const last = lastNaming(sqlite);
        news.push(timedMs(() => nextBatch(sqlite, byTable, clientId, last)));
        plains.push(timedMs(() => plainBatch(sqlite)));
      }
      const [oldMs, newMs, plainMs] = [median(olds), median(news), median(plains)];
      const batches = Math.ceil(pending / BATCH);
      ctx.log(`  ${gidCount.toLocaleString('en-US')} gids, ${pending.toLocaleString('en-US')} pending changes (${batches} batches)`);
      ctx.log(
        `  per batch: every gid loaded ${oldMs.toFixed(1)} ms, gids as named ${newMs.toFixed(1)} ms, plain read ${plainMs.toFixed(1)} ms; the outbox's field map once per push ${naming.toFixed(1)} ms`,
      );
      return [
        {
          name: `teamOutbox: a batch of ${BATCH} changes as mutations, gids as named`,
          value: newMs,
          unit: 'ms',
          // Held to what it was: every gid loaded per batch.
          limit: oldMs,
          better: 'lower',
          detail: `${gidCount.toLocaleString('en-US')} gids in the workspace; ${batches} batches for ${pending.toLocaleString('en-US')} changes: ${((batches * newMs + naming) / 1000).toFixed(2)} s now, ${((batches * oldMs) / 1000).toFixed(2)} s before (one run; the rest median of ${RUNS})`,
          reference: { value: plainMs, what: `the same ${BATCH} rows read by key, nothing mapped` },
        },
      ];
    } finally {
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
