import { constants, copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { inspect, openWorkspace, type Workspace } from './open';

// Reading a workspace without writing anything to it or beside it. SQLite cannot do that in place:
// even a read-only connection to a WAL database creates (and leaves) -wal and -shm files beside it,
// and an older workspace would need migrating first. So the file is copied to a private temp
// folder and the copy is opened (and migrated) there; the original is only ever read.

export interface Snapshot extends Workspace {
  /** The schema version of the original file (the copy is at the latest). */
  schemaVersion: number;
  /** Closes nothing: deletes the copy's folder (close the connection first). */
  dispose(): void;
}

export async function openSnapshot(dbPath: string): Promise<Snapshot> {
  // The original's checks, with its own name in the messages; nothing is written.
  const header = inspect(dbPath);
  const dir = mkdtempSync(join(tmpdir(), 'fulcrum-read-'));
  const dispose = () => rmSync(dir, { recursive: true, force: true });
  const copy = join(dir, basename(dbPath));
  try {
    if (existsSync(`${dbPath}-wal`) && existsSync(`${dbPath}-shm`)) {
      // Open in another process: its last committed state, read through SQLite (the files exist, none is created).
      const reader = new Database(dbPath, { readonly: true, fileMustExist: true });
      try {
        await reader.backup(copy);
      } finally {
        reader.close();
      }
    } else {
      // Closed (or left by a crash): the file, and any -wal, as they are; SQLite recovers the copy.
      copyFileSync(dbPath, copy, constants.COPYFILE_FICLONE);
      if (existsSync(`${dbPath}-wal`)) copyFileSync(`${dbPath}-wal`, `${copy}-wal`, constants.COPYFILE_FICLONE);
    }
    const workspace = await openWorkspace(copy, { backupBeforeMigrating: false, reportAs: dbPath });
    workspace.sqlite.pragma('query_only = ON');
    return { ...workspace, schemaVersion: header.userVersion, dispose };
  } catch (error) {
    dispose();
    throw error;
  }
}
