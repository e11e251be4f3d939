import type Database from 'better-sqlite3';
import type { CustomFieldKind, CustomValue } from '../../../shared/contract/customFields';
import { customValuesOf } from '../db/customFieldQueries';

/** What a table screen adds to each listed row: its account's name (the link) and its custom values. */
export type WithAccountAndCustom<R> = R & { accountName: string; custom: Record<string, CustomValue> };

/**
 * A table screen's page (contacts, tickets): each row with its account's name and custom values
 * (issue 13), read for the page's ids only, through the primary key and the values' index.
 */
export function withAccountAndCustom<R extends { id: number; accountId: number }>(sqlite: Database.Database, kind: CustomFieldKind, rows: readonly R[]): WithAccountAndCustom<R>[] {
  const accountIds = [...new Set(rows.map((row) => row.accountId))];
  const names = new Map<number, string>();
  if (accountIds.length > 0) {
    const found = sqlite.prepare<unknown[], { id: number; name: string }>(`SELECT id, name FROM accounts WHERE id IN (${accountIds.map(() => '?').join(', ')})`).all(...accountIds);
    for (const account of found) names.set(account.id, account.name);
  }
  const custom = customValuesOf(
    sqlite,
    kind,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({ ...row, accountName: names.get(row.accountId) ?? '', custom: custom.get(row.id) ?? {} }));
}
