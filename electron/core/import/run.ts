import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { ImportPreview, ImportProblem } from '../../../shared/contract/import';
import { contract } from '../../../shared/contract';
import { compileConverter, fieldColumns, schemaProblem, type CellProblem, type Record_ } from './convert';
import type { Plan } from './plan';
import { createSchema } from './targets';
import { SeenKeys } from './seenKeys';
import { createWriter, deferIndexes, existingKeys, LOOKUP_BATCH, loadLookups, matchKeyOf } from './writer';

// The row loop shared by preview and commit: convert, match, validate with the domain's create
// (or update) schema, and (commit) write. Yields to the event loop between batches so progress
// events go out and a cancel can land; the caller owns the transaction.

export const BATCH = 10_000;
const MAX_PROBLEMS = 1_000;

export interface RunOptions {
  match: 'insert' | 'update' | 'upsert';
  previewRows: number;
  now: Date;
  /** Write rows (inside the caller's transaction); without it nothing is written. */
  write: boolean;
  /** Keep bad rows for the error file. */
  keepBadRows: boolean;
  isCancelled(): boolean;
  /** Stop after this many rows (the preview of a large file reads its head only). */
  maxRows?: number;
  onBatch?(done: number, fraction: number): void;
}

export interface RunOutcome extends Omit<ImportPreview, 'source' | 'mapping' | 'unmapped' | 'dateChoices'> {
  cancelled: boolean;
  badRows: { row: number; cells: string[]; messages: string[] }[];
  /** The accounts whose activity was written (activity targets; absent for the others): derived data to refresh. */
  touched?: ReadonlySet<number>;
  /** Set when `maxRows` stopped the reading: how far it got. */
  head?: { rows: number; fraction: number };
}

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function runRows(sqlite: Database.Database, plan: Plan, options: RunOptions): Promise<RunOutcome> {
  const { def, mapping, source } = plan;
  const needContacts = mapping.fields.contactEmail !== undefined;
  const { lookups } = loadLookups(sqlite, def, needContacts);
  const churnDate = mapping.churnDate ?? options.now.toISOString().slice(0, 10);
  const convert = compileConverter(def, mapping, source.headers, { dateOrders: plan.dateOrders, churnDate, lookups });
  const columns = fieldColumns(def, mapping);
  const createInput = createSchema(def);
  // Only a target with a match key updates; references (insert only) has no update channel.
  const updateInput = def.matchKey ? (contract as Record<string, { input: z.ZodType }>)[`${def.domain}.update`]!.input : createInput;
  const writer = options.write ? createWriter(sqlite, def, options.now) : undefined;
  const restoreIndexes = options.write ? deferIndexes(sqlite, def.table, source.estimatedRows) : () => {};
  // In-file duplicates of the match key: 24 bytes a key instead of a Map's ~100 (seenKeys.ts).
  const seen = new SeenKeys();
  // Existing rows are found a batch of keys at a time, not loaded whole (issue 14). The rows wait,
  // converted, until their batch is looked up, then go through the steps below in file order.
  const existing = existingKeys(sqlite, def);
  type Pending = { row: number; cells: string[]; problem?: CellProblem; converted?: ReturnType<typeof convert>; key?: string };
  let pending: Pending[] = [];

  const counts = { rows: 0, inserts: 0, updates: 0, skips: 0, errors: 0 };
  // Problems of the whole file (mapping gaps, date orders to choose) come first, once.
  const problems: ImportProblem[] = [...plan.fileProblems];
  let problemsTotal = problems.length;
  const rows: Record_[] = [];
  const badRows: RunOutcome['badRows'] = [];
  let cancelled = false;

  const report = (row: number, cells: string[], found: CellProblem[]) => {
    counts.errors++;
    // A mapping gap (`once`) is in plan.fileProblems already: the row still fails, the list does not repeat it.
    const listed = found.filter((problem) => !problem.once);
    problemsTotal += listed.length;
    for (const { column, message } of listed) if (problems.length < MAX_PROBLEMS) problems.push({ row, column, message });
    if (options.keepBadRows) badRows.push({ row, cells, messages: found.map((p) => (p.column ? `'${p.column}': ${p.message}` : p.message)) });
  };

  const settle = (item: Pending, existingId: number | undefined) => {
    const { row, cells, problem, converted, key } = item;
    // A structural fault (unclosed quote, cell count): its cells are not where the header says.
    if (problem || !converted) {
      report(row, cells, [problem!]);
      return;
    }
    const { record, problems: convertProblems, missing } = converted;
    // Columns kept as custom fields are converted beside the row: a bad one is a problem of the row.
    const found = plan.rowHook ? [...convertProblems, ...plan.rowHook.check(cells, record)] : convertProblems;
    if (found.length > 0) {
      report(row, cells, found);
      return;
    }
    if (key !== undefined) {
      const earlier = seen.firstRow(key, row);
      if (earlier !== undefined) {
        report(row, cells, [{ column: columns[def.matchKey!] ?? null, message: `'${String(record[def.matchKey!])}' is also on row ${earlier.toLocaleString('en-US')}` }]);
        return;
      }
    }
    const action = existingId === undefined ? 'insert' : 'update';
    if ((action === 'insert' && options.match === 'update') || (action === 'update' && options.match === 'insert')) {
      counts.skips++;
      return;
    }
    const parsed = (action === 'insert' ? createInput : updateInput).safeParse(action === 'insert' ? record : { ...record, id: existingId });
    if (!parsed.success) {
      report(
        row,
        cells,
        parsed.error.issues.map((issue) => schemaProblem(issue, record, columns, missing, plan.gaps)),
      );
      return;
    }
    const value = parsed.data as Record_;
    if (action === 'insert') counts.inserts++;
    else counts.updates++;
    if (rows.length < options.previewRows) rows.push({ _row: row, _action: action, ...value });
    if (writer) {
      if (action === 'insert') writer.insert(value);
      else writer.update(existingId!, value);
    }
    plan.rowHook?.accepted(existingId, value);
  };
  const drain = () => {
    const keys = pending.flatMap((item) => (item.key === undefined ? [] : [item.key]));
    const ids = keys.length > 0 ? existing.find(keys) : undefined;
    for (const item of pending) settle(item, item.key === undefined ? undefined : ids!.get(item.key));
    pending = [];
  };

  let head: RunOutcome['head'];
  for (const { row, cells, problem } of source.rows()) {
    if (options.maxRows !== undefined && counts.rows >= options.maxRows) {
      head = { rows: counts.rows, fraction: source.fraction() };
      break;
    }
    counts.rows++;
    if (counts.rows % BATCH === 0) {
      drain();
      options.onBatch?.(counts.rows, source.fraction());
      await yieldToLoop();
      if (options.isCancelled()) {
        cancelled = true;
        break;
      }
    }
    if (problem) pending.push({ row, cells, problem });
    else {
      const converted = convert(cells);
      pending.push({ row, cells, converted, key: converted.problems.length === 0 ? matchKeyOf(def, converted.record) : undefined });
    }
    if (pending.length >= LOOKUP_BATCH) drain();
  }
  if (!cancelled) drain();
  existing.close();
  writer?.flush();
  if (writer && !cancelled) plan.rowHook?.write(sqlite, options.now);
  if (!cancelled) restoreIndexes();
  options.onBatch?.(counts.rows, cancelled ? source.fraction() : 1);
  return { rows, counts, problems, problemsTotal, cancelled, badRows, touched: writer?.touched, ...(head ? { head } : {}) };
}
