import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { contract } from '../../../shared/contract';
import type { ImportProblem } from '../../../shared/contract/import';
import { compileConverter, fieldColumns, schemaProblem, type CellProblem, type Record_ } from './convert';
import { loadLookups } from './lookups';
import { accountMaker, type NewAccount } from './newAccounts';
import type { Plan } from './plan';
import { SeenKeys } from './seenKeys';
import { previewRow, type PreviewNames } from './previewRow';
import { createSchema } from './targets';
import { bindable, existingKeys, LOOKUP_BATCH, matchKeyOf } from './writer';

// The import's front half: read each row, convert it, find the row it updates, check in-file
// duplicates and validate it with the domain's create (or update) schema. It yields the outcome a
// batch at a time in a form the writer binds as is (inserts flattened into one array of values),
// so it can run on the core's thread (preview, small files) or on the parse thread
// (parseThread.ts) while the core's thread writes the batch before. Reads only: `sqlite` may be a
// read connection of its own.

/** Rows per batch: one progress event, one cancel check, one message from the parse thread. */
export const BATCH = 10_000;

export interface FrontBatch {
  /** Rows read so far (the file's data rows, including bad ones). */
  rowsRead: number;
  /** How far the reading has got (0..1). */
  fraction: number;
  /** Rows with problems, in file order. */
  problems: { row: number; cells: string[]; found: CellProblem[] }[];
  /** Rows the match setting leaves out (an update-only import's new rows, an insert-only import's existing ones). */
  skips: number;
  /** Insert shapes (record keys) first seen in this batch, appended to those of the batches before. */
  newShapes: string[][];
  /** Per inserted row, its shape's index; its values follow in `values`, in the shape's key order, ready to bind. */
  shapes: number[];
  values: unknown[];
  /** The accountId of each inserted row (activity targets' derived data), or -1. */
  accountIds: number[];
  /** Accounts this import makes (mapping.createAccounts), each just before the first accepted row of it: inserted before this batch's rows. */
  newAccounts: NewAccount[];
  updates: { id: number; record: Record_ }[];
  /** The first accepted rows, for the result's preview. */
  preview: Record_[];
  /** Set on the last batch when `maxRows` stopped the reading. */
  head?: { rows: number; fraction: number };
  /** Accepted rows whose value the target's rule changed (targets.ts `adjust`), in file order: shown, never silent. */
  warnings: ImportProblem[];
}

export interface FrontOptions {
  match: 'insert' | 'update' | 'upsert';
  previewRows: number;
  now: Date;
  /** Stop after this many rows (a preview of a large file reads its head only). */
  maxRows?: number;
}

const emptyBatch = (): FrontBatch => ({
  rowsRead: 0,
  fraction: 0,
  problems: [],
  skips: 0,
  newShapes: [],
  shapes: [],
  values: [],
  accountIds: [],
  newAccounts: [],
  updates: [],
  preview: [],
  warnings: [],
});

/** The batches of a whole import (or its head), in file order. Closing the generator early (a cancel) drops its working tables. */
export function* frontBatches(sqlite: Database.Database, plan: Plan, options: FrontOptions): Generator<FrontBatch> {
  const { def, mapping, source } = plan;
  // A purchases import may create the customers no account is yet (newAccounts.ts); plan.ts allows it only there.
  const maker = mapping.createAccounts ? accountMaker(sqlite) : undefined;
  const { lookups, close: closeLookups } = loadLookups(sqlite, def, mapping.fields.contactEmail !== undefined, maker);
  // Existing rows are found a batch of keys at a time, not loaded whole (issue 14).
  const existing = existingKeys(sqlite, def);
  try {
    const churnDate = mapping.churnDate ?? options.now.toISOString().slice(0, 10);
    const unknownAccountHint = maker
      ? ': it cannot be made an account (accounts.create refuses it as a name or external id)'
      : def.name === 'purchases'
        ? ': create the missing accounts (the wizard’s choice, --create-accounts) or import the accounts first'
        : undefined;
    const convert = compileConverter(def, mapping, source.headers, { dateOrders: plan.dateOrders, churnDate, lookups, unknownAccountHint });
    const columns = fieldColumns(def, mapping);
    const createInput = createSchema(def);
    // Only a target with a match key updates; references update through their import schema (targets.ts), not references.update.
    const updateInput = def.updateSchema ?? (def.matchKey ? (contract as Record<string, { input: z.ZodType }>)[`${def.domain}.update`]!.input : createInput);
    const flags = new Set(def.flags ?? []);
    const json = new Set(def.json ?? []);
    const adjust = def.adjust?.(sqlite, options.now);
    const rule = def.rule?.(sqlite);
    const emailOf = sqlite.prepare<[number], string | null>('SELECT email FROM contacts WHERE id = ?').pluck();
    const previewNames: PreviewNames = { accountName: (id) => lookups.accountName?.(id), contactEmail: (id) => emailOf.get(id) ?? undefined };
    const shapeIds = new Map<string, number>();
    // In-file duplicates of the match key: 24 bytes a key instead of a Map's ~100 (seenKeys.ts).
    const seen = new SeenKeys();
    let previewed = 0;
    let batch = emptyBatch();

    type Pending = { row: number; cells: string[]; problem?: CellProblem; converted?: ReturnType<typeof convert>; key?: string };
    let pending: Pending[] = [];

    const settle = (item: Pending, existingId: number | undefined) => {
      const { row, cells, problem, converted, key } = item;
      // A structural fault (unclosed quote, cell count): its cells are not where the header says.
      if (problem || !converted) {
        batch.problems.push({ row, cells, found: [problem!] });
        return;
      }
      const { record, problems: convertProblems, missing } = converted;
      // Columns kept as custom fields are converted beside the row: a bad one is a problem of the row.
      const found = plan.rowHook ? [...convertProblems, ...plan.rowHook.check(cells, record)] : convertProblems;
      if (found.length > 0) {
        batch.problems.push({ row, cells, found });
        return;
      }
      if (key !== undefined) {
        const earlier = seen.firstRow(key, row);
        if (earlier !== undefined) {
          batch.problems.push({
            row,
            cells,
            found: [{ column: columns[def.matchKey!] ?? null, message: `'${String(record[def.matchKey!])}' is also on row ${earlier.toLocaleString('en-US')}` }],
          });
          return;
        }
      }
      const insert = existingId === undefined;
      if ((insert && options.match === 'update') || (!insert && options.match === 'insert')) {
        batch.skips++;
        return;
      }
      const parsed = (insert ? createInput : updateInput).safeParse(insert ? record : { ...record, id: existingId });
      if (!parsed.success) {
        batch.problems.push({ row, cells, found: parsed.error.issues.map((issue) => schemaProblem(issue, record, columns, missing, plan.gaps)) });
        return;
      }
      const value = parsed.data as Record_;
      const broken = rule?.(value, existingId, row);
      if (broken) {
        batch.problems.push({ row, cells, found: [{ column: columns[broken.field] ?? null, message: broken.message }] });
        return;
      }
      const warning = adjust?.(value, existingId);
      if (warning) batch.warnings.push({ row, column: columns[warning.field] ?? null, message: warning.message });
      if (previewed < options.previewRows) {
        previewed++;
        batch.preview.push(previewRow(row, insert ? 'insert' : 'update', value, previewNames));
      }
      plan.rowHook?.accepted(existingId, value);
      const made = maker && typeof value.accountId === 'number' ? maker.claim(value.accountId) : undefined;
      if (made) batch.newAccounts.push(made);
      if (!insert) {
        batch.updates.push({ id: existingId, record: value });
        return;
      }
      const keys = Object.keys(value);
      const signature = keys.join(',');
      let shape = shapeIds.get(signature);
      if (shape === undefined) {
        shapeIds.set(signature, (shape = shapeIds.size));
        batch.newShapes.push(keys);
      }
      batch.shapes.push(shape);
      for (const k of keys) batch.values.push(bindable(flags, json, k, value[k]));
      batch.accountIds.push(typeof value.accountId === 'number' ? value.accountId : -1);
    };
    const drain = () => {
      const keys = pending.flatMap((item) => (item.key === undefined ? [] : [item.key]));
      const ids = keys.length > 0 ? existing.find(keys) : undefined;
      for (const item of pending) settle(item, item.key === undefined ? undefined : ids!.get(item.key));
      pending = [];
    };

    let read = 0;
    for (const { row, cells, problem } of source.rows()) {
      if (options.maxRows !== undefined && read >= options.maxRows) {
        batch.head = { rows: read, fraction: source.fraction() };
        break;
      }
      read++;
      if (problem) pending.push({ row, cells, problem });
      else {
        const converted = convert(cells);
        pending.push({ row, cells, converted, key: converted.problems.length === 0 ? matchKeyOf(def, converted.record) : undefined });
      }
      if (pending.length >= LOOKUP_BATCH) drain();
      if (read % BATCH === 0) {
        drain();
        batch.rowsRead = read;
        batch.fraction = source.fraction();
        yield batch;
        batch = emptyBatch();
      }
    }
    drain();
    batch.rowsRead = read;
    batch.fraction = batch.head ? batch.head.fraction : 1;
    yield batch;
  } finally {
    existing.close();
    closeLookups();
  }
}
