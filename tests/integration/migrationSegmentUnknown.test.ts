import Database from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../electron/core/db/migrations';
import { migrate } from '../../electron/core/db/open';
import { FULCRUM_APPLICATION_ID } from '../../electron/core/db/open';
import { tempWorkspacePath, testCore } from '../fixtures/core';

// 0010_segment_unknown rebuilds accounts (SQLite cannot drop NOT NULL in place). On a workspace with
// data it must keep every row, child row, index and constraint, and leave the checks clean.

/** A workspace file at schema 9 with accounts and the rows that hang off them. */
async function workspaceAtNine(): Promise<string> {
  const path = tempWorkspacePath();
  const sqlite = new Database(path);
  sqlite.pragma(`application_id = ${FULCRUM_APPLICATION_ID}`);
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new CamelCasePlugin()] });
  await migrate(db, sqlite, migrations.slice(0, 9));
  const account = sqlite.prepare(
    `INSERT INTO accounts (name, segment, arr_minor, created_at, updated_at) VALUES (?, ?, ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
  );
  account.run('Acme', 'enterprise', 120_000);
  account.run('Globex', 'smb', 0);
  account.run('Initech', 'mid_market', 5_000);
  account.run('Gone Ltd', 'smb', 0);
  // The highest id is deleted: a rebuilt table must not hand id 4 out again.
  sqlite.prepare(`DELETE FROM accounts WHERE name = 'Gone Ltd'`).run();
  const contact = sqlite.prepare(`INSERT INTO contacts (account_id, name, email, created_at, updated_at) VALUES (?, ?, ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`);
  for (const [id, name] of [
    [1, 'Ann'],
    [1, 'Bob'],
    [2, 'Cy'],
    [3, 'Di'],
  ] as const)
    contact.run(id, name, `${name.toLowerCase()}@example.com`);
  const survey = sqlite.prepare(
    `INSERT INTO survey_responses (account_id, responded_at, kind, score, created_at, updated_at) VALUES (?, '2026-01-01T00:00:00.000Z', 'nps', ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
  );
  survey.run(1, 9);
  survey.run(3, 4);
  await db.destroy();
  return path;
}

describe('0010_segment_unknown on a workspace with data', () => {
  it('keeps every row, index and reference, makes segment nullable, and leaves the checks clean', async () => {
    const path = await workspaceAtNine();
    const before = new Database(path, { readonly: true });
    const indexesBefore = before.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'accounts' ORDER BY name`).all();
    const accountsBefore = before.prepare('SELECT * FROM accounts ORDER BY id').all();
    before.close();

    const core = await testCore(path);
    const sqlite = core.context.sqlite;
    expect(sqlite.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(10);
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');

    // The data as it was: every 'smb' stays (nobody can tell which one was invented).
    expect(sqlite.prepare('SELECT * FROM accounts ORDER BY id').all()).toEqual(accountsBefore);
    expect(sqlite.prepare('SELECT account_id, name FROM contacts ORDER BY id').all()).toEqual([
      { account_id: 1, name: 'Ann' },
      { account_id: 1, name: 'Bob' },
      { account_id: 2, name: 'Cy' },
      { account_id: 3, name: 'Di' },
    ]);
    expect(sqlite.prepare('SELECT count(*) AS n FROM survey_responses').get()).toEqual({ n: 2 });
    expect(sqlite.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'accounts' ORDER BY name`).all()).toEqual(indexesBefore);

    // Segment: nullable, no default, and a blank one is still refused.
    const columns = sqlite.prepare(`SELECT name, "notnull", dflt_value FROM pragma_table_info('accounts') WHERE name = 'segment'`).all();
    expect(columns).toEqual([{ name: 'segment', notnull: 0, dflt_value: null }]);
    const inserted = sqlite.prepare(`INSERT INTO accounts (name, created_at, updated_at) VALUES ('Nosegment', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`).run();
    expect(inserted.lastInsertRowid).toBe(5);
    expect(sqlite.prepare('SELECT segment FROM accounts WHERE id = 5').get()).toEqual({ segment: null });
    expect(() => sqlite.prepare(`UPDATE accounts SET segment = '  ' WHERE id = 5`).run()).toThrow(/CHECK constraint failed/);

    // The foreign keys still act: deleting an account cascades to its contacts and responses.
    sqlite.prepare('DELETE FROM accounts WHERE id = 1').run();
    expect(sqlite.prepare('SELECT count(*) AS n FROM contacts').get()).toEqual({ n: 2 });
    expect(sqlite.prepare('SELECT count(*) AS n FROM survey_responses').get()).toEqual({ n: 1 });
    await core.close();
  });
});
