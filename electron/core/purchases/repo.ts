import type Database from 'better-sqlite3';
import type { Purchase } from '../../../shared/contract/purchases';
import { CoreError } from '../errors';

// Purchases through plain statements on the core's connection (callers hold it with `exclusive`).

const COLUMNS = `id, account_id AS accountId, external_id AS externalId, purchased_on AS purchasedOn, amount_minor AS amountMinor, currency, created_at AS createdAt, updated_at AS updatedAt`;

/** Compiled SQL with its parameters: custom-field conditions and sort (db/customFieldQueries.ts, compiled by the handler). */
export interface SqlPart {
  sql: string;
  parameters: readonly unknown[];
}

export function listPurchases(
  sqlite: Database.Database,
  query: { accountId?: number; limit: number; offset: number; custom?: { where: SqlPart[]; sort?: SqlPart & { direction: 'asc' | 'desc' } } },
): { rows: Purchase[]; total: number } {
  const tests = [...(query.accountId === undefined ? [] : [{ sql: 'account_id = ?', parameters: [query.accountId] }]), ...(query.custom?.where ?? [])];
  const where = tests.length === 0 ? '' : `WHERE ${tests.map((test) => test.sql).join(' AND ')}`;
  const params = tests.flatMap((test) => test.parameters);
  const sort = query.custom?.sort;
  const direction = sort?.direction === 'desc' ? 'DESC' : 'ASC';
  const order = sort ? `${sort.sql} IS NULL, ${sort.sql} ${direction}, id ${direction}` : 'purchased_on DESC, id DESC';
  const rows = sqlite
    .prepare<unknown[], Purchase>(`SELECT ${COLUMNS} FROM purchases ${where} ORDER BY ${order} LIMIT ? OFFSET ?`)
    .all(...params, ...(sort ? [...sort.parameters, ...sort.parameters] : []), query.limit, query.offset);
  const total = sqlite.prepare<unknown[], { n: number }>(`SELECT count(*) AS n FROM purchases ${where}`).get(...params)!.n;
  return { rows, total };
}

export function getPurchase(sqlite: Database.Database, id: number): Purchase {
  const row = sqlite.prepare<unknown[], Purchase>(`SELECT ${COLUMNS} FROM purchases WHERE id = ?`).get(id);
  if (!row) throw new CoreError('NOT_FOUND', `no purchase with id ${id}`);
  return row;
}

function checkAccount(sqlite: Database.Database, accountId: number): void {
  if (!sqlite.prepare('SELECT 1 FROM accounts WHERE id = ?').get(accountId)) throw new CoreError('BAD_INPUT', `accountId: no account with id ${accountId}`);
}

function checkOrderId(sqlite: Database.Database, externalId: string | undefined, id?: number): void {
  if (externalId === undefined) return;
  const other = sqlite.prepare<unknown[], { id: number }>('SELECT id FROM purchases WHERE external_id = ?').get(externalId);
  if (other && other.id !== id) throw new CoreError('CONFLICT', `externalId: order '${externalId}' is already purchase ${other.id}`);
}

export function createPurchase(
  sqlite: Database.Database,
  input: { accountId: number; externalId?: string; purchasedOn: string; amountMinor: number; currency?: string },
  now: Date,
): Purchase {
  checkAccount(sqlite, input.accountId);
  checkOrderId(sqlite, input.externalId);
  const stamp = now.toISOString();
  const { lastInsertRowid } = sqlite
    .prepare('INSERT INTO purchases (account_id, external_id, purchased_on, amount_minor, currency, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(input.accountId, input.externalId ?? null, input.purchasedOn, input.amountMinor, input.currency ?? 'USD', stamp, stamp);
  return getPurchase(sqlite, Number(lastInsertRowid));
}

export function updatePurchase(
  sqlite: Database.Database,
  input: { id: number; accountId?: number; externalId?: string; purchasedOn?: string; amountMinor?: number; currency?: string },
  now: Date,
): Purchase {
  const before = getPurchase(sqlite, input.id);
  if (input.accountId !== undefined) checkAccount(sqlite, input.accountId);
  checkOrderId(sqlite, input.externalId, input.id);
  // Fields left out keep their value.
  const next = {
    accountId: input.accountId ?? before.accountId,
    externalId: input.externalId ?? before.externalId,
    purchasedOn: input.purchasedOn ?? before.purchasedOn,
    amountMinor: input.amountMinor ?? before.amountMinor,
    currency: input.currency ?? before.currency,
  };
  sqlite
    .prepare('UPDATE purchases SET account_id = ?, external_id = ?, purchased_on = ?, amount_minor = ?, currency = ?, updated_at = ? WHERE id = ?')
    .run(next.accountId, next.externalId, next.purchasedOn, next.amountMinor, next.currency, now.toISOString(), input.id);
  return getPurchase(sqlite, input.id);
}
