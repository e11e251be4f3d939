import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { Purchase, purchasesTableInput } from '../../../shared/contract/purchases';
import type { SqlPart } from './repo';

// The purchases table screen's page (issue 13): the customer's name joined for search and sort,
// filters by customer and currency, the purchase day's window, custom-field conditions and sort
// (compiled by the handler, db/customFieldQueries.ts). Plain statements on the core's connection.

type TableQuery = z.output<typeof purchasesTableInput>;

const SORT_COLUMNS: Record<NonNullable<TableQuery['sort']>['field'], string> = {
  purchasedOn: 'p.purchased_on',
  amountMinor: 'p.amount_minor',
  currency: 'p.currency',
  accountName: 'a.name COLLATE NOCASE',
  createdAt: 'p.created_at',
};

const COLUMNS = `p.id, p.account_id AS accountId, p.external_id AS externalId, p.purchased_on AS purchasedOn, p.amount_minor AS amountMinor, p.currency,
  p.created_at AS createdAt, p.updated_at AS updatedAt`;

const many = <T>(value: T | T[]) => (Array.isArray(value) ? value : [value]);
const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');

/** One page of purchases as the table shows them, and how many the query selects in all. */
export function tablePurchases(
  sqlite: Database.Database,
  query: TableQuery,
  custom?: { where: SqlPart[]; sort?: SqlPart & { direction: 'asc' | 'desc' } },
): { rows: Purchase[]; total: number } {
  const tests: SqlPart[] = [];
  const { filter } = query;
  if (filter?.accountId !== undefined) tests.push({ sql: `p.account_id IN (${placeholders(many(filter.accountId))})`, parameters: many(filter.accountId) });
  if (filter?.currency !== undefined) tests.push({ sql: `p.currency IN (${placeholders(many(filter.currency))})`, parameters: many(filter.currency).map((c) => c.toUpperCase()) });
  // The window is on the purchase's day (a calendar date): an instant's day in UTC.
  if (query.from) tests.push({ sql: 'p.purchased_on >= ?', parameters: [query.from.slice(0, 10)] });
  if (query.to) tests.push({ sql: 'p.purchased_on < ?', parameters: [query.to.slice(0, 10)] });
  if (query.search) {
    const like = `%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    tests.push({ sql: `(p.external_id LIKE ? ESCAPE '\\' OR a.name LIKE ? ESCAPE '\\')`, parameters: [like, like] });
  }
  tests.push(...(custom?.where ?? []));
  const where = tests.length === 0 ? '' : `WHERE ${tests.map((test) => test.sql).join(' AND ')}`;
  const params = tests.flatMap((test) => test.parameters);
  const from = 'FROM purchases p JOIN accounts a ON a.id = p.account_id';
  let order: string;
  let orderParams: readonly unknown[] = [];
  if (custom?.sort) {
    const direction = custom.sort.direction === 'desc' ? 'DESC' : 'ASC';
    order = `${custom.sort.sql} IS NULL, ${custom.sort.sql} ${direction}, p.id ${direction}`;
    orderParams = [...custom.sort.parameters, ...custom.sort.parameters];
  } else {
    // Newest first by default, as purchases.list and a shop's order list show them.
    const sort = query.sort ?? { field: 'purchasedOn', direction: 'desc' };
    const direction = sort.direction === 'desc' ? 'DESC' : 'ASC';
    order = `${SORT_COLUMNS[sort.field]} ${direction}, p.id ${direction}`;
  }
  const offset = (query.page - 1) * query.pageSize;
  const rows = sqlite.prepare<unknown[], Purchase>(`SELECT ${COLUMNS} ${from} ${where} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...params, ...orderParams, query.pageSize, offset);
  const total = sqlite.prepare<unknown[], { n: number }>(`SELECT count(*) AS n ${from} ${where}`).get(...params)!.n;
  return { rows, total };
}

/** The currencies purchases are in, for the table's filter. */
export const purchaseCurrencies = (sqlite: Database.Database): string[] => sqlite.prepare<[], string>('SELECT DISTINCT currency FROM purchases ORDER BY currency').pluck().all();
