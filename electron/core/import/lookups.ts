import type Database from 'better-sqlite3';
import type { Lookups } from './convert';
import type { AccountMaker } from './newAccounts';
import type { TargetDef } from './targets';

// What a row's account and contact cells are looked up in, without holding the workspace in the
// heap (issue 14: a Map of every account and every contact e-mail grew with the workspace). An
// account is found by its external id (unique index), its id (primary key), or its name; a contact
// by its e-mail. Names and e-mails compare case-insensitively and have no index, so one pass copies
// them, lower-cased, into temporary tables keyed by that form: SQLite keeps them (in its page cache
// and temp file), not the JavaScript heap. The converter caches the answers for a column's first
// 10,000 distinct values (convert.ts), so a file naming a few accounts queries each once.

/** The lower-casing the import compares names and e-mails with, registered on a connection (JavaScript's, so it agrees with matchKeyOf's). */
export const LOWER = 'import_lower';

export function registerLower(sqlite: Database.Database): void {
  sqlite.function(LOWER, { deterministic: true }, (text: unknown) => (typeof text === 'string' ? text.toLowerCase() : text));
}

let tempTables = 0;

/** A temporary table of `key -> columns` filled by `select` (key first); dropped by the returned function. */
export function tempKeyTable(sqlite: Database.Database, prefix: string, columns: string, select: string): { name: string; drop(): void } {
  registerLower(sqlite);
  const name = `temp."${prefix}_${++tempTables}"`;
  inTemp(sqlite, () => {
    sqlite.exec(`CREATE TABLE ${name} (key TEXT PRIMARY KEY, ${columns}) WITHOUT ROWID`);
    sqlite.exec(`INSERT INTO ${name} ${select}`);
  });
  return { name, drop: () => inTemp(sqlite, () => sqlite.exec(`DROP TABLE IF EXISTS ${name}`)) };
}

/**
 * Runs statements that write the temp schema only. A query-only connection (the CLI's dry run reads
 * a private snapshot with query_only on, db/snapshot.ts) refuses even those ("attempt to write a
 * readonly database": `fulcrum import --dry-run` of contacts or references failed), so query_only is
 * lifted for them alone: no table of the workspace file is written.
 */
function inTemp(sqlite: Database.Database, statements: () => void): void {
  const queryOnly = sqlite.pragma('query_only', { simple: true }) === 1;
  if (queryOnly) sqlite.pragma('query_only = OFF');
  try {
    statements();
  } finally {
    if (queryOnly) sqlite.pragma('query_only = ON');
  }
}

export interface BoundedLookups {
  lookups: Lookups;
  /** Drops the temporary tables; the lookups cannot be used after. */
  close(): void;
}

/**
 * The lookups of an import into `def` (an accounts import looks up no account); `needContacts` when a
 * column holds contact e-mails; `maker` when the import creates the accounts no row finds (newAccounts.ts).
 */
export function loadLookups(sqlite: Database.Database, def: TargetDef, needContacts: boolean, maker?: AccountMaker): BoundedLookups {
  const tables: { drop(): void }[] = [];
  const byExternal = sqlite.prepare<[string], number>('SELECT id FROM accounts WHERE external_id = ?').pluck();
  const byId = sqlite.prepare<[number], number>('SELECT id FROM accounts WHERE id = ?').pluck();
  const nameOf = sqlite.prepare<[number], string>('SELECT name FROM accounts WHERE id = ?').pluck();
  // The first account of a name (the lowest id), as the Map it replaces kept it; built on the first name asked.
  let byName: Database.Statement<[string], number> | undefined;
  const name = (ref: string) => {
    if (!byName) {
      const table = tempKeyTable(sqlite, 'import_account_names', 'id INTEGER NOT NULL', `SELECT ${LOWER}(name), min(id) FROM accounts GROUP BY 1`);
      tables.push(table);
      byName = sqlite.prepare<[string], number>(`SELECT id FROM ${table.name} WHERE key = ?`).pluck();
    }
    return byName.get(ref.toLowerCase());
  };
  // The newest contact of an e-mail (the highest id), as before.
  let contact: Database.Statement<[string], { id: number; accountId: number }> | undefined;
  if (needContacts) {
    const table = tempKeyTable(
      sqlite,
      'import_contact_emails',
      'id INTEGER NOT NULL, account_id INTEGER NOT NULL',
      `SELECT ${LOWER}(email), max(id), account_id FROM contacts WHERE email IS NOT NULL GROUP BY 1`,
    );
    tables.push(table);
    contact = sqlite.prepare<[string], { id: number; accountId: number }>(`SELECT id, account_id AS accountId FROM ${table.name} WHERE key = ?`);
  }
  const accounts = def.name !== 'accounts';
  return {
    lookups: {
      account(ref) {
        if (!accounts) return undefined;
        const found = byExternal.get(ref);
        if (found !== undefined) return found;
        // Fulcrum's own id as Fulcrum writes it: '0001' is another system's customer code (CDNOW's),
        // not account 1, so a zero-padded number never finds an account by id.
        if (/^[1-9]\d*$/.test(ref) && byId.get(Number(ref)) !== undefined) return Number(ref);
        return name(ref) ?? maker?.idFor(ref);
      },
      contact: (email) => contact?.get(email),
      accountName: (id) => nameOf.get(id) ?? maker?.nameOf(id),
    },
    close() {
      for (const table of tables) table.drop();
    },
  };
}
