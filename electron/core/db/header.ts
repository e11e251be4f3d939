import { closeSync, openSync, readSync } from 'node:fs';
import { backupsFolder, listBackups } from './backups';
import { CoreError } from '../errors';

/** The facts of a SQLite file's 100-byte header that decide whether Fulcrum may open it. */
export interface SqliteHeader {
  userVersion: number;
  applicationId: number;
  /** Pages in the database: 1 is an empty schema. */
  pageCount: number;
}

const MAGIC = 'SQLite format 3\0';

/**
 * Reads the header with a plain file read, so inspecting a file never creates a -wal or -shm beside
 * it (opening it with SQLite, even read-only, would). Undefined when the file is not SQLite.
 * Offsets from https://www.sqlite.org/fileformat.html#the_database_header.
 */
export function parseSqliteHeader(bytes: Buffer): SqliteHeader | undefined {
  if (bytes.length < 100 || bytes.toString('latin1', 0, 16) !== MAGIC) return undefined;
  return {
    pageCount: bytes.readUInt32BE(28),
    userVersion: bytes.readUInt32BE(60),
    applicationId: bytes.readUInt32BE(68),
  };
}

export function readSqliteHeader(path: string): SqliteHeader | undefined {
  const bytes = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  try {
    const read = readSync(fd, bytes, 0, 100, 0);
    return parseSqliteHeader(bytes.subarray(0, read));
  } finally {
    closeSync(fd);
  }
}

const DAMAGE_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB']);

/** Whether an error from SQLite says the file's pages are damaged ("database disk image is malformed"). */
export function isDamage(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && [...DAMAGE_CODES].some((damage) => code === damage || code.startsWith(`${damage}_`));
}

/**
 * What a user can do about a damaged workspace, in one line: the file's name and the newest backup
 * Fulcrum keeps beside it (`<name>.backups/`), or where it looked for one.
 */
export function damagedMessage(dbPath: string): string {
  const latest = listBackups(dbPath)[0];
  const what = `${dbPath} is damaged (database disk image is malformed), so Fulcrum cannot read it`;
  if (!latest) return `${what}. No backup of it was found in ${backupsFolder(dbPath)}; keep the file as it is and restore it from your own copies.`;
  return `${what}. Restore the latest backup, ${latest.path} (${latest.createdAt}): open it with File › Open…, or copy it over the damaged file while Fulcrum is closed.`;
}

/** A CoreError with `damagedMessage` when `error` is SQLite reporting damage; undefined otherwise. */
export function damaged(dbPath: string, error: unknown): CoreError | undefined {
  if (!isDamage(error) || dbPath === ':memory:') return undefined;
  return new CoreError('NOT_A_WORKSPACE', damagedMessage(dbPath));
}
