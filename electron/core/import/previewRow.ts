import type { Record_ } from './convert';

// A preview row as the user reads it (issue 13): the record as it will be stored, plus the fields
// the mapping names by what they find. `account` and `contactEmail` are columns of the wizard's
// table, but a record stores `accountId` and `contactId`: without these two the table showed blank
// cells for every account and contact e-mail.

export interface PreviewNames {
  /** The account's name (an account the import creates: the name it will get). */
  accountName(id: number): string | undefined;
  /** The contact's e-mail as the workspace holds it. */
  contactEmail(id: number): string | undefined;
}

export function previewRow(row: number, action: 'insert' | 'update', value: Record_, names: PreviewNames): Record_ {
  const shown: Record_ = { _row: row, _action: action, ...value };
  if (typeof value.accountId === 'number') shown.account = names.accountName(value.accountId) ?? null;
  if (typeof value.contactId === 'number') shown.contactEmail = names.contactEmail(value.contactId) ?? null;
  return shown;
}
