import type Database from 'better-sqlite3';
import { recordArrChange } from '../metrics/arrHistory';
import type { Record_ } from './convert';
import { LOWER, tempKeyTable } from './lookups';
import { snake, type TargetDef } from './targets';
import type { ReferenceStage } from '../../../shared/contract/references';
import { stagePath } from './referenceStages';

// Bulk writes for an import: prepared statements cached per set of columns (rows that leave a
// column out get the table's default), run inside the import's one transaction by the caller.
// The tables' afterWrite hooks are not run per row; the import rebuilds derived data once at the end.

export interface Writer {
  /** A shape of inserted records (their keys in order), numbered in the order given (front.ts's `newShapes`). */
  addShape(keys: readonly string[]): void;
  /** Inserts rows already flattened by front.ts: per row its shape, its values in `values` in the shape's key order. */
  insertRows(shapes: readonly number[], values: readonly unknown[], accountIds: readonly number[]): void;
  update(id: number, record: Record_): void;
  /** Writes the rows still buffered; call before commit. */
  flush(): void;
  /**
   * Activity targets only: the accounts whose rows were inserted or updated (before and after an
   * update), so derived data is refreshed for them instead of rebuilt for every account.
   */
  touched?: Set<number>;
  /** Activity targets only: what was written, for a refresh from the written rows alone (derived/refreshAccounts.ts). */
  activity?: ActivityWritten;
}

/** An activity import's rows: those it inserted (ids above `insertedAfterId`) and the accounts of those it updated. */
export interface ActivityWritten {
  table: string;
  /** The table's highest id before the import: AUTOINCREMENT gives every inserted row a higher one. */
  insertedAfterId: number;
  /** Accounts of updated rows, before and after the update: their derived data is refreshed from all their rows. */
  updatedAccounts: Set<number>;
}

/** Tables whose rows feed an account's rollups or health (the tables that name derived/hooks.ts). */
const ACTIVITY = new Set(['tickets', 'survey_responses', 'touchpoints', 'deployments']);

type AccountArr = Parameters<typeof recordArrChange>[2];

/** A record's value as bound: flags 0/1, JSON columns as text, absent as null. */
export function bindable(flags: ReadonlySet<string>, json: ReadonlySet<string>, key: string, value: unknown): unknown {
  if (flags.has(key)) return value ? 1 : 0;
  if (json.has(key)) return JSON.stringify(value);
  return value === undefined ? null : value;
}

/** Rows per INSERT statement: one native call and bind per 50 rows instead of per row. */
const ROWS_PER_INSERT = 50;

interface InsertShape {
  one: Database.Statement;
  many: Database.Statement;
  width: number;
  /** The bound parameters of one many-row statement, reused: filled in place, never reallocated. */
  buffer: unknown[];
  /** One row's parameters, reused for a short batch's rows. */
  single: unknown[];
  rows: number;
}

export function createWriter(sqlite: Database.Database, def: TargetDef, now: Date): Writer {
  const stamp = now.toISOString();
  const shapes: InsertShape[] = [];
  const updates = new Map<string, Database.Statement>();
  const flags = new Set(def.flags ?? []);
  const json = new Set(def.json ?? []);
  const table = `"${def.table}"`;
  const touched = ACTIVITY.has(def.table) ? new Set<number>() : undefined;
  const accountOf = touched && sqlite.prepare<[number], { accountId: number }>(`SELECT account_id AS accountId FROM ${table} WHERE id = ?`);
  // Read inside the import's transaction, before its first row.
  const activity: ActivityWritten | undefined = touched && {
    table: def.table,
    insertedAfterId: sqlite.prepare<unknown[], number>(`SELECT coalesce(max(id), 0) FROM ${table}`).pluck().get()!,
    updatedAccounts: new Set<number>(),
  };
  const arrOf =
    def.name === 'accounts'
      ? sqlite.prepare<unknown[], AccountArr>('SELECT id, arr_minor AS arrMinor, churned_at AS churnedAt, contract_start AS contractStart FROM accounts WHERE id = ?')
      : undefined;

  const stages = def.name === 'references' ? referenceStageLog(sqlite, stamp) : undefined;

  const flushShape = (shape: InsertShape) => {
    if (shape.rows === ROWS_PER_INSERT) shape.many.run(shape.buffer);
    else {
      const { width, buffer, single } = shape;
      for (let r = 0; r < shape.rows; r++) {
        for (let c = 0; c < width; c++) single[c] = buffer[r * width + c];
        shape.one.run(single);
      }
    }
    shape.rows = 0;
  };

  return {
    touched,
    activity,
    addShape(keys) {
      const columns = [...keys.map(snake), 'created_at', 'updated_at'];
      const tuple = `(${columns.map(() => '?').join(', ')})`;
      const head = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
      const width = columns.length;
      shapes.push({
        one: sqlite.prepare(head + tuple),
        many: sqlite.prepare(head + Array(ROWS_PER_INSERT).fill(tuple).join(', ')),
        width,
        buffer: new Array<unknown>(width * ROWS_PER_INSERT).fill(null),
        single: new Array<unknown>(width).fill(null),
        rows: 0,
      });
    },
    insertRows(rowShapes, values, accountIds) {
      let at = 0;
      for (let i = 0; i < rowShapes.length; i++) {
        const shape = shapes[rowShapes[i]!]!;
        const { buffer } = shape;
        const keys = shape.width - 2;
        let out = shape.rows * shape.width;
        for (let k = 0; k < keys; k++) buffer[out++] = values[at++];
        buffer[out++] = stamp;
        buffer[out] = stamp;
        if (++shape.rows === ROWS_PER_INSERT) flushShape(shape);
        if (touched && accountIds[i]! >= 0) touched.add(accountIds[i]!);
      }
    },
    update(id, record) {
      if (touched) {
        const before = accountOf!.get(id);
        if (before) touched.add(before.accountId);
        if (typeof record.accountId === 'number') touched.add(record.accountId);
        if (before) activity!.updatedAccounts.add(before.accountId);
        if (typeof record.accountId === 'number') activity!.updatedAccounts.add(record.accountId);
      }
      const keys = Object.keys(record).filter((key) => key !== 'id');
      const signature = keys.join(',');
      let statement = updates.get(signature);
      if (!statement) {
        const sets = [...keys.map((key) => `${snake(key)} = ?`), 'updated_at = ?'];
        statement = sqlite.prepare(`UPDATE ${table} SET ${sets.join(', ')} WHERE id = ?`);
        updates.set(signature, statement);
      }
      const values = keys.map((key) => bindable(flags, json, key, record[key]));
      // An account's ARR history gets the entry accounts.update would give it (the rebuild after
      // the commit only backfills accounts with no history at all). Inserts get theirs there.
      const before = arrOf?.get(id);
      const stageBefore = stages?.stageOf(id);
      statement.run(...values, stamp, id);
      // Each move of the transition table's path is logged, as references.move would log it (referenceStages.ts).
      if (stages && typeof record.stage === 'string' && stageBefore !== undefined && record.stage !== stageBefore) {
        let from = stageBefore as ReferenceStage;
        for (const to of stagePath(from, record.stage as ReferenceStage)) {
          stages.moved(id, from, to);
          from = to;
        }
      }
      // The row was just updated, so it is there.
      if (arrOf && before) recordArrChange(sqlite, before, arrOf.get(id)!, now);
    },
    flush() {
      for (const shape of shapes) if (shape.rows > 0) flushShape(shape);
      stages?.inserted();
    },
  };
}

/**
 * A reference's stage history, kept by an import as references.create and references.move keep it:
 * an imported reference's first entry (none -> the stage it brings), and an entry for each stage an
 * update changes (from -> to); an update that leaves the stage as it was logs nothing.
 */
function referenceStageLog(sqlite: Database.Database, stamp: string) {
  // The references inserted by this import are those above the highest id before it (AUTOINCREMENT never reuses one).
  const firstNew = sqlite.prepare<unknown[], number>(`SELECT coalesce(max(id), 0) + 1 FROM "references"`).pluck().get()!;
  const stageOf = sqlite.prepare<[number], string>(`SELECT stage FROM "references" WHERE id = ?`).pluck();
  const log = sqlite.prepare(
    `INSERT INTO reference_stage_changes (reference_id, from_stage, to_stage, changed_by, changed_at, reason) VALUES (?, ?, ?, 'import', ?, 'changed by an import')`,
  );
  const logInserted = sqlite.prepare(
    `INSERT INTO reference_stage_changes (reference_id, from_stage, to_stage, changed_by, changed_at, reason)
     SELECT r.id, NULL, r.stage, 'import', ?, 'imported' FROM "references" r
     WHERE r.id >= ? AND NOT EXISTS (SELECT 1 FROM reference_stage_changes s WHERE s.reference_id = r.id)`,
  );
  return {
    stageOf: (id: number) => stageOf.get(id),
    moved: (id: number, from: string, to: string) => log.run(id, from, to, stamp),
    inserted: () => logInserted.run(stamp, firstNew),
  };
}

/**
 * For a load larger than the table: its plain (non-unique) indexes dropped now and rebuilt by
 * `restore()` from their own SQL before the commit: building an index from sorted data is several
 * times faster than a million random inserts into it. DDL is transactional in SQLite, so a
 * rollback or a crash brings the indexes back with everything else.
 */
export function deferIndexes(sqlite: Database.Database, table: string, incoming: number): () => void {
  if (incoming < 50_000) return () => {};
  // Counted up to `incoming` only: a whole count of a large table (two million tickets) took 0.5-0.8 s of a 100,000-row import.
  const existing = sqlite.prepare<[number], { n: number }>(`SELECT count(*) AS n FROM (SELECT 1 FROM "${table}" LIMIT ?)`).get(incoming + 1)!.n;
  if (incoming < existing) return () => {};
  const indexes = sqlite
    .prepare<unknown[], { name: string; sql: string }>(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'`,
    )
    .all(table);
  for (const index of indexes) sqlite.exec(`DROP INDEX "${index.name}"`);
  return () => {
    for (const index of indexes) sqlite.exec(index.sql);
  };
}

/** Keys per lookup query: one statement and one index probe per key, with a bound list well under SQLite's 32,766 variables. */
export const LOOKUP_BATCH = 500;

export interface ExistingKeys {
  /** The ids of the rows that already hold these keys (normalised with `matchKeyOf`); keys with none are left out. */
  find(keys: readonly string[]): Map<string, number>;
  /** Drops the working table of an e-mail match; the lookup cannot be used after. */
  close(): void;
}

/**
 * The rows of the target table that a batch of the file's match keys already name, one query per
 * batch through a unique index, so neither memory nor a Map grows with the table (issue 14: a Map
 * of 10 million external ids exceeds V8's limit). E-mails (contacts) match case-insensitively and
 * have no index: one pass copies them into a temporary table keyed by the lower-cased e-mail (the
 * newest contact of an e-mail wins, as for custom-field values), which SQLite keeps, not the heap.
 */
export function existingKeys(sqlite: Database.Database, def: TargetDef, batch = LOOKUP_BATCH): ExistingKeys {
  if (!def.matchKey) return { find: () => new Map(), close: () => {} };
  let source = `SELECT id, external_id AS key FROM "${def.table}" WHERE external_id IN `;
  let close = () => {};
  // References by contact: the newest live reference of the contact (an archived one is history, not the row to update).
  if (def.matchKey === 'contactId') source = `SELECT max(id) AS id, CAST(contact_id AS TEXT) AS key FROM "${def.table}" WHERE archived_at IS NULL AND contact_id IN `;
  if (def.matchKey === 'email') {
    const table = tempKeyTable(sqlite, 'import_emails', 'id INTEGER NOT NULL', `SELECT ${LOWER}(email), max(id) FROM "${def.table}" WHERE email IS NOT NULL GROUP BY 1`);
    source = `SELECT id, key FROM ${table.name} WHERE key IN `;
    close = table.drop;
  }
  const group = def.matchKey === 'contactId' ? ' GROUP BY contact_id' : '';
  const statement = sqlite.prepare<unknown[], { id: number; key: string }>(`${source}(${Array(batch).fill('?').join(', ')})${group}`);
  return {
    find(keys) {
      const found = new Map<string, number>();
      for (let start = 0; start < keys.length; start += batch) {
        const chunk = keys.slice(start, start + batch);
        // A short batch repeats its first key: one statement serves every batch, and IN ignores repeats.
        while (chunk.length < batch) chunk.push(chunk[0]!);
        for (const row of statement.iterate(chunk)) found.set(row.key, row.id);
      }
      return found;
    },
    close,
  };
}

/** The form of a row's match key that finds it: e-mails compare case-insensitively. */
export function matchKeyOf(def: TargetDef, record: Record_): string | undefined {
  if (!def.matchKey) return undefined;
  const value = record[def.matchKey];
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string' || value === '') return undefined;
  return def.matchKey === 'email' ? value.toLowerCase() : value;
}
