import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect, sql } from 'kysely';
import { CoreError } from '../errors';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations';

/** Written to the SQLite header so a Fulcrum workspace is recognisable as one ("FULC"). */
export const FULCRUM_APPLICATION_ID = 0x46554c43;

export interface Workspace {
  sqlite: Database.Database;
  db: Kysely<any>;
  schemaVersion: number;
}

/**
 * Opens (or creates) a workspace file and brings its schema up to date.
 * Before writing anything it reads the header read-only, so a file that is not a workspace,
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
  if (isNew) sqlite.pragma(`application_id = ${FULCRUM_APPLICATION_ID}`);

  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new CamelCasePlugin()] });
  try {
    await migrate(db, sqlite);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { sqlite, db, schemaVersion: LATEST_SCHEMA_VERSION };
}

function inspect(dbPath: string): void {
  let reader: Database.Database | undefined;
  try {
    reader = new Database(dbPath, { readonly: true, fileMustExist: true });
    const applicationId = reader.pragma('application_id', { simple: true }) as number;
    const version = reader.pragma('user_version', { simple: true }) as number;
    const tables = reader.prepare(`SELECT count(*) AS n FROM sqlite_schema`).get() as { n: number };
    if (applicationId !== FULCRUM_APPLICATION_ID && (version !== 0 || tables.n > 0)) {
      throw new CoreError('NOT_A_WORKSPACE', `${dbPath} is a SQLite database, but not a Fulcrum workspace`);
    }
    if (version > LATEST_SCHEMA_VERSION) {
      throw new CoreError(
        'NEWER_WORKSPACE',
        `${dbPath} was written by a newer version of Fulcrum (schema ${version}; this version knows up to ${LATEST_SCHEMA_VERSION}). ` +
          'Update Fulcrum to open it; the file was not changed.',
      );
    }
  } catch (error) {
    if (error instanceof CoreError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new CoreError('NOT_A_WORKSPACE', `${dbPath} is not a Fulcrum workspace (not a SQLite database)`);
    }
    throw error;
  } finally {
    reader?.close();
  }
}

/** Runs each pending migration in its own transaction, bumping user_version inside it. */
async function migrate(db: Kysely<any>, sqlite: Database.Database): Promise<void> {
  const current = sqlite.pragma('user_version', { simple: true }) as number;
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    await db.transaction().execute(async (trx) => {
      await migration.up(trx);
      await sql.raw(`PRAGMA user_version = ${migration.version}`).execute(trx);
    });
  }
}
