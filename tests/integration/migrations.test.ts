import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, migrations, type Migration } from '../../electron/core/db/migrations';
import { migrate } from '../../electron/core/db/open';
import { testCore } from '../fixtures/core';

const MIGRATIONS_DIR = join(import.meta.dirname, '../../electron/core/db/migrations');

let sqlite: Database.Database;
let db: Kysely<any>;
beforeEach(() => {
  sqlite = new Database(':memory:');
  sqlite.pragma('foreign_keys = ON');
  db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new CamelCasePlugin()] });
});
afterEach(() => db.destroy());

const userVersion = () => sqlite.pragma('user_version', { simple: true }) as number;
/** The schema as SQLite stores it: every table, index and trigger with its SQL. */
const schema = (connection: Database.Database = sqlite) =>
  connection.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name').all() as {
    type: string;
    name: string;
    tbl_name: string;
    sql: string | null;
  }[];

describe('migrations', () => {
  it('bring a fresh workspace to the latest schema version', async () => {
    expect(userVersion()).toBe(0);
    await migrate(db, sqlite);
    expect(userVersion()).toBe(LATEST_SCHEMA_VERSION);
    expect(LATEST_SCHEMA_VERSION).toBe(migrations.at(-1)!.version);

    const core = await testCore();
    expect(core.context.sqlite.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(core.context.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(schema(core.context.sqlite)).toEqual(schema());
    await core.close();
  });

  it('produce the schema on record (a landed migration is frozen: change the schema in a new one)', async () => {
    await migrate(db, sqlite);
    const text = schema()
      .map((row) => `-- ${row.type} ${row.name} on ${row.tbl_name}\n${row.sql ?? '-- (created by SQLite)'};\n`)
      .join('\n');
    await expect(`-- user_version ${userVersion()}\n\n${text}`).toMatchFileSnapshot('./__snapshots__/schema.sql');
  });

  it('are registered in order, one for each NNNN_name.ts file, numbered without gaps', async () => {
    const files = readdirSync(MIGRATIONS_DIR)
      .filter((file) => file.endsWith('.ts') && file !== 'index.ts' && !file.endsWith('.test.ts'))
      .sort();
    // Every other file in the folder is a migration, and named like one.
    for (const file of files) expect(file).toMatch(/^\d{4}_[a-z0-9_]+\.ts$/);
    const names = files.map((file) => file.replace(/\.ts$/, ''));
    expect(migrations.map((m) => m.name)).toEqual(names);
    expect(migrations.map((m) => m.version)).toEqual(names.map((name) => Number(name.slice(0, 4))));
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    // The registry runs each file's own `up`, not a copy or a neighbour's.
    for (const [i, name] of names.entries()) {
      const module = (await import(join(MIGRATIONS_DIR, `${name}.ts`))) as { up: Migration['up'] };
      expect(migrations[i]!.up).toBe(module.up);
    }
  });

  it('run only the pending ones', async () => {
    await migrate(db, sqlite);
    const next: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      name: 'next',
      up: async (trx) => {
        await sql`CREATE TABLE later_table (id INTEGER PRIMARY KEY)`.execute(trx);
      },
    };
    await migrate(db, sqlite, [...migrations, next]);
    expect(userVersion()).toBe(LATEST_SCHEMA_VERSION + 1);
    // A second run must skip every migration: re-running any would fail with "already exists".
    await migrate(db, sqlite, [...migrations, next]);
    expect(schema().filter((row) => row.name === 'later_table')).toHaveLength(1);
  });

  it('run each migration in a transaction: one that fails midway changes nothing', async () => {
    await migrate(db, sqlite);
    sqlite.prepare(`INSERT INTO accounts (name, created_at, updated_at) VALUES ('Acme', 'x', 'x')`).run();
    const before = schema();
    const broken: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      name: 'broken',
      up: async (trx) => {
        await sql`CREATE TABLE half_done (id INTEGER PRIMARY KEY)`.execute(trx);
        await sql`ALTER TABLE accounts ADD COLUMN nickname TEXT`.execute(trx);
        await sql`UPDATE accounts SET name = 'Changed'`.execute(trx);
        await sql`INSERT INTO no_such_table VALUES (1)`.execute(trx);
      },
    };
    await expect(migrate(db, sqlite, [...migrations, broken])).rejects.toThrow(/no such table: no_such_table/);
    expect(userVersion()).toBe(LATEST_SCHEMA_VERSION);
    expect(schema()).toEqual(before);
    expect(sqlite.prepare('SELECT name FROM accounts').all()).toEqual([{ name: 'Acme' }]);
  });

  it('leave a fresh file empty when the very first migration fails', async () => {
    const failing: Migration = {
      version: 1,
      name: 'failing',
      up: async (trx) => {
        await sql`CREATE TABLE first_table (id INTEGER PRIMARY KEY)`.execute(trx);
        throw new Error('disk on fire');
      },
    };
    await expect(migrate(db, sqlite, [failing])).rejects.toThrow('disk on fire');
    expect(userVersion()).toBe(0);
    expect(schema()).toEqual([]);
  });
});

describe('CHECK constraints', () => {
  beforeEach(async () => {
    await migrate(db, sqlite);
    sqlite.prepare(`INSERT INTO accounts (id, name, created_at, updated_at) VALUES (1, 'Acme', 'x', 'x')`).run();
  });

  const survey = (kind: string, score: number | null, nonAnswer: string | null = null) =>
    `INSERT INTO survey_responses (account_id, responded_at, kind, score, non_answer, created_at, updated_at)
     VALUES (1, '2026-01-01T00:00:00.000Z', '${kind}', ${score ?? 'NULL'}, ${nonAnswer ? `'${nonAnswer}'` : 'NULL'}, 'x', 'x')`;
  const ticket = (columns: string) => {
    const values: Record<string, string> = { account_id: '1', opened_at: "'2026-01-02T00:00:00.000Z'", channel: "'email'", created_at: "'x'", updated_at: "'x'" };
    for (const pair of columns.split(',').filter(Boolean)) {
      const [key, value] = pair.split('=') as [string, string];
      values[key.trim()] = value.trim();
    }
    return `INSERT INTO tickets (${Object.keys(values).join(', ')}) VALUES (${Object.values(values).join(', ')})`;
  };

  it.each([
    ['NPS 11', survey('nps', 11)],
    ['NPS -1', survey('nps', -1)],
    ['CSAT 6', survey('csat', 6)],
    ['CSAT 0', survey('csat', 0)],
    ['NSAT 5', survey('nsat', 5)],
    ['NSAT 0', survey('nsat', 0)],
    ['CES 8', survey('ces', 8)],
    ['CES 0', survey('ces', 0)],
    ['a kind that does not exist', survey('loyalty', 5)],
    ['a non-answer on CSAT', survey('csat', null, 'dont_know')],
    ['a score and a non-answer', survey('nsat', 2, 'dont_know')],
    ['neither a score nor a non-answer', survey('nps', null)],
    ['ticket CSAT 6', ticket('csat=6')],
    ['a first response before the opening', ticket("first_response_at='2026-01-01T00:00:00.000Z'")],
    ['a resolution before the opening', ticket("resolved_at='2026-01-01T00:00:00.000Z'")],
    ['an unknown ticket priority', ticket("priority='whenever'")],
    [
      'a touchpoint sentiment of 3',
      `INSERT INTO touchpoints (account_id, occurred_at, channel, kind, sentiment, created_at, updated_at) VALUES (1, 'x', 'email', 'qbr', 3, 'x', 'x')`,
    ],
    ['a touchpoint by fax', `INSERT INTO touchpoints (account_id, occurred_at, channel, kind, created_at, updated_at) VALUES (1, 'x', 'fax', 'qbr', 'x', 'x')`],
    ['a gross margin of 101 %', `INSERT INTO accounts (name, gross_margin_pct, created_at, updated_at) VALUES ('B', 101, 'x', 'x')`],
    ['negative ARR', `INSERT INTO accounts (name, arr_minor, created_at, updated_at) VALUES ('B', -1, 'x', 'x')`],
    ['a blank account name', `INSERT INTO accounts (name, created_at, updated_at) VALUES ('  ', 'x', 'x')`],
    ['a two-letter currency', `INSERT INTO accounts (name, currency, created_at, updated_at) VALUES ('B', 'US', 'x', 'x')`],
    ['tags that are not JSON', `INSERT INTO accounts (name, tags, created_at, updated_at) VALUES ('B', 'pilot', 'x', 'x')`],
    ['a deal closed before it opened', `INSERT INTO deals (prospect, opened_at, closed_at, created_at, updated_at) VALUES ('P', '2026-02-01', '2026-01-01', 'x', 'x')`],
    ['a champion flag of 2', `INSERT INTO contacts (account_id, name, is_champion, created_at, updated_at) VALUES (1, 'Ada', 2, 'x', 'x')`],
  ])('rejects %s inserted with raw SQL', (_what, statement) => {
    expect(() => sqlite.prepare(statement).run()).toThrow(expect.objectContaining({ code: 'SQLITE_CONSTRAINT_CHECK' }));
  });

  it.each([
    ['NPS 0 and 10', [survey('nps', 0), survey('nps', 10)]],
    ['CSAT 1 and 5', [survey('csat', 1), survey('csat', 5)]],
    ['NSAT 1 and 4, and its non-answers', [survey('nsat', 1), survey('nsat', 4), survey('nsat', null, 'dont_know'), survey('nsat', null, 'not_applicable')]],
    ['CES 1 and 7', [survey('ces', 1), survey('ces', 7)]],
    ['a ticket answered and solved at its opening', [ticket("first_response_at='2026-01-02T00:00:00.000Z', resolved_at='2026-01-02T00:00:00.000Z', csat=5")]],
  ])('accepts %s', (_what, statements) => {
    for (const statement of statements) expect(sqlite.prepare(statement).run().changes).toBe(1);
  });
});
