import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import type { BackupFile } from '../../../shared/contract/backup';
import type { Context } from '../context';
import { openWorkspace } from '../db/open';
import { CoreError } from '../errors';
import { workspaceTables } from '../export/archive';
import { ensureDerived } from '../derived/refresh';
import { backupById, backupPath, backupsFolder, backupTo, listBackups, prune } from '../db/backups';

const SETTINGS_KEY = 'backup';
const DEFAULT_KEEP = 7;

function readKeep(sqlite: Database.Database): number {
  const row = sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(SETTINGS_KEY) as { value: string } | undefined;
  const keep = row ? (JSON.parse(row.value) as { keep?: unknown }).keep : undefined;
  return typeof keep === 'number' && Number.isInteger(keep) && keep >= 1 ? keep : DEFAULT_KEEP;
}

const onDisk = (ctx: Context) => {
  if (ctx.dbPath === ':memory:') throw new CoreError('BAD_INPUT', 'an in-memory workspace has no folder for backups; give a path');
  return ctx.dbPath;
};

export async function createBackup(ctx: Context, path?: string): Promise<BackupFile> {
  const dest = path ?? backupPath(onDisk(ctx), 'manual', ctx.now());
  return backupTo(ctx.sqlite, ctx.dbPath, dest);
}

export async function scheduledBackup(ctx: Context) {
  const dbPath = onDisk(ctx);
  const created = await backupTo(ctx.sqlite, dbPath, backupPath(dbPath, 'scheduled', ctx.now()));
  const keep = await ctx.db.connection().execute(async () => readKeep(ctx.sqlite));
  return { created, removed: prune(dbPath, 'scheduled', keep) };
}

export async function backupSettings(ctx: Context, keep?: number) {
  return ctx.db.connection().execute(async () => {
    if (keep !== undefined) {
      ctx.sqlite
        .prepare(`INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`)
        .run(SETTINGS_KEY, JSON.stringify({ keep }), ctx.now().toISOString());
    }
    return { keep: readKeep(ctx.sqlite), folder: ctx.dbPath === ':memory:' ? '' : backupsFolder(ctx.dbPath) };
  });
}

export const backupList = (ctx: Context) => listBackups(onDisk(ctx));

/** The file of a listed backup (`backup.restore`'s id); NOT_FOUND names what may be restored instead. */
export function backupFileOf(ctx: Context, id: string): string {
  const path = backupById(onDisk(ctx), id);
  if (!path) {
    throw new CoreError('NOT_FOUND', `no backup '${id.slice(0, 100)}' in ${backupsFolder(ctx.dbPath)}: restore one of backup.list by its id`);
  }
  return path;
}

/**
 * Replaces the workspace's contents with a backup's, after the caller confirmed: (a copy of) the
 * backup is checked and brought to this schema version, then the current state is kept as a
 * `pre-restore` backup, and the backup's rows replace every table's in one transaction on the open
 * connection, so the app keeps running and a failure leaves the workspace as it was. A file that is
 * not a workspace (an empty one included) is refused before anything is written.
 */
export async function restoreBackup(ctx: Context, path: string) {
  const source = resolve(path);
  if (!existsSync(source)) throw new CoreError('NOT_FOUND', `no such backup: ${source}`);
  const dir = mkdtempSync(join(tmpdir(), 'fulcrum-restore-'));
  const copy = join(dir, 'restore.fulcrum');
  try {
    copyFileSync(source, copy);
    // Opening the copy refuses a missing, empty, non-workspace or newer file (naming the backup), and migrates an older one.
    const opened = await openWorkspace(copy, { backupBeforeMigrating: false, reportAs: source }).catch((error: unknown) => {
      throw error instanceof CoreError ? new CoreError(error.code, `${error.message.split(copy).join(source)}; the workspace was not changed`) : error;
    });
    await opened.db.destroy();
    if (opened.sqlite.open) opened.sqlite.close();
    const previous = await backupTo(ctx.sqlite, ctx.dbPath, backupPath(onDisk(ctx), 'pre-restore', ctx.now()));
    const tables = await ctx.db.connection().execute(async () => {
      const copied = copyTables(ctx.sqlite, copy);
      // The backup's derived data came with it; rebuilt here if it is of another layout or was owed a refresh.
      ensureDerived(ctx.sqlite, ctx.now());
      return copied;
    });
    ctx.emit({ name: 'workspace.changed' });
    return { restoredFrom: source, previousKeptAt: previous.path, tables };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function copyTables(sqlite: Database.Database, from: string): number {
  sqlite.prepare('ATTACH DATABASE ? AS restore_source').run(from);
  try {
    const theirs = new Set(workspaceTables(sqlite, 'restore_source'));
    const ours = workspaceTables(sqlite);
    sqlite.transaction(() => {
      sqlite.pragma('defer_foreign_keys = ON');
      for (const table of [...ours].reverse()) sqlite.prepare(`DELETE FROM main."${table}"`).run();
      for (const table of ours) {
        if (!theirs.has(table)) continue;
        const columns = (sqlite.prepare(`SELECT name FROM pragma_table_info(?, 'main')`).all(table) as { name: string }[]).map((c) => `"${c.name}"`).join(', ');
        sqlite.prepare(`INSERT INTO main."${table}" (${columns}) SELECT ${columns} FROM restore_source."${table}"`).run();
      }
    })();
    return ours.length;
  } finally {
    sqlite.prepare('DETACH DATABASE restore_source').run();
  }
}
