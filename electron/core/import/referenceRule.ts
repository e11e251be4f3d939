import type Database from 'better-sqlite3';
import { alreadyInProgramme, liveReferenceOfAccountIn, worksElsewhere } from '../references/liveRule';
import type { Record_ } from './convert';

// "One live reference per account" (issue 13), as references.create applies it
// (references/liveRule.ts), for each row an import accepts: a new reference for an account that has
// a live one, or a second row of the file for the same account, is a problem of its row, never a
// second live reference. An update keeps its own reference; moving it onto an account that has
// another live one is refused the same way. And as references.create checks a contact, the row's
// contact must work at the row's account.

export interface RowRule {
  /** Called for a row that passed its schema, in file order: the problem that refuses it, or undefined (and the row's claim is remembered). */
  (value: Record_, existingId: number | undefined, row: number): { field: string; message: string } | undefined;
}

export function liveReferenceRule(sqlite: Database.Database): RowRule {
  const nameOf = sqlite.prepare<[number], string>('SELECT name FROM accounts WHERE id = ?').pluck();
  const contactOf = sqlite.prepare<[number], { name: string; accountId: number }>('SELECT name, account_id AS accountId FROM contacts WHERE id = ?');
  // The rows of this file already holding an account's live reference (the writer inserts a batch later).
  const claimed = new Map<number, { row: number; referenceId: number | undefined }>();
  return (value, existingId, row) => {
    const accountId = value.accountId;
    if (typeof accountId !== 'number') return undefined;
    const contact = typeof value.contactId === 'number' ? contactOf.get(value.contactId) : undefined;
    if (contact && contact.accountId !== accountId)
      return { field: 'contactId', message: `${worksElsewhere(contact.name)} (${nameOf.get(contact.accountId) ?? 'another account'})` };
    const name = nameOf.get(accountId) ?? `account ${accountId}`;
    const earlier = claimed.get(accountId);
    if (earlier && (existingId === undefined || earlier.referenceId !== existingId)) {
      return { field: 'accountId', message: `${name} already has a reference from row ${earlier.row.toLocaleString('en-US')}: one live reference per account` };
    }
    const live = liveReferenceOfAccountIn(sqlite, accountId);
    // A reference inserted by an earlier batch of this import is the claim above, not another one.
    if (live && live.id !== existingId && !earlier) {
      const how = existingId === undefined ? 'archive it first, or give this row its contact’s e-mail to update it' : 'archive one of them first';
      return { field: 'accountId', message: `${alreadyInProgramme(name, live)}: one live reference per account; ${how}` };
    }
    claimed.set(accountId, { row, referenceId: existingId });
    return undefined;
  };
}
