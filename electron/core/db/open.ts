import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect, sql } from 'kysely';
import { backupBeforeMigration } from '../backup/backup';
import { CoreError } from '../errors';
import { readSqliteHeader } from './header';
import { LATEST_SCHEMA_VERSION, migrations, type Migration } from './migrations';

/** Written to the SQLite header so a Fulcrum workspace is recognisable as one ("FULC"). */
export const FULCRUM_APPLICATION_ID = 0x46554c43;

export interface Workspace {
  sqlite: Database.Database;
  db: Kysely<any>;
  schemaVersion: number;
}

/**
 * Opens (or creates) a workspace file and brings its schema up to date.
 * Before writing anything it reads the file's header with a plain read, so a file that is not a workspace,
 * or one written by a newer Fulcrum, is refused and left byte-for-byte as it was.
 */
export async function openWorkspace(dbPath: string): Promise<Workspace> {
  const isNew = dbPath === ':memory:' || !existsSync(dbPath) || statSync(dbPath).size === 0;
  if (!isNew) inspect(dbPath);

  const sqlite = new Database(dbPath);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  // inspect() has refused every file with content that is not ours, so an empty SQLite file (no tables,
  // user_version 0) is adopted here too: stamp it, or the next open would refuse it as NOT_A_WORKSPACE.
  if (sqlite.pragma('application_id', { simple: true }) !== FULCRUM_APPLICATION_ID) {
    sqlite.pragma(`application_id = ${FULCRUM_APPLICATION_ID}`);
  }

  // An existing workspace about to be migrated is first copied beside itself (issue 4).
  const current = sqlite.pragma('user_version', { simple: true }) as number;
  if (!isNew && current > 0 && current < LATEST_SCHEMA_VERSION) await backupBeforeMigration(sqlite, dbPath, current, LATEST_SCHEMA_VERSION);

  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new CamelCasePlugin()] });
  try {
    await migrate(db, sqlite);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { sqlite, db, schemaVersion: LATEST_SCHEMA_VERSION };
}

/** Refuses, before anything is written, a file that is not a workspace or is from a newer Fulcrum. */
function inspect(dbPath: string): void {
  const header = readSqliteHeader(dbPath);
  if (!header) throw new CoreError('NOT_A_WORKSPACE', `${dbPath} is not a Fulcrum workspace (not a SQLite database)`);
  // An empty SQLite file (one page, no schema, no version) is adopted; anything else must carry our mark.
  const isEmpty = header.pageCount <= 1 && header.userVersion === 0;
  if (header.applicationId !== FULCRUM_APPLICATION_ID && !isEmpty) {
    throw new CoreError('NOT_A_WORKSPACE', `${dbPath} is a SQLite database, but not a Fulcrum workspace`);
  }
  if (header.userVersion > LATEST_SCHEMA_VERSION) {
    throw new CoreError(
      'NEWER_WORKSPACE',
      `${dbPath} was written by a newer version of Fulcrum (schema ${header.userVersion}; this version knows up to ${LATEST_SCHEMA_VERSION}). ` +
        'Update Fulcrum to open it; the file was not changed.',
    );
  }
}

/**
 * Runs each pending migration in its own transaction, bumping user_version inside it.
 * Exported (with the list as a parameter) so a test can prove a failing migration changes nothing.
 */
export async function migrate(db: Kysely<any>, sqlite: Database.Database, list: readonly Migration[] = migrations): Promise<void> {
  const current = sqlite.pragma('user_version', { simple: true }) as number;
  for (const migration of list) {
    if (migration.version <= current) continue;
    await db.transaction().execute(async (trx) => {
      await migration.up(trx);
      await sql.raw(`PRAGMA user_version = ${migration.version}`).execute(trx);
    });
  }
}
