import type { Context } from '../context';
import { pausePoint } from '../db/pausePoint';
import { loadGids } from './gids';
import { advancePast } from './hlc';
import { fromHub, type HubData } from './rows';
import type { Hub } from './server/schema';
import { readState, writeState } from './state';
import { rowKeyOf, type TableShape } from './tables';

const PAGE = 1_000;

interface LogEntry {
  seq: number;
  gid: string;
  tbl: string;
  op: 'upsert' | 'delete';
  data: HubData;
  clocks: Record<string, string>;
  client_id: string | null;
}

/** Pulls the hub's change log from the cursor, page by page; each page and its cursor commit together (resumable). */
export async function pullLog(ctx: Context, hub: Hub, shapes: Map<string, TableShape>): Promise<number> {
  let cursor = Number(readState(ctx.sqlite).last_pulled_seq ?? 0);
  let pulled = 0;
  for (;;) {
    const page = await hub
      .selectFrom('team.change_log')
      .select(['seq', 'gid', 'tbl', 'op', 'data', 'clocks', 'client_id'])
      .where('seq', '>', cursor)
      .orderBy('seq')
      .limit(PAGE)
      .execute();
    if (page.length === 0) break;
    cursor = page.at(-1)!.seq;
    pulled += applyPage(ctx, shapes, page, cursor);
    pausePoint('team-pull-between-pages'); // tests only: a page and its cursor committed, the next not yet read (teamFaults.test.ts)
  }
  return pulled;
}

/** Applies one page of the hub's log with capture muted; the cursor is stored in the same transaction. */
function applyPage(ctx: Context, shapes: Map<string, TableShape>, entries: LogEntry[], cursor: number): number {
  const { sqlite } = ctx;
  let applied = 0;
  sqlite.transaction(() => {
    writeState(sqlite, { muted: 1 });
    const gids = loadGids(sqlite);
    let hlc = Number(readState(sqlite).hlc ?? 0);
    for (const entry of entries) {
      for (const clock of Object.values(entry.clocks)) hlc = advancePast(hlc, clock, ctx.now().getTime());
      // Its own changes come back as the hub merged them: applied like anyone's (the hub's value wins).
      const shape = shapes.get(entry.tbl);
      if (!shape) continue;
      const local = sqlite.prepare('SELECT row_key AS rowKey, deleted FROM team_rows WHERE gid = ?').get(entry.gid) as { rowKey: string; deleted: number } | undefined;
      const keyWhere = shape.key.length === 1 ? `"${shape.key[0]}" = ?` : shape.key.map((k) => `"${k}" = ?`).join(' AND ');
      const keyValues = (key: string) => (shape.key.length === 1 ? [key] : (JSON.parse(key) as unknown[]));
      if (entry.op === 'delete') {
        if (local && !local.deleted) {
          sqlite.prepare(`DELETE FROM "${shape.table}" WHERE ${keyWhere}`).run(...keyValues(local.rowKey));
          sqlite.prepare('UPDATE team_rows SET deleted = 1 WHERE gid = ?').run(entry.gid);
          applied++;
        }
        continue;
      }
      const row = fromHub(shape, entry.data, gids);
      if (local && !local.deleted) {
        const columns = Object.keys(row).filter((c) => !shape.key.includes(c) || shape.rowid);
        sqlite
          .prepare(`UPDATE "${shape.table}" SET ${columns.map((c) => `"${c}" = ?`).join(', ')} WHERE ${keyWhere}`)
          .run(...columns.map((c) => row[c]), ...keyValues(local.rowKey));
        sqlite.prepare('UPDATE team_rows SET version = version + 1 WHERE gid = ?').run(entry.gid);
      } else if (!local) {
        const columns = Object.keys(row);
        const result = sqlite
          .prepare(`INSERT INTO "${shape.table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
          .run(...columns.map((c) => row[c]));
        const key = shape.rowid ? String(result.lastInsertRowid) : rowKeyOf(shape, row);
        sqlite.prepare('INSERT INTO team_rows (tbl, row_key, gid) VALUES (?, ?, ?)').run(shape.table, key, entry.gid);
        gids.set(shape.table, key, entry.gid);
      }
      applied++;
    }
    sqlite.prepare(`DELETE FROM team_state WHERE key = 'muted'`).run();
    writeState(sqlite, { hlc, last_pulled_seq: cursor });
  })();
  return applied;
}
