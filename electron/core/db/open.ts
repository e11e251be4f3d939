import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect, sql } from 'kysely';
import { backupBeforeMigration } from './backups';
import { registerGidFunction } from '../lib/uuid5';
import { CoreError } from '../errors';
import { damaged, readSqliteHeader, type SqliteHeader } from './header';
import { LATEST_SCHEMA_VERSION, migrations, type Migration } from './migrations';
import type { Db, Database as Tables } from './schema';

/** Written to the SQLite header so a Fulcrum workspace is recognisable as one ("FULC"). */
export const FULCRUM_APPLICATION_ID = 0x46554c43;

export interface Workspace {
  sqlite: Database.Database;
  db: Db;
  schemaVersion: number;
}

export interface OpenOptions {
  /**
   * Make a new workspace at `dbPath`: the file must not exist yet (a 0-byte file is taken too:
   * there is nothing in it to lose). Without it only an existing workspace is opened, and a missing
   * or empty file is refused, so a typo or an empty file never silently becomes a workspace.
   */
  create?: boolean;
  /** Copy an older workspace beside itself before migrating it (default); off for a throwaway copy. */
  backupBeforeMigrating?: boolean;
  /** The file named in a damage message, when dbPath is a copy of it. */
  reportAs?: string;
}

/**
 * Opens an existing workspace file (or, with `create`, makes a new one) and brings its schema up
 * to date. Before writing anything it reads the file's header with a plain read, so a file that is
 * missing, empty, not a workspace, or written by a newer Fulcrum, is refused and left byte-for-byte as it was.
 */
export async function openWorkspace(dbPath: string, options: OpenOptions = {}): Promise<Workspace> {
  const isNew = dbPath === ':memory:' || options.create === true;
  if (dbPath !== ':memory:') {
    if (options.create) refuseExisting(dbPath);
    else inspect(dbPath);
  }

  const sqlite = new Database(dbPath);
  // Before any migration: in a team workspace a migration's insert fires capture triggers that call it.
  registerGidFunction(sqlite);
  try {
    // A new file is marked as ours first: a crash before its first migration leaves a file Fulcrum recognises.
    if (isNew && sqlite.pragma('application_id', { simple: true }) !== FULCRUM_APPLICATION_ID) {
      sqlite.pragma(`application_id = ${FULCRUM_APPLICATION_ID}`);
    }
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');

    // An existing workspace about to be migrated is first copied beside itself (issue 4).
    const current = sqlite.pragma('user_version', { simple: true }) as number;
    if (!isNew && options.backupBeforeMigrating !== false && current > 0 && current < LATEST_SCHEMA_VERSION) {
      await backupBeforeMigration(sqlite, dbPath, current, LATEST_SCHEMA_VERSION);
    }
  } catch (error) {
    sqlite.close();
    throw damaged(options.reportAs ?? dbPath, error) ?? error;
  }

  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new CamelCasePlugin()] });
  try {
    await migrate(db, sqlite);
  } catch (error) {
    await db.destroy();
    if (sqlite.open) sqlite.close();
    throw damaged(options.reportAs ?? dbPath, error) ?? error;
  }
  return { sqlite, db, schemaVersion: LATEST_SCHEMA_VERSION };
}

/** `create` never overwrites: a file with content (a workspace or anything else) is refused. */
function refuseExisting(dbPath: string): void {
  if (!existsSync(dbPath)) return;
  const stat = statSync(dbPath);
  if (stat.isDirectory()) throw new CoreError('CONFLICT', `${dbPath} is a folder; choose a file name for the new workspace`);
  if (stat.size > 0) throw new CoreError('CONFLICT', `${dbPath} already exists; a new workspace never overwrites a file (open it instead, or choose another name)`);
}

/** Refuses, before anything is written, a missing or empty file, one that is not a workspace, or one from a newer Fulcrum. */
export function inspect(dbPath: string): SqliteHeader {
  let stat;
  try {
    stat = statSync(dbPath);
  } catch {
    throw new CoreError('NOT_FOUND', `${dbPath} does not exist; to make a new workspace there, create it (File › New Workspace…, fulcrum new, or --new)`);
  }
  if (stat.isDirectory()) throw new CoreError('NOT_A_WORKSPACE', `${dbPath} is a folder, not a Fulcrum workspace file`);
  if (stat.size === 0) throw new CoreError('NOT_A_WORKSPACE', `${dbPath} is empty, not a Fulcrum workspace; it was left as it is`);
  const header = readSqliteHeader(dbPath);
  if (!header) throw new CoreError('NOT_A_WORKSPACE', `${dbPath} is not a Fulcrum workspace (not a SQLite database)`);
  if (header.applicationId !== FULCRUM_APPLICATION_ID) {
    throw new CoreError('NOT_A_WORKSPACE', `${dbPath} is a SQLite database, but not a Fulcrum workspace`);
  }
  if (header.userVersion > LATEST_SCHEMA_VERSION) {
    throw new CoreError(
      'NEWER_WORKSPACE',
      `${dbPath} was written by a newer version of Fulcrum (schema ${header.userVersion}; this version knows up to ${LATEST_SCHEMA_VERSION}). ` +
        'Update Fulcrum to open it; the file was not changed.',
    );
  }
  return header;
}

/**
 * Runs each pending migration in its own transaction, bumping user_version inside it.
 * Exported (with the list as a parameter) so a test can prove a failing migration changes nothing.
 * Kysely<any>: the frozen migrations are raw DDL, written against no particular version of db/schema.ts.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the frozen migrations' own type (see above)
export async function migrate(db: Kysely<any>, sqlite: Database.Database, list: readonly Migration[] = migrations): Promise<void> {
  const current = sqlite.pragma('user_version', { simple: true }) as number;
  for (const migration of list) {
    if (migration.version <= current) continue;
    // A table rebuild (SQLite's documented way to change a column) drops a parent table: with foreign
    // keys on, that would cascade to its children. The pragma is a no-op inside a transaction, so it is
    // set around it, and the rebuild must leave no dangling reference before it commits.
    if (migration.foreignKeysOff) sqlite.pragma('foreign_keys = OFF');
    try {
      await db.transaction().execute(async (trx) => {
        await migration.up(trx);
        if (migration.foreignKeysOff) {
          const { rows } = await sql<{ table: string }>`PRAGMA foreign_key_check`.execute(trx);
          if (rows.length > 0) throw new Error(`${migration.name} left ${rows.length} rows with a dangling reference (first in ${rows[0]!.table})`);
        }
        await sql.raw(`PRAGMA user_version = ${migration.version}`).execute(trx);
      });
    } finally {
      if (migration.foreignKeysOff) sqlite.pragma('foreign_keys = ON');
    }
  }
}
