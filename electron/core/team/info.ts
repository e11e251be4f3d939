import type { Context } from '../context';
import { contentHash } from './hash';
import { GidMap, toHub, type HubData } from './rows';
import { readState } from './state';
import { syncStateOf } from './syncState';
import { rowKeyOf, sharedOrder, sharedRowsSql } from './tables';

/** team.info: the workspace's team state and, on request, a content hash per shared table. */
export function teamInfo(ctx: Context, withHashes: boolean) {
  const { sqlite } = ctx;
  const state = readState(sqlite);
  const pendingChanges = sqlite.prepare('SELECT count(*) FROM team_changes').pluck().get() as number;
  return {
    inTeam: state.team_id !== undefined,
    teamId: state.team_id ?? null,
    clientId: state.client_id ?? null,
    pendingChanges,
    lastPulledSeq: state.last_pulled_seq === undefined ? null : Number(state.last_pulled_seq),
    ...syncStateOf(sqlite, ctx.now()),
    ...(withHashes ? { hashes: laptopHashes(ctx) } : {}),
  };
}

/** Each shared table's rows as the hub keeps them (rows not yet given a global id count under their local key). */
export function laptopHashes(ctx: Context): Record<string, string> {
  const { sqlite } = ctx;
  const gids = new GidMap();
  // Rows kept on this laptop only (marked, or refused by the hub) are not shared content.
  const localOnly = new Set<string>();
  for (const r of sqlite.prepare('SELECT tbl, row_key AS key, gid, local_only AS localOnly FROM team_rows WHERE deleted = 0').iterate() as Iterable<{
    tbl: string;
    key: string;
    gid: string;
    localOnly: number;
  }>) {
    if (r.localOnly) localOnly.add(`${r.tbl}\t${r.key}`);
    else gids.set(r.tbl, r.key, r.gid);
  }
  const hashes: Record<string, string> = {};
  sqlite.transaction(() => {
    for (const shape of sharedOrder(sqlite)) {
      const rows: { gid: string; data: HubData }[] = [];
      for (const row of sqlite.prepare(sharedRowsSql(shape.table)).iterate() as Iterable<Record<string, unknown>>) {
        const key = rowKeyOf(shape, row);
        if (localOnly.has(`${shape.table}\t${key}`)) continue;
        rows.push({ gid: gids.gid(shape.table, key) ?? `local:${key}`, data: toHub(shape, row, gids) });
      }
      hashes[shape.table] = contentHash(rows);
    }
  })();
  return hashes;
}
