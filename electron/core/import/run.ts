import type Database from 'better-sqlite3';
import type { ImportPreview, ImportProblem } from '../../../shared/contract/import';
import type { CellProblem, Record_ } from './convert';
import { frontBatches, type FrontBatch } from './front';
import { parseThreadAvailable, runOnParseThread } from './parseThread';
import { planDecisions, type ParsedImportInput, type Plan } from './plan';
import { createWriter, deferIndexes, type ActivityWritten } from './writer';
import { insertAccounts, type AccountsCreated } from './newAccounts';

// The row loop shared by preview and commit: the front half (front.ts: read, convert, match,
// validate) batch by batch, and here the back half: count, collect the problems, and (commit)
// write. A large text file's front half runs on the parse thread (parseThread.ts) while this
// thread writes; otherwise both run here, yielding to the event loop between batches so progress
// events go out and a cancel can land. The caller owns the transaction.

const MAX_PROBLEMS = 1_000;
/** Names of the accounts an import creates, listed in the preview and the result. */
const SHOWN_NEW_ACCOUNTS = 20;

/** Rows from which a commit reads on the parse thread: below it, starting the thread costs more than it saves. */
export const PARSE_THREAD_MIN_ROWS = 50_000;
/** Tests lower it (FULCRUM_TEST_PARSE_THREAD_MIN_ROWS) to send a small file the way a large one goes, instead of writing a large one. */
const parseThreadMinRows = () => Number(process.env.FULCRUM_TEST_PARSE_THREAD_MIN_ROWS) || PARSE_THREAD_MIN_ROWS;

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
  /** Awaited between batches, read on this thread or on the parse thread (a job's test hold, lib/jobs.ts). */
  between?(): Promise<void>;
  /** A commit's input: with it, a large text file is read on the parse thread (its plan reopened there from this input). */
  input?: ParsedImportInput;
}

export interface RunOutcome extends Omit<ImportPreview, 'source' | 'mapping' | 'unmapped' | 'dateChoices'> {
  cancelled: boolean;
  badRows: { row: number; cells: string[]; messages: string[] }[];
  /** The accounts whose activity was written (activity targets; absent for the others): derived data to refresh. */
  touched?: ReadonlySet<number>;
  /** Activity targets: the rows inserted and the accounts of the rows updated, for a refresh from them alone. */
  activity?: ActivityWritten;
  /** Set when `maxRows` stopped the reading: how far it got. */
  head?: { rows: number; fraction: number };
  /** When the parse thread read the rows: its decoder's count of characters it could not decode (the plan's source did not read them all). */
  replaced?: number;
  /** Accounts the import makes for customers no account is (mapping.createAccounts): how many, the first names. */
  accountsCreated?: AccountsCreated;
  /** The rows were read on the parse thread: its CPU seconds and this thread's while they ran (0 where the runtime cannot tell). */
  parseThread?: { cpuSeconds: number; writerCpuSeconds: number };
}

const threadCpuSeconds = () => {
  const cpu = typeof process.threadCpuUsage === 'function' ? process.threadCpuUsage() : undefined;
  return cpu ? (cpu.user + cpu.system) / 1e6 : 0;
};

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Whether this run reads on the parse thread: a commit of a large text file whose rows need nothing of
 * this thread (custom columns do; so do accounts the import creates, which the thread's own connection
 * would not see before the commit).
 */
function onParseThread(plan: Plan, options: RunOptions): options is RunOptions & { input: ParsedImportInput } {
  return (
    options.write &&
    options.input !== undefined &&
    !plan.rowHook &&
    !plan.mapping.createAccounts &&
    plan.source.format === 'csv' &&
    plan.source.estimatedRows >= parseThreadMinRows() &&
    parseThreadAvailable()
  );
}

export async function runRows(sqlite: Database.Database, plan: Plan, options: RunOptions): Promise<RunOutcome> {
  const { def, source } = plan;
  const writer = options.write ? createWriter(sqlite, def, options.now) : undefined;
  const restoreIndexes = options.write ? deferIndexes(sqlite, def.table, source.estimatedRows) : () => {};

  const counts = { rows: 0, inserts: 0, updates: 0, skips: 0, errors: 0 };
  // Problems of the whole file (mapping gaps, date orders to choose) come first, once.
  const problems: ImportProblem[] = [...plan.fileProblems];
  let problemsTotal = problems.length;
  // Rows a target's rule stored otherwise than the file says (issue 13, front.ts): listed like problems, not counted as errors.
  const warnings: ImportProblem[] = [];
  const rows: Record_[] = [];
  const badRows: RunOutcome['badRows'] = [];
  let cancelled = false;
  let head: RunOutcome['head'];
  let fraction = 0;
  const accountsCreated: AccountsCreated = { count: 0, names: [] };

  const report = (row: number, cells: string[], found: CellProblem[]) => {
    counts.errors++;
    // A mapping gap (`once`) is in plan.fileProblems already: the row still fails, the list does not repeat it.
    const listed = found.filter((problem) => !problem.once);
    problemsTotal += listed.length;
    for (const { column, message } of listed) if (problems.length < MAX_PROBLEMS) problems.push({ row, column, message });
    if (options.keepBadRows) badRows.push({ row, cells, messages: found.map((p) => (p.column ? `'${p.column}': ${p.message}` : p.message)) });
  };

  /** One batch of the front half, in file order: counted, its problems listed, its rows written. */
  const consume = (batch: FrontBatch) => {
    for (const { row, cells, found } of batch.problems) report(row, cells, found);
    for (const warning of batch.warnings) if (warnings.length < MAX_PROBLEMS) warnings.push(warning);
    counts.rows = batch.rowsRead;
    counts.skips += batch.skips;
    counts.inserts += batch.shapes.length;
    counts.updates += batch.updates.length;
    for (const row of batch.preview) if (rows.length < options.previewRows) rows.push(row);
    accountsCreated.count += batch.newAccounts.length;
    for (const account of batch.newAccounts) if (accountsCreated.names.length < SHOWN_NEW_ACCOUNTS) accountsCreated.names.push(account.name);
    if (writer) {
      // The rows' accounts first: their ids are the ones the rows carry.
      insertAccounts(sqlite, batch.newAccounts, options.now);
      for (const keys of batch.newShapes) writer.addShape(keys);
      writer.insertRows(batch.shapes, batch.values, batch.accountIds);
      for (const { id, record } of batch.updates) writer.update(id, record);
    }
    fraction = batch.fraction;
    if (batch.head) head = batch.head;
  };

  const front = { match: options.match, previewRows: options.previewRows, now: options.now, maxRows: options.maxRows };
  let replaced: number | undefined;
  let threaded: RunOutcome['parseThread'];
  if (onParseThread(plan, options)) {
    const encoding = source.encodingReport?.().encoding;
    // The thread opens the file as this thread's plan did: the same encoding and delimiter, no detection again.
    const input = { ...options.input, ...(encoding ? { encoding } : {}), ...(source.delimiter ? { delimiter: source.delimiter } : {}) };
    const writerCpu = threadCpuSeconds();
    const ran = await runOnParseThread({ dbPath: sqlite.name, input, decisions: planDecisions(plan), options: front }, (batch) => {
      consume(batch);
      options.onBatch?.(counts.rows, batch.fraction);
      if (options.isCancelled() || !options.between) return options.isCancelled();
      // The hold reaches this path too: the thread waits, its batches not consumed, while the writer's transaction stays open.
      return options.between().then(() => options.isCancelled());
    });
    cancelled = ran.stopped;
    replaced = ran.replaced;
    threaded = { cpuSeconds: ran.cpuSeconds ?? 0, writerCpuSeconds: threadCpuSeconds() - writerCpu };
  } else {
    for (const batch of frontBatches(sqlite, plan, front)) {
      consume(batch);
      options.onBatch?.(counts.rows, batch.fraction);
      await yieldToLoop();
      await options.between?.();
      if (options.isCancelled()) {
        cancelled = true;
        break;
      }
    }
  }
  if (writer && !cancelled) {
    writer.flush();
    plan.rowHook?.write(sqlite, options.now);
    restoreIndexes();
  }
  options.onBatch?.(counts.rows, cancelled ? fraction : 1);
  return {
    rows,
    counts,
    problems,
    problemsTotal,
    ...(warnings.length > 0 ? { warnings } : {}),
    ...(plan.mapping.createAccounts ? { accountsCreated } : {}),
    cancelled,
    badRows,
    touched: writer?.touched,
    ...(writer?.activity ? { activity: writer.activity } : {}),
    ...(head ? { head } : {}),
    ...(replaced !== undefined ? { replaced } : {}),
    ...(threaded ? { parseThread: threaded } : {}),
  };
}
