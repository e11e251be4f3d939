import { closeSync, openSync, readSync } from 'node:fs';

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
