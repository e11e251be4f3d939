import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables, type ColumnSpec, type Family } from '../../electron/core/db/schema';
import { testCore, type TestCore } from '../fixtures/core';

// The Kysely `Database` interface (derived from `tables` in electron/core/db/schema.ts) against the
// schema a freshly migrated workspace really has: a migration that adds, drops or changes a column
// fails here until the description follows it.

/** Kysely's CamelCasePlugin, for the names SQLite stores: `survey_responses` -> `surveyResponses`. */
const camel = (name: string) => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** SQLite's type affinity rules (https://www.sqlite.org/datatype3.html#determination_of_column_affinity). */
function family(declared: string): Family | `numeric (${string})` {
  const type = declared.toUpperCase();
  if (type.includes('INT')) return 'integer';
  if (/CHAR|CLOB|TEXT/.test(type)) return 'text';
  if (type === '' || type.includes('BLOB')) return 'blob';
  if (/REAL|FLOA|DOUB/.test(type)) return 'real';
  return `numeric (${declared})`;
}

interface ColumnInfo {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
  hidden: number;
}

let core: TestCore;
let live: Record<string, Record<string, string>>;

beforeAll(async () => {
  core = await testCore();
  const { sqlite } = core.context;
  const names = sqlite
    .prepare(`SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name`)
    .pluck()
    .all() as string[];
  live = {};
  for (const table of names) {
    const columns = sqlite.prepare('SELECT * FROM pragma_table_xinfo(?)').all(table) as ColumnInfo[];
    const keys = columns.filter((c) => c.pk > 0);
    live[camel(table)] = Object.fromEntries(
      columns.map((c) => {
        // An INTEGER PRIMARY KEY is the rowid: never NULL, and SQLite picks it when an insert leaves it out.
        const rowid = keys.length === 1 && c.pk === 1 && c.type.toUpperCase() === 'INTEGER';
        // A primary key column is read as NOT NULL: the app never writes a NULL key (SQLite's legacy
        // quirk would accept one in settings.key, the only key without an explicit NOT NULL).
        const nullable = c.notnull === 0 && c.pk === 0;
        const generated = rowid || c.dflt_value !== null || c.hidden === 2 || c.hidden === 3;
        const spec = `${family(c.type)}${nullable ? ' null' : generated ? ' generated' : ''}`;
        return [camel(c.name), spec];
      }),
    );
  }
});
afterAll(() => core?.close());

describe('the Database interface', () => {
  it('names every table of the live schema, and no other', () => {
    expect(Object.keys(tables).sort()).toEqual(Object.keys(live).sort());
  });

  it.each(Object.keys(tables))('%s: same columns, type family, nullability and defaults as the live table', (table) => {
    const described: Record<string, ColumnSpec> = tables[table as keyof typeof tables];
    const actual = live[table] ?? {};
    // Printed on failure, ready to paste into schema.ts.
    const line = (columns: Record<string, string>) =>
      Object.entries(columns)
        .map(([column, spec]) => `${column}: '${spec}'`)
        .join(', ');
    expect(line(described), `${table} in electron/core/db/schema.ts`).toBe(line(actual));
  });

  it('would notice a column a migration adds', () => {
    const { sqlite } = core.context;
    sqlite.exec('ALTER TABLE accounts ADD COLUMN nickname TEXT');
    try {
      const columns = (sqlite.prepare('SELECT name FROM pragma_table_xinfo(?)').pluck().all('accounts') as string[]).map(camel);
      expect(columns.filter((c) => !(c in tables.accounts))).toEqual(['nickname']);
    } finally {
      sqlite.exec('ALTER TABLE accounts DROP COLUMN nickname');
    }
  });
});
