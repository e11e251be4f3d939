import { closeSync, readFileSync, writeSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { ARCHIVE_FORMAT, ARCHIVE_FORMAT_VERSION } from '../../../shared/contract/export';
import type { Context } from '../context';
import { CoreError } from '../errors';
import { runJob, type Job } from '../lib/jobs';
import { openOutput, openStagedOutput } from './output';

// The whole workspace as one JSON document: the format and its version, the schema version, and
// every table (columns once, rows as arrays, BLOBs as { "$base64": … }). `importArchive` writes it
// back into an empty workspace of the same schema, row for row, ids included.

interface ArchiveTable {
  columns: string[];
  rows: unknown[][];
}
interface Archive {
  format: string;
  formatVersion: number;
  schemaVersion: number;
  exportedAt: string;
  tables: Record<string, ArchiveTable>;
}

/** Every table of the workspace in creation order (parents before children), without SQLite's own. */
export function workspaceTables(sqlite: Database.Database, schema = 'main'): string[] {
  const rows = sqlite.prepare(`SELECT name FROM ${schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid`).all() as { name: string }[];
  return rows.map((row) => row.name);
}

const encodeCell = (value: unknown) => (Buffer.isBuffer(value) ? { $base64: value.toString('base64') } : value);
const decodeCell = (value: unknown) =>
  value !== null && typeof value === 'object' && '$base64' in value ? Buffer.from(String((value as { $base64: string }).$base64), 'base64') : value;

/** Rows between two reports of an archive export's progress (and two chances to cancel it). */
const ROWS_PER_STEP = 20_000;

/**
 * The archive as text pieces (about 1 MB each), table by table, row by row, so a large workspace
 * never becomes one string in memory. It yields `null` every ROWS_PER_STEP rows as well: a job
 * hands the event loop back there. Each table's iterator is closed by its for-of when the consumer
 * stops early (a failed write, a cancel), so the connection is never left busy.
 */
function* archiveText(sqlite: Database.Database, schemaVersion: number, now: Date, counts: Record<string, number>, onTable?: (table: string) => void) {
  const head = { format: ARCHIVE_FORMAT, formatVersion: ARCHIVE_FORMAT_VERSION, schemaVersion, exportedAt: now.toISOString() };
  yield `${JSON.stringify(head).slice(0, -1)},"tables":{`;
  const tables = workspaceTables(sqlite);
  for (const [t, table] of tables.entries()) {
    onTable?.(table);
    const statement = sqlite.prepare(`SELECT * FROM "${table}"`).raw(true);
    const columns = statement.columns().map((column) => column.name);
    yield `${t > 0 ? ',' : ''}\n${JSON.stringify(table)}:{"columns":${JSON.stringify(columns)},"rows":[`;
    let n = 0;
    let buffer = '';
    for (const row of statement.iterate() as Iterable<unknown[]>) {
      buffer += `${n > 0 ? ',' : ''}\n${JSON.stringify(row.map(encodeCell))}`;
      if (buffer.length > 1 << 20) {
        yield buffer;
        buffer = '';
      }
      n++;
      if (n % ROWS_PER_STEP === 0) yield null;
    }
    yield `${buffer}]}`;
    counts[table] = n;
  }
  yield '}}\n';
}

/** The archive written at once (no job): a file opened before any statement, written to its end. */
export function writeArchive(sqlite: Database.Database, path: string, schemaVersion: number, now: Date): Record<string, number> {
  const counts: Record<string, number> = {};
  const fd = openOutput(path);
  try {
    for (const piece of archiveText(sqlite, schemaVersion, now, counts)) if (piece !== null) writeSync(fd, piece);
  } finally {
    closeSync(fd);
  }
  return counts;
}

/**
 * The export.archive job: the same file, written under a temporary name (export/output.ts) and put
 * at `path` only when complete, in steps that report `jobs.progress` (tables done, and rows within
 * the current table as the phase) and stop on a cancel, leaving nothing at `path`. One read
 * transaction spans it, so the archive is one consistent state even while the steps let other work in.
 */
async function writeArchiveInSteps(sqlite: Database.Database, path: string, schemaVersion: number, now: Date, job: Job): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const output = openStagedOutput(path);
  const own = !sqlite.inTransaction;
  if (own) sqlite.exec('BEGIN');
  try {
    // Progress in rows: every table counted first, inside the transaction, so the total is the archive's.
    const total = workspaceTables(sqlite).reduce((sum, table) => sum + (sqlite.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number), 0);
    const done = () => Object.values(counts).reduce((sum, n) => sum + n, 0);
    let phase = '';
    let rows = 0;
    const pieces = archiveText(sqlite, schemaVersion, now, counts, (table) => {
      phase = table;
      rows = done();
      job.progress(rows, total, phase);
    });
    try {
      for (const piece of pieces) {
        if (piece !== null) writeSync(output.fd, piece);
        else {
          rows += ROWS_PER_STEP;
          job.progress(rows, total, phase);
          await job.step();
        }
      }
    } finally {
      // Closes the open table iterator when the loop stopped early.
      pieces.return(undefined);
    }
    if (own) sqlite.exec('COMMIT');
    output.finish();
    job.progress(total, total, phase);
    return counts;
  } catch (error) {
    if (own && sqlite.inTransaction) sqlite.exec('ROLLBACK');
    output.discard();
    throw error;
  }
}

export async function exportArchive(ctx: Context, path: string) {
  const tables = await runJob(ctx, 'export.archive', 'no file was written', async (job) => {
    const counts = await ctx.db.connection().execute(() => writeArchiveInSteps(ctx.sqlite, path, ctx.schemaVersion, ctx.now(), job));
    return counts;
  });
  return { path, schemaVersion: ctx.schemaVersion, tables };
}

function readArchive(path: string): Archive {
  let archive: Archive | null;
  try {
    archive = JSON.parse(readFileSync(path, 'utf8')) as Archive | null;
  } catch (error) {
    throw new CoreError('BAD_INPUT', `${path} is not a Fulcrum archive (${(error as Error).message})`);
  }
  if (archive?.format !== ARCHIVE_FORMAT) throw new CoreError('BAD_INPUT', `${path} is not a Fulcrum workspace archive`);
  if (archive.formatVersion > ARCHIVE_FORMAT_VERSION)
    throw new CoreError('BAD_INPUT', `${path} is archive format ${archive.formatVersion}; this Fulcrum reads up to ${ARCHIVE_FORMAT_VERSION}`);
  return archive;
}

const USER_TABLES = ['accounts', 'deals', 'personas', 'contacts'];

/** Replaces the (empty) workspace's rows with the archive's, in one transaction. */
export async function importArchive(ctx: Context, path: string) {
  const archive = readArchive(path);
  if (archive.schemaVersion !== ctx.schemaVersion) {
    throw new CoreError(
      'BAD_INPUT',
      `the archive is of schema ${archive.schemaVersion}, this workspace of ${ctx.schemaVersion}; import it with the Fulcrum version that wrote it, or into a workspace of that version`,
    );
  }
  return ctx.db.connection().execute(async () => {
    const { sqlite } = ctx;
    for (const table of USER_TABLES) {
      const n = (sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
      if (n > 0) throw new CoreError('CONFLICT', `the workspace already has ${table}; an archive is imported into an empty workspace`);
    }
    const known = new Set(workspaceTables(sqlite));
    const unknown = Object.keys(archive.tables).filter((table) => !known.has(table));
    if (unknown.length > 0) throw new CoreError('BAD_INPUT', `the archive has tables this workspace does not: ${unknown.join(', ')}`);
    const counts: Record<string, number> = {};
    sqlite.transaction(() => {
      // Rows go in table order; references are checked once, at commit.
      sqlite.pragma('defer_foreign_keys = ON');
      for (const table of [...known].reverse()) sqlite.prepare(`DELETE FROM "${table}"`).run();
      for (const table of known) {
        const data = archive.tables[table];
        if (!data) continue;
        const columns = data.columns.map((column) => `"${column}"`).join(', ');
        const insert = sqlite.prepare(`INSERT INTO "${table}" (${columns}) VALUES (${data.columns.map(() => '?').join(', ')})`);
        for (const row of data.rows) insert.run(...row.map(decodeCell));
        counts[table] = data.rows.length;
      }
    })();
    ctx.emit({ name: 'workspace.changed' });
    return { schemaVersion: archive.schemaVersion, tables: counts };
  });
}
