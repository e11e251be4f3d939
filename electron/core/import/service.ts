import { writeFileSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { stringify } from 'csv-stringify/sync';
import type { ImportPreview, ImportResult } from '../../../shared/contract/import';
import type { Context } from '../context';
import { CoreError } from '../errors';
import { pausePoint } from '../db/pausePoint';
import { markDerivedStale, refreshDerived } from '../derived/refresh';
import { refreshDerivedForAccounts } from '../derived/refreshAccounts';
import { runJob, type Job as RunningJob } from '../lib/jobs';
import { makePlan, unmappedColumns, type ParsedImportInput, type Plan } from './plan';
import { runRows, type RunOutcome } from './run';
import { releaseStaged } from './stage';

// The import's two calls. Preview reads the whole file and writes nothing. Commit does the same
// inside ONE transaction (BEGIN IMMEDIATE … COMMIT): a problem under the reject policy, a cancel,
// an exception or a killed process leaves the workspace exactly as it was.

/** Rows a preview checks: a larger file's preview reads its head only (about 25 MB of a help-desk export); the commit reads all. */
export const PREVIEW_MAX_ROWS = 200_000;

/** -KiB: 256 MB of page cache while an import runs (SQLite allocates it only as pages are used). */
const IMPORT_CACHE_KIB = -262_144;

interface Job {
  cancelled: boolean;
}
const jobsByCore = new WeakMap<Context, Map<string, Job>>();
const jobsOf = (ctx: Context) => {
  let jobs = jobsByCore.get(ctx);
  if (!jobs) jobsByCore.set(ctx, (jobs = new Map<string, Job>()));
  return jobs;
};

/** Holds Kysely's single connection for the whole import, so no other channel's write lands inside it. */
const withConnection = <T>(ctx: Context, fn: (sqlite: Database.Database) => Promise<T>) => ctx.db.connection().execute(() => fn(ctx.sqlite));

function summary(plan: Plan, outcome: RunOutcome): ImportPreview {
  // The parse thread read the rows: its decoder counted the undecodable characters, not the plan's.
  const encodingReport = plan.source.encodingReport && { ...plan.source.encodingReport(), ...(outcome.replaced !== undefined ? { replaced: outcome.replaced } : {}) };
  return {
    source: {
      format: plan.source.format,
      encoding: plan.source.encoding ?? null,
      delimiter: plan.source.delimiter ?? null,
      headers: plan.source.headers,
      ...(encodingReport ? { encodingReport } : {}),
    },
    mapping: plan.mapping,
    unmapped: unmappedColumns(plan),
    dateChoices: plan.dateChoices,
    rows: outcome.rows,
    counts: outcome.counts,
    problems: outcome.problems,
    problemsTotal: outcome.problemsTotal,
    ...(outcome.warnings ? { warnings: outcome.warnings } : {}),
    ...(outcome.head ? { head: outcome.head } : {}),
    ...(outcome.accountsCreated ? { accountsCreated: outcome.accountsCreated } : {}),
    // Survey answers: how their accounts were found (contact, account column, e-mail domain), issue 13.
    ...(plan.rowHook?.respondents ? { respondents: plan.rowHook.respondents() } : {}),
  };
}

/** `maxRows`: the head a preview checks (the benchmark reads a whole file with Infinity). */
export async function previewImport(ctx: Context, input: ParsedImportInput, maxRows = PREVIEW_MAX_ROWS): Promise<ImportPreview> {
  return withConnection(ctx, async (sqlite) => {
    const plan = await makePlan(sqlite, input, maxRows);
    const outcome = await runRows(sqlite, plan, {
      match: input.match,
      previewRows: input.previewRows,
      now: ctx.now(),
      write: false,
      keepBadRows: false,
      isCancelled: () => false,
      // A workbook's preview converted its head only (xlsxSource.ts): it reads no further.
      maxRows: Math.min(maxRows, plan.source.headRows ?? Infinity),
    });
    return summary(plan, outcome);
  });
}

/**
 * `tickets.csv` -> `tickets.errors.csv` beside it (`path`, from ctx.files.beside: the first free
 * name, so no file is ever replaced): the bad rows as they were, with their problems first.
 */
export function writeErrorFile(path: string, headers: string[], badRows: RunOutcome['badRows']): string {
  const records = [['row', 'problems', ...headers], ...badRows.map((bad) => [String(bad.row), bad.messages.join('; '), ...bad.cells])];
  writeFileSync(path, `\ufeff${stringify(records)}`, { flag: 'wx' });
  return path;
}

/**
 * The import is also a job of lib/jobs.ts (channel `import.commit`): `jobs.running` lists it, so a
 * screen opened while it runs picks it up, and `jobs.cancel` stops it as `import.cancel` does. Its
 * `jobs.progress` reports are in rows; `import.progress` keeps the job id and the rate.
 */
export function commitImport(ctx: Context, input: ParsedImportInput & { jobId: string }): Promise<ImportResult> {
  return runJob(ctx, 'import.commit', 'nothing was imported', (running) => commitImportAs(ctx, input, running));
}

async function commitImportAs(ctx: Context, input: ParsedImportInput & { jobId: string }, running: RunningJob): Promise<ImportResult> {
  const jobs = jobsOf(ctx);
  if (jobs.has(input.jobId)) throw new CoreError('CONFLICT', `import job '${input.jobId}' is already running`);
  const job: Job = { cancelled: false };
  jobs.set(input.jobId, job);
  const began = performance.now();
  try {
    const result = await withConnection(ctx, async (sqlite) => {
      const plan = await makePlan(sqlite, input);
      const now = ctx.now();
      // A large page cache for the import's duration: index inserts in account order stay in memory.
      const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
      sqlite.pragma(`cache_size = ${IMPORT_CACHE_KIB}`);
      // Rebuilding deferred indexes sorts their keys: a helper thread takes part of that sort.
      const threads = sqlite.pragma('threads', { simple: true }) as number;
      sqlite.pragma('threads = 2');
      sqlite.exec('BEGIN IMMEDIATE');
      let outcome: RunOutcome;
      try {
        outcome = await runRows(sqlite, plan, {
          match: input.match,
          previewRows: input.previewRows,
          now,
          write: true,
          keepBadRows: input.policy === 'skip',
          // A large text file is read on the parse thread, which opens it again from this input.
          input,
          isCancelled: () => job.cancelled || running.cancelled,
          // Tests only: FULCRUM_TEST_HOLD_JOB=import.commit stops here after the first batch until cancelled.
          between: () => running.hold(() => job.cancelled),
          onBatch: (done, fraction) => {
            const seconds = (performance.now() - began) / 1000;
            const total = fraction > 0 ? Math.max(done, Math.round(done / fraction)) : done;
            // ChangeEvent plus the job and the rate: a UI shows "412,000 of 1,000,000 rows, 95,000 rows/s".
            const event = { name: 'import.progress', progress: { done, total }, jobId: input.jobId, rowsPerSecond: Math.round(done / Math.max(seconds, 1e-3)) };
            ctx.emit(event);
            running.progress(done, total, 'rows');
          },
        });
      } catch (error) {
        sqlite.exec('ROLLBACK');
        sqlite.pragma(`cache_size = ${cacheSize}`);
        sqlite.pragma(`threads = ${threads}`);
        throw error;
      }
      const rejected = input.policy === 'reject' && outcome.counts.errors > 0;
      const commit = !outcome.cancelled && !rejected;
      const written = commit ? outcome.counts.inserts + outcome.counts.updates : 0;
      // Derived data is refreshed after the commit: the rows and the mark that a refresh is owed
      // commit together, so a crash before the refresh finishes is repaired at the next open.
      const reason = `import ${input.jobId} into ${plan.def.name}`;
      if (written > 0) markDerivedStale(sqlite, reason, now);
      const rowsDone = performance.now();
      sqlite.exec(commit ? 'COMMIT' : 'ROLLBACK');
      const committed = performance.now();
      sqlite.pragma(`cache_size = ${cacheSize}`);
      sqlite.pragma(`threads = ${threads}`);
      if (written > 0) pausePoint('import-after-commit');
      // Rollups, ARR history and health brought up to date from the rows now stored.
      const derived = written > 0 ? refreshDerivedAfterImport(sqlite, now, outcome, reason) : 'unchanged';
      const seconds = (from: number, to: number) => ((to - from) / 1000).toFixed(1);
      ctx.log(
        'info',
        `import ${input.jobId}: ${outcome.counts.rows} rows read, converted and written${outcome.parseThread ? ` (read on the parse thread: CPU ${outcome.parseThread.cpuSeconds.toFixed(1)} s there, ${outcome.parseThread.writerCpuSeconds.toFixed(1)} s here)` : ''} in ${seconds(began, rowsDone)} s, commit ${seconds(rowsDone, committed)} s, ${derived} in ${seconds(committed, performance.now())} s`,
      );
      const errorFile = commit && outcome.badRows.length > 0 ? writeErrorFile(ctx.files.beside(input.path, '.errors.csv'), plan.source.headers, outcome.badRows) : null;
      return { plan, outcome, commit, errorFile };
    });
    const seconds = (performance.now() - began) / 1000;
    const { plan, outcome, commit, errorFile } = result;
    if (commit) {
      ctx.emit({ name: `${plan.def.domain}.changed` });
      if (outcome.accountsCreated?.count) ctx.emit({ name: 'accounts.changed' });
      ctx.emit({ name: 'metrics.changed' });
    }
    // A copy the UI staged has done its job once the import returns: committed, rejected or
    // cancelled (the wizard then starts again from the file). After an error it stays for a retry.
    releaseStaged(input.path);
    return {
      ...summary(plan, outcome),
      jobId: input.jobId,
      committed: commit,
      cancelled: outcome.cancelled,
      errorFile,
      seconds,
      rowsPerSecond: Math.round(outcome.counts.rows / Math.max(seconds, 1e-3)),
    };
  } finally {
    jobs.delete(input.jobId);
  }
}

/**
 * Derived data after the commit: for an activity import, the inserted rows added to the rollups and
 * the touched accounts' health (electron/core/derived/refreshAccounts.ts, which rebuilds everything
 * when most accounts must be refreshed from all their rows); otherwise the full rebuild
 * (electron/core/derived/refresh.ts). Says which, for the log.
 */
function refreshDerivedAfterImport(sqlite: Database.Database, now: Date, { touched, activity }: RunOutcome, reason: string): string {
  if (!touched) {
    refreshDerived(sqlite, now);
    return 'metrics rebuilt';
  }
  const refreshed = refreshDerivedForAccounts(sqlite, touched, now, reason, activity);
  if (!refreshed.incremental) return 'metrics rebuilt';
  const added = refreshed.rowsAdded !== undefined ? ` (${refreshed.rowsAdded} inserted rows added to the rollups)` : '';
  return `derived data for ${refreshed.accounts} accounts refreshed${added}, health and rules of ${refreshed.health ?? refreshed.accounts}`;
}

export function cancelImport(ctx: Context, jobId: string): { cancelled: boolean } {
  const job = jobsOf(ctx).get(jobId);
  if (!job) return { cancelled: false };
  job.cancelled = true;
  return { cancelled: true };
}
