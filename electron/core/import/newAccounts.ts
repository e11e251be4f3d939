import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { contract } from '../../../shared/contract';

// A purchases import that creates its customers (issue 13, `mapping.createAccounts`): a customer the
// account column names and no account has (CDNOW's raw sample: 2,357 customer codes) becomes an
// account named and keyed by the cell, checked by accounts.create's own schema. Ids are handed out
// in file order at first sight, above every id the table has had (AUTOINCREMENT never reuses one),
// so the preview shows the id and name each row will be stored with without writing anything; the
// commit inserts an account just before the first accepted row that needs it (rows whose every
// problem refused them make none), with that id, inside the import's transaction.

export interface AccountMaker {
  /** The id the account for `ref` will have, or undefined when `ref` cannot name an account (accounts.create refuses it). */
  idFor(ref: string): number | undefined;
  /** The name of an account this import makes. */
  nameOf(id: number): string | undefined;
  /** For an accepted row's account: the account to insert first, once; undefined for an existing account or one already claimed. */
  claim(id: number): NewAccount | undefined;
}

export interface NewAccount {
  id: number;
  name: string;
}

/** What an import that made accounts says it made: how many, and the first names. */
export interface AccountsCreated {
  count: number;
  names: string[];
}

const accountsCreate = (contract as unknown as Record<string, { input: z.ZodType }>)['accounts.create']!.input;

export function accountMaker(sqlite: Database.Database): AccountMaker {
  const highest = sqlite
    .prepare<unknown[], number>(`SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'accounts'), 0), coalesce((SELECT max(id) FROM accounts), 0))`)
    .pluck()
    .get()!;
  let next = highest + 1;
  const ids = new Map<string, number>();
  const names = new Map<number, string>();
  const claimed = new Set<number>();
  return {
    idFor(ref) {
      let id = ids.get(ref);
      if (id !== undefined) return id;
      if (!accountsCreate.safeParse({ name: ref, externalId: ref }).success) return undefined;
      ids.set(ref, (id = next++));
      names.set(id, ref);
      return id;
    },
    nameOf: (id) => names.get(id),
    claim(id) {
      const name = names.get(id);
      if (name === undefined || claimed.has(id)) return undefined;
      claimed.add(id);
      return { id, name };
    },
  };
}

/** Inside the import's transaction, before the rows that name them: the accounts with the ids the preview showed. */
export function insertAccounts(sqlite: Database.Database, accounts: readonly NewAccount[], now: Date): void {
  if (accounts.length === 0) return;
  const stamp = now.toISOString();
  const insert = sqlite.prepare('INSERT INTO accounts (id, name, external_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
  for (const account of accounts) insert.run(account.id, account.name, account.name, stamp, stamp);
}
