import type { Context } from '../context';
import type { Database, TableName } from '../db/schema';
import type { RowRule } from '../../../shared/contract/refine';

/** Tables the generic queries serve: an id, soft delete and both stamps. */
export type CrudTable = {
  [T in TableName]: Database[T] extends { id: unknown; archivedAt: unknown; createdAt: unknown; updatedAt: unknown } ? T : never;
}[TableName];
/** Tables a foreign key may point at: every one with an id. */
export type IdTable = { [T in TableName]: Database[T] extends { id: unknown } ? T : never }[TableName];

/**
 * How a domain's table is stored: the generic list/get/create/update/archive queries read this
 * instead of each domain writing them again.
 */
export interface TableSpec<T extends Row = Row> {
  /** The table, as the queries name it (camelCase: `surveyResponses` is `survey_responses` in SQL). */
  table: CrudTable;
  /** What one row is called in messages: "account", "ticket". */
  label: string;
  /** Fields stored as JSON text. */
  json?: readonly string[];
  /** Fields stored as 0/1. */
  flags?: readonly string[];
  /** Fields the text search looks in. */
  search?: readonly string[];
  /** The field a list's `from`/`to` window applies to. */
  time?: string;
  defaultSort: { field: string; direction: 'asc' | 'desc' };
  /** Foreign keys checked before a write, so an unknown id is NOT_FOUND naming the field. */
  references?: Readonly<Record<string, { table: IdTable; label: string }>>;
  /** A rule across fields, run on the whole row after an update (the input alone cannot see stored fields). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the spec is generic over its row in places the check cannot name; the check's own type is written where it is defined
  check?: RowRule<any>;
  /**
   * Runs inside the write's transaction after every create, update and archive, with the row as it
   * was (null for a create) and as it is now: derived data (rollups, ARR history, health) is kept
   * in step with the row, or the whole write rolls back.
   */
  afterWrite?: (ctx: Context, change: { before: T | null; after: T }) => void;
}

export type Row = Record<string, unknown>;

/**
 * Storage form -> API form: `T`, the row type the spec declares (its domain's contract type). The one
 * unchecked step of the generic queries: the spec and the contract describe the same table, and
 * the tests run dispatch with `checkOutputs`, which validates every row against the contract.
 */
export function decodeRow<T extends Row>(spec: TableSpec<T>, row: Row): T {
  const decoded: Row = { ...row };
  for (const field of spec.json ?? []) decoded[field] = JSON.parse(String(row[field]));
  for (const field of spec.flags ?? []) decoded[field] = row[field] === 1;
  return decoded as T;
}

/** API form -> storage form, for the fields present. */
export function encodeValues<T extends Row>(spec: TableSpec<T>, values: Row): Row {
  const encoded: Row = { ...values };
  for (const field of spec.json ?? []) if (field in values) encoded[field] = JSON.stringify(values[field]);
  for (const field of spec.flags ?? []) if (field in values) encoded[field] = values[field] ? 1 : 0;
  return encoded;
}
