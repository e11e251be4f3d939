import { sql, type RawBuilder } from 'kysely';
import type { ParsedInput } from '../../../shared/contract';
import type { AccountTableRow } from '../../../shared/contract/accounts';
import { ownerKeys } from '../../../shared/contract/identity';
import type { Context } from '../context';
import { CoreError } from '../errors';
import { accountsTable } from './repo';
import { decodeRow } from '../crud/table';
import { conditionsSql, customValuesOf, queryFields, sortKeySql } from '../db/customFieldQueries';

/** Months of answers the NPS column covers: the current one and the eleven before (the health model's window). */
const NPS_MONTHS = 12;

/** The owners that are "mine": the identity's name and e-mail, lower-cased. Refused while nobody is set. */
export function myOwnerKeys(ctx: Context): string[] {
  const who = ctx.identity.get();
  if (!who) throw new CoreError('BAD_INPUT', 'filter.mine: say who you are first (Settings › Who am I), so Fulcrum knows which accounts are yours');
  return ownerKeys(who);
}

const list = (values: readonly unknown[]) =>
  sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  );
const asArray = <T>(value: T | T[] | undefined): T[] | undefined => (value === undefined ? undefined : Array.isArray(value) ? value : [value]);

/** The table's SQL for each sort field: the account's columns, or the figures computed beside them. */
const SORT_SQL: Record<string, RawBuilder<unknown>> = {
  healthScore: sql.ref('health_score'),
  lastTouchAt: sql.ref('last_touch_at'),
  nps: sql.ref('nps_value'),
};

const escapeLike = (term: string) => term.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The first day of the month NPS_MONTHS − 1 months before now's: where the NPS column's window starts. */
export function npsWindowStart(now: Date): string {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (NPS_MONTHS - 1), 1));
  return start.toISOString();
}

/**
 * The accounts table: the list's filters and search, health from each account's current snapshot
 * (the trend from the latest one of an earlier day, as health.explain's previous), the last touchpoint and the NPS of the last twelve months,
 * sortable by any of them (nulls last either way, id breaking ties).
 */
export async function accountTable(ctx: Context, input: ParsedInput<'accounts.table'>): Promise<{ rows: AccountTableRow[]; total: number; page: number; pageSize: number }> {
  const where: RawBuilder<unknown>[] = [];
  if (!input.includeArchived) where.push(sql`a.archived_at IS NULL`);
  const filter = input.filter ?? {};
  for (const field of ['segment', 'owner', 'lifecycleStage', 'industry', 'region'] as const) {
    const values = asArray(filter[field]);
    // NO_SEGMENT ('') filters the accounts without a segment, as the facet list offers it.
    if (values) where.push(field === 'segment' ? sql`coalesce(a.segment, '') IN (${list(values)})` : sql`${sql.ref(`a.${field}`)} IN (${list(values)})`);
  }
  if (filter.mine) where.push(sql`lower(trim(a.owner)) IN (${list(myOwnerKeys(ctx))})`);
  const bands = asArray(filter.healthBand);
  if (bands) where.push(bands.includes('insufficient') ? sql`(h.band IN (${list(bands)}) OR h.band IS NULL)` : sql`h.band IN (${list(bands)})`);
  if (input.from) where.push(sql`a.created_at >= ${input.from}`);
  if (input.to) where.push(sql`a.created_at < ${input.to}`);
  const term = input.search?.trim();
  if (term) {
    const pattern = `%${escapeLike(term)}%`;
    where.push(
      sql`(${sql.join(
        accountsTable.search!.map((field) => sql`${sql.ref(`a.${field}`)} LIKE ${pattern} ESCAPE '\\'`),
        sql` OR `,
      )})`,
    );
  }
  // Custom fields (issue 13): each filter one indexed subquery; a sort by a field's value.
  const fields = input.customFilters?.length || input.customSort ? await queryFields(ctx.db, 'accounts', input) : undefined;
  if (fields) where.push(...conditionsSql(fields, input, sql.ref('a.id')));
  const customKey = fields && input.customSort ? sortKeySql(fields.get(input.customSort.fieldId)!, sql.ref('a.id')) : undefined;
  const condition = where.length ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``;
  const since = npsWindowStart(ctx.now());
  const from = sql`FROM accounts a LEFT JOIN health_snapshots h ON h.account_id = a.id AND h.current = 1`;
  const sort = input.sort ?? { field: 'name', direction: 'asc' as const };
  const key = customKey ? sql.ref('custom_sort') : (SORT_SQL[sort.field] ?? sql.ref(sort.field));
  const direction = (input.customSort?.direction ?? sort.direction) === 'desc' ? sql`DESC` : sql`ASC`;
  const offset = (input.page - 1) * input.pageSize;
  const { rows } = await sql<Record<string, unknown>>`
    SELECT * FROM (
      SELECT a.*, h.score AS health_score, h.band AS health_band, h.taken_at AS health_taken_at,
        (SELECT p.score FROM health_snapshots p WHERE p.account_id = a.id AND p.taken_at < substr(h.taken_at, 1, 10) || 'T00:00:00.000Z' ORDER BY p.taken_at DESC LIMIT 1) AS health_previous,
        (SELECT max(t.occurred_at) FROM touchpoints t WHERE t.account_id = a.id AND t.archived_at IS NULL) AS last_touch_at,
        (SELECT 100.0 * (sum(s.score >= 9) - sum(s.score <= 6)) / count(*) FROM survey_responses s
          WHERE s.account_id = a.id AND s.kind = 'nps' AND s.score IS NOT NULL AND s.archived_at IS NULL AND s.responded_at >= ${since}) AS nps_value,
        (SELECT count(*) FROM survey_responses s
          WHERE s.account_id = a.id AND s.kind = 'nps' AND s.score IS NOT NULL AND s.archived_at IS NULL AND s.responded_at >= ${since}) AS nps_n
        ${customKey ? sql`, ${customKey} AS custom_sort` : sql``}
      ${from} ${condition}
    )
    ORDER BY ${key} IS NULL, ${key} ${direction}, id ${direction}
    LIMIT ${input.pageSize} OFFSET ${offset}`.execute(ctx.db);
  const { rows: counted } = await sql<{ total: number }>`SELECT count(*) AS total ${from} ${condition}`.execute(ctx.db);
  const custom = customValuesOf(
    ctx.sqlite,
    'accounts',
    rows.map((row) => Number(row.id)),
  );
  return {
    rows: rows.map(({ healthScore, healthBand, healthTakenAt, healthPrevious, lastTouchAt, npsValue, npsN, customSort: _customSort, ...account }) => ({
      ...decodeRow(accountsTable, account),
      health:
        healthScore === null || healthScore === undefined
          ? null
          : {
              score: Number(healthScore),
              band: healthBand as NonNullable<AccountTableRow['health']>['band'],
              previousScore: healthPrevious === null ? null : Number(healthPrevious),
              takenAt: String(healthTakenAt),
            },
      lastTouchAt: (lastTouchAt as string | null) ?? null,
      nps: npsValue === null || npsValue === undefined ? null : { value: Math.round(Number(npsValue)), n: Number(npsN) },
      ...(custom.has(Number(account.id)) ? { custom: custom.get(Number(account.id)) } : {}),
    })),
    total: Number(counted[0]!.total),
    page: input.page,
    pageSize: input.pageSize,
  };
}
