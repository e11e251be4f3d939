import type Database from 'better-sqlite3';
import { formatHlc } from './hlc';
import { GidMap, toHub, type HubData } from './rows';
import type { TableShape } from './tables';

// The outbox read as the hub's mutations (docs/team.md "Push"), one batch at a time.

export const BATCH = 500;

interface Change {
  seq: number;
  tbl: string;
  rowKey: string;
  gid: string;
  op: 'insert' | 'update' | 'delete';
  fields: string | null;
  hlc: number;
}

export interface Mutation {
  id: number;
  gid: string;
  tbl: string;
  op: Change['op'];
  hlc: string;
  data?: HubData;
  /** The references in `data` this row cannot live without (ON DELETE CASCADE, or polymorphic): the hub refuses it under a deleted one. */
  parents?: string[];
}

/** Per table, the columns whose parent's delete takes the row with it (a SET NULL reference only loses its link). */
function cascadingOf(sqlite: Database.Database, shape: TableShape): string[] {
  const fks = sqlite.prepare(`SELECT "from", on_delete AS onDelete FROM pragma_foreign_key_list(?)`).all(shape.table) as { from: string; onDelete: string }[];
  const cascading = fks.filter((fk) => shape.parents[fk.from] && fk.onDelete.toUpperCase() === 'CASCADE').map((fk) => fk.from);
  return shape.polymorphic ? [...cascading, shape.polymorphic.column] : cascading;
}

/**
 * Global ids looked up as `toHub` asks for them (one read by primary key each), so a batch reads
 * the few parents its rows name rather than every gid in `team_rows` (which grows with the
 * workspace: hundreds of thousands of rows at 20,000 accounts). One per batch: a key SQLite reuses
 * during the push gets a new gid, never a stale one.
 */
class LazyGids extends GidMap {
  constructor(private readonly lookup: Database.Statement) {
    super();
  }
  override gid(table: string, key: unknown): string | null {
    const known = super.gid(table, key);
    if (known !== null || (typeof key !== 'number' && typeof key !== 'string' && typeof key !== 'bigint')) return known;
    const gid = this.lookup.get(table, String(key)) as string | undefined;
    if (gid === undefined) return null;
    this.set(table, String(key), gid);
    return gid;
  }
}

/**
 * For each row and field, the last pending change that names it. An update sends a field's current
 * value, so only that last change carries it: an earlier one would send the end state too early
 * (a story moved idea → … → approved would reach the hub as approved before its customer's
 * approval, which is created between the moves). Read once per push; changes captured meanwhile
 * are not in it and carry their fields.
 */
export function lastNaming(sqlite: Database.Database): Map<string, number> {
  const last = new Map<string, number>();
  const rows = sqlite.prepare(`SELECT seq, gid, fields FROM team_changes WHERE op = 'update' AND fields IS NOT NULL ORDER BY seq`).iterate() as Iterable<{
    seq: number;
    gid: string;
    fields: string;
  }>;
  for (const row of rows) for (const field of row.fields.split(',')) last.set(`${row.gid}\t${field}`, row.seq);
  return last;
}

/** The outbox's next batch: an insert carries the whole row, an update the current values of the fields it is the last to name. */
export function nextBatch(sqlite: Database.Database, shapes: Map<string, TableShape>, clientId: string, last: Map<string, number>): Mutation[] {
  const changes = sqlite.prepare('SELECT seq, tbl, row_key AS rowKey, gid, op, fields, hlc FROM team_changes ORDER BY seq LIMIT ?').all(BATCH) as Change[];
  const gids = new LazyGids(sqlite.prepare('SELECT gid FROM team_rows WHERE tbl = ? AND row_key = ?').pluck());
  const reads = new Map<string, Database.Statement>();
  const cascades = new Map<string, string[]>();
  const parentsOf = (shape: TableShape) => {
    let columns = cascades.get(shape.table);
    if (!columns) cascades.set(shape.table, (columns = cascadingOf(sqlite, shape)));
    return columns;
  };
  const readOf = (shape: TableShape) => {
    let read = reads.get(shape.table);
    if (!read) {
      const where = shape.key.map((k) => `"${k}" = ?`).join(' AND ');
      reads.set(shape.table, (read = sqlite.prepare(`SELECT * FROM "${shape.table}" WHERE ${where}`)));
    }
    return read;
  };
  return changes.map((change) => {
    const mutation: Mutation = { id: change.seq, gid: change.gid, tbl: change.tbl, op: change.op, hlc: formatHlc(change.hlc, clientId) };
    const shape = shapes.get(change.tbl);
    if (change.op === 'delete' || !shape) return mutation;
    const keyValues = shape.key.length === 1 ? [change.rowKey] : (JSON.parse(change.rowKey) as unknown[]);
    const row = readOf(shape).get(...keyValues) as Record<string, unknown> | undefined;
    // A row already gone (its delete follows) goes as a delete: the hub stores nothing new, never an empty row that others' pulls fail on (teamScenario.test.ts).
    if (!row) return { ...mutation, op: 'delete' };
    const data = toHub(shape, row, gids);
    const parents = parentsOf(shape);
    if (change.op === 'update' && change.fields) {
      const fields = change.fields.split(',').filter((f) => (last.get(`${change.gid}\t${f}`) ?? change.seq) <= change.seq);
      return { ...mutation, data: Object.fromEntries(fields.filter((f) => f in data).map((f) => [f, data[f]])), parents };
    }
    return { ...mutation, data, parents };
  });
}
