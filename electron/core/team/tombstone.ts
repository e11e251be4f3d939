import type Database from 'better-sqlite3';
import { rowKeyOf, type TableShape } from './tables';

/**
 * Tombstones on the laptop (docs/team.md "Push, pull and merge"): a pulled delete wins over edits
 * made here since, and takes the rows under it with it exactly as SQLite's own ON DELETE CASCADE
 * does, but with their global ids marked deleted and their pending changes dropped (the pull's
 * writes are not captured, so nothing else would). A row pulled under a parent that is a tombstone
 * here (or that this laptop never had) is itself a tombstone here: never a failed page, never a
 * resurrected parent.
 */

/** A local key as its column stores it: an integer id as a number, a text key as text. */
export const keyValue = (key: string) => (/^-?\d+$/.test(key) ? Number(key) : key);

export interface ChildLink {
  table: string;
  column: string;
  /** SQLite's ON DELETE action, upper case: CASCADE, SET NULL, NO ACTION… */
  onDelete: string;
}

/** For each shared table, the shared tables whose rows point at it, and what SQLite does to them on its delete. */
export function childLinks(sqlite: Database.Database, shapes: Iterable<TableShape>): Map<string, ChildLink[]> {
  const links = new Map<string, ChildLink[]>();
  for (const shape of shapes) {
    const fks = sqlite.prepare(`SELECT "table", "from", on_delete AS onDelete FROM pragma_foreign_key_list(?)`).all(shape.table) as {
      table: string;
      from: string;
      onDelete: string;
    }[];
    for (const fk of fks) {
      if (!shape.parents[fk.from]) continue;
      let list = links.get(fk.table);
      if (!list) links.set(fk.table, (list = []));
      list.push({ table: shape.table, column: fk.from, onDelete: fk.onDelete.toUpperCase() });
    }
  }
  return links;
}

/** What a parent reference's on-delete rule is (CASCADE when unknown: the safe reading is "no parent, no row"). */
export function onDeleteOf(links: Map<string, ChildLink[]>, parent: string, child: string, column: string): string {
  return links.get(parent)?.find((l) => l.table === child && l.column === column)?.onDelete ?? 'CASCADE';
}

/**
 * Whether a row read from the hub must be a tombstone here: a reference (ON DELETE CASCADE) names a
 * parent gid that `known` does not find (deleted on the hub, so never sent to this laptop).
 */
export function underMissingParent(links: Map<string, ChildLink[]>, shape: TableShape, data: Record<string, unknown>, known: (gid: string) => boolean): boolean {
  return Object.entries(shape.parents).some(([column, parent]) => {
    const gid = data[column];
    return typeof gid === 'string' && !known(gid) && onDeleteOf(links, parent, shape.table, column) === 'CASCADE';
  });
}

export interface Doomed {
  table: string;
  key: string;
  gid: string | null;
}

/**
 * The rows a delete of (`table`, `key`) takes with it through ON DELETE CASCADE, children first
 * order not needed (SQLite deletes them), each with its global id when it has one.
 */
export function cascadeOf(sqlite: Database.Database, links: Map<string, ChildLink[]>, shapes: Map<string, TableShape>, table: string, key: string): Doomed[] {
  const doomed: Doomed[] = [];
  const gidOf = sqlite.prepare('SELECT gid FROM team_rows WHERE tbl = ? AND row_key = ? AND deleted = 0').pluck();
  const queue: { table: string; key: string }[] = [{ table, key }];
  while (queue.length > 0) {
    const parent = queue.shift()!;
    for (const link of links.get(parent.table) ?? []) {
      if (link.onDelete !== 'CASCADE') continue;
      const shape = shapes.get(link.table);
      if (!shape) continue;
      const rows = sqlite.prepare(`SELECT * FROM "${shape.table}" WHERE "${link.column}" = ?`).all(keyValue(parent.key)) as Record<string, unknown>[];
      for (const row of rows) {
        const childKey = rowKeyOf(shape, row);
        doomed.push({ table: shape.table, key: childKey, gid: (gidOf.get(shape.table, childKey) as string | undefined) ?? null });
        queue.push({ table: shape.table, key: childKey });
      }
    }
  }
  return doomed;
}
