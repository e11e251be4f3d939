import type { Context } from '../context';
import type { RowRule } from '../../../shared/contract/refine';

/**
 * How a domain's table is stored: the generic list/get/create/update/archive queries read this
 * instead of each domain writing them again.
 */
export interface TableSpec {
  /** SQL table name (snake_case). */
  table: string;
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
  references?: Readonly<Record<string, { table: string; label: string }>>;
  /** A rule across fields, run on the whole row after an update (the input alone cannot see stored fields). */
  check?: RowRule<any>;
  /**
   * Runs inside the write's transaction after every create, update and archive, with the row as it
   * was (null for a create) and as it is now: derived data (rollups, ARR history, health) is kept
   * in step with the row, or the whole write rolls back.
   */
  afterWrite?: (ctx: Context, change: { before: Row | null; after: Row }) => void;
}

export type Row = Record<string, unknown>;

/** Storage form -> API form. */
export function decodeRow(spec: TableSpec, row: Row): Row {
  const decoded: Row = { ...row };
  for (const field of spec.json ?? []) decoded[field] = JSON.parse(String(row[field]));
  for (const field of spec.flags ?? []) decoded[field] = row[field] === 1;
  return decoded;
}

/** API form -> storage form, for the fields present. */
export function encodeValues(spec: TableSpec, values: Row): Row {
  const encoded: Row = { ...values };
  for (const field of spec.json ?? []) if (field in values) encoded[field] = JSON.stringify(values[field]);
  for (const field of spec.flags ?? []) if (field in values) encoded[field] = values[field] ? 1 : 0;
  return encoded;
}
