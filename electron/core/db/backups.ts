import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { BackupFile } from '../../../shared/contract/backup';

// SQLite's online backup API: a consistent copy of the workspace while it is open and in use.
// Backups of a file go to `<name>.backups/` beside it, named `<name>-<UTC stamp>-<kind>.fulcrum`.

export type BackupKind = 'manual' | 'scheduled' | 'pre-migration' | 'pre-restore';

export function backupsFolder(dbPath: string): string {
  return join(dirname(resolve(dbPath)), `${basename(dbPath, extname(dbPath))}.backups`);
}

const stamp = (now: Date) =>
  now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.(\d{3})Z$/, '$1Z');

export function backupPath(dbPath: string, kind: BackupKind, now: Date): string {
  return join(backupsFolder(dbPath), `${basename(dbPath, extname(dbPath))}-${stamp(now)}-${kind}.fulcrum`);
}

/**
 * Copies the workspace to `dest`. A file workspace is read through its own read-only connection,
 * so the copy is the last committed state even while this process is in the middle of a write
 * transaction (WAL readers see a snapshot); an in-memory workspace is copied from its connection.
 */
export async function backupTo(sqlite: Database.Database, dbPath: string, dest: string): Promise<BackupFile & { kind: string }> {
  if (resolve(dest) === resolve(dbPath)) throw new Error('a backup cannot overwrite the workspace itself');
  mkdirSync(dirname(resolve(dest)), { recursive: true });
  if (existsSync(dest)) rmSync(dest);
  if (dbPath === ':memory:' || sqlite.memory) await sqlite.backup(dest);
  else {
    const reader = new Database(dbPath, { readonly: true, fileMustExist: true });
    try {
      await reader.backup(dest);
    } finally {
      reader.close();
    }
  }
  return describe(dest);
}

export function describe(path: string): BackupFile {
  const stat = statSync(path);
  const kind = /-(manual|scheduled|pre-migration|pre-restore)\.fulcrum$/.exec(path)?.[1] ?? 'other';
  return { id: basename(path), path, bytes: stat.size, createdAt: stat.mtime.toISOString(), kind };
}

/** The backups in the workspace's folder, newest first. */
export function listBackups(dbPath: string): BackupFile[] {
  const folder = backupsFolder(dbPath);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.fulcrum'))
    .map((name) => describe(join(folder, name)))
    .sort((a, b) => b.path.localeCompare(a.path));
}

/**
 * A backup of the list by its id (its file name): a plain name of a `.fulcrum` file that is in the
 * workspace's backups folder now. Anything else is refused; no path reaches the restore.
 */
export function backupById(dbPath: string, id: string): string | undefined {
  if (id !== basename(id) || id.includes('\\') || id.startsWith('.')) return undefined;
  return listBackups(dbPath).find((file) => file.id === id)?.path;
}

/** Keeps the newest `keep` backups of a kind; returns the paths removed. */
export function prune(dbPath: string, kind: BackupKind, keep: number): string[] {
  const old = listBackups(dbPath)
    .filter((file) => file.kind === kind)
    .slice(keep);
  for (const file of old) rmSync(file.path, { force: true });
  return old.map((file) => file.path);
}

/**
 * Called by openWorkspace before it migrates an existing file: the file as it was, beside it.
 * Uses the connection that is about to migrate (nothing else has the file open yet).
 */
export async function backupBeforeMigration(sqlite: Database.Database, dbPath: string, from: number, to: number, now = new Date()): Promise<string> {
  const dest = backupPath(dbPath, 'pre-migration', now).replace(/-pre-migration\.fulcrum$/, `-v${from}-to-v${to}-pre-migration.fulcrum`);
  mkdirSync(dirname(dest), { recursive: true });
  await sqlite.backup(dest);
  return dest;
}
