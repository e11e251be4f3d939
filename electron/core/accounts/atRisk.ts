import { sql, type RawBuilder } from 'kysely';
import type { Output, ParsedInput } from '../../../shared/contract';
import type { Context } from '../context';
import { parseComponents } from '../health/snapshots';
import { momentFindingsOfAccounts } from '../journeys/momentsOfTruth';
import { resolveScope } from '../journeys/scope';
import { reasonSentence } from '../health/reasons';
import { snapshotReasons } from '../health/snapshotReasons';
import { myOwnerKeys } from './table';

type Scope = ParsedInput<'accounts.atRisk'>['scope'];

/** The scope's conditions on `a` (accounts), as the dashboard's filter bar sets them. */
export function scopeConditions(ctx: Context, scope: Scope): RawBuilder<unknown>[] {
  const list = (values: readonly string[]) =>
    sql.join(
      values.map((value) => sql`${value}`),
      sql`, `,
    );
  const where: RawBuilder<unknown>[] = [];
  for (const field of ['segment', 'industry', 'region', 'owner', 'lifecycleStage'] as const) {
    const values = scope[field];
    if (values?.length) where.push(sql`${sql.ref(`a.${field}`)} IN (${list(values)})`);
  }
  if (scope.mine) where.push(sql`lower(trim(a.owner)) IN (${list(myOwnerKeys(ctx))})`);
  return where;
}

/** The moments of truth each listed account lived below target in the last twelve months, worst first (journeys' findings, health's wording), in one read of their tickets. */
const momentReasons = (ctx: Context, accountIds: readonly number[], today: string): Map<number, string[]> =>
  new Map(
    [...momentFindingsOfAccounts(ctx.sqlite, accountIds, resolveScope({}, new Date(`${today}T00:00:00.000Z`)).measure)].map(([id, found]) => [id, found.map(reasonSentence)]),
  );

/**
 * Every current customer in the band (red unless asked for amber), lowest whole-point score first
 * and the soonest renewal first among equals (the dashboard's order), a page at a time; each with
 * its reasons as sentences: the moments of truth missed, then what cost it the most health points.
 */
export async function atRiskPage(ctx: Context, input: ParsedInput<'accounts.atRisk'>): Promise<Output<'accounts.atRisk'>> {
  const now = ctx.now();
  const today = now.toISOString().slice(0, 10);
  const where = [
    sql`a.archived_at IS NULL`,
    sql`(a.churned_at IS NULL OR a.churned_at > ${today})`,
    sql`h.band = ${input.band}`,
    sql`h.score IS NOT NULL`,
    ...scopeConditions(ctx, input.scope),
  ];
  const from = sql`FROM accounts a JOIN health_snapshots h ON h.account_id = a.id AND h.current = 1 WHERE ${sql.join(where, sql` AND `)}`;
  type Row = { id: number; name: string; segment: string; owner: string | null; arrMinor: number; currency: string; renewalDate: string | null; score: number };
  // The score, its date and its reasons from one snapshot row: the reasons explain the score shown beside them (issue 15).
  const { rows } = await sql<Row & { takenAt: string; components: string }>`
    SELECT a.id, a.name, a.segment, a.owner, a.arr_minor, a.currency, a.renewal_date, h.score, h.taken_at, h.components ${from}
    ORDER BY round(h.score), coalesce(a.renewal_date, '9999-12-31'), a.id
    LIMIT ${input.pageSize} OFFSET ${(input.page - 1) * input.pageSize}`.execute(ctx.db);
  const { rows: counted } = await sql<{ total: number }>`SELECT count(*) AS total ${from}`.execute(ctx.db);
  const moments = momentReasons(
    ctx,
    rows.map((row) => row.id),
    today,
  );
  return {
    rows: rows.map((row) => ({
      accountId: row.id,
      name: row.name,
      segment: row.segment,
      owner: row.owner,
      arrMinor: row.arrMinor,
      currency: row.currency,
      renewalDate: row.renewalDate,
      score: row.score,
      band: input.band,
      asOf: row.takenAt,
      reasons: [...moments.get(row.id)!, ...snapshotReasons(parseComponents(row.components))],
    })),
    total: Number(counted[0]!.total),
    page: input.page,
    pageSize: input.pageSize,
  };
}
