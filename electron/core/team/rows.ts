import type { TableShape } from './tables';
import { causeFromHub, causeToHub, ctaKeyOf } from './natural';

/** A SQLite row as the hub keeps it: columns by name, references as global ids (docs/team.md "Global ids"). */
export type HubData = Record<string, unknown>;

/** Global ids by table and local key, filled as rows are read (upload) or written (join). */
export class GidMap {
  private readonly byTable = new Map<string, Map<string, string>>();
  private readonly local = new Map<string, { table: string; key: string }>();
  set(table: string, key: string, gid: string): void {
    let map = this.byTable.get(table);
    if (!map) this.byTable.set(table, (map = new Map<string, string>()));
    map.set(key, gid);
    this.local.set(gid, { table, key });
  }
  gid(table: string, key: unknown): string | null {
    if (typeof key !== 'number' && typeof key !== 'string' && typeof key !== 'bigint') return null;
    return this.byTable.get(table)?.get(String(key)) ?? null;
  }
  entries(table: string): Iterable<[string, string]> {
    return this.byTable.get(table)?.entries() ?? [];
  }
  key(gid: unknown): string | null {
    return typeof gid === 'string' ? (this.local.get(gid)?.key ?? null) : null;
  }
}

/** Local row → hub data: the rowid key left out (a local detail), parents and polymorphic ids as global ids, local-only references as null. */
export function toHub(shape: TableShape, row: Record<string, unknown>, gids: GidMap): HubData {
  const data: HubData = {};
  const poly = shape.polymorphic;
  const gidOf = (table: string, key: unknown) => gids.gid(table, key);
  for (const column of shape.columns) {
    if (shape.rowid && column === shape.key[0]) continue;
    // A call to action's id holds local ids: each laptop makes its own from the row (ctaKeyOf).
    if (shape.table === 'calls_to_action' && column === 'id') continue;
    const parent = shape.parents[column];
    if (parent) data[column] = gids.gid(parent, row[column]);
    else if (poly?.column === column) {
      const table = poly.tableOf(row);
      data[column] = table ? gids.gid(table, row[column]) : null;
    } else if (shape.localRefs.includes(column)) data[column] = null;
    else if (shape.table === 'calls_to_action' && column === 'cause') data[column] = causeToHub(String(row[column]), gidOf) ?? row[column];
    else data[column] = row[column];
  }
  return data;
}

/** A local key as its column stores it: an integer id as a number, a text key (a call to action's id) as text. */
const keyValue = (key: string) => (/^-?\d+$/.test(key) ? Number(key) : key);

/** Hub data → a local row to insert (global ids back to this laptop's keys; the rowid left to SQLite). */
export function fromHub(shape: TableShape, data: HubData, gids: GidMap): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  const poly = shape.polymorphic;
  for (const column of shape.columns) {
    if (shape.rowid && column === shape.key[0]) continue;
    const value = data[column];
    if (shape.parents[column] || poly?.column === column) {
      const key = gids.key(value);
      row[column] = key === null ? null : keyValue(key);
    } else row[column] = value === undefined ? null : value;
  }
  if (shape.table === 'calls_to_action') {
    row.cause = causeFromHub(String(row.cause), (gid) => gids.key(gid));
    row.id = ctaKeyOf(row);
  }
  return row;
}
