import { sql, type RawBuilder } from 'kysely';
import type { Output, ParsedInput } from '../../../shared/contract';
import type { Context } from '../context';
import { parseComponents } from '../health/snapshots';
import { accountJourneyInputs } from '../journeys/inputs';
import { measureMap } from '../journeys/measure';
import { mapsInUse } from '../journeys/momentsOfTruth';
import { resolveScope } from '../journeys/scope';
import { reasonSentence, type RiskFinding } from '../health/reasons';
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

/** The moments of truth this account lived below target in the last twelve months, worst first. */
function momentFindings(ctx: Context, accountId: number, today: string): RiskFinding[] {
  const maps = mapsInUse(ctx.sqlite).filter((map) => map.stages.some((s) => s.touchpoints.some((t) => t.isMomentOfTruth && t.target)));
  if (maps.length === 0) return [];
  const scope = resolveScope({}, new Date(`${today}T00:00:00.000Z`)).measure;
  const inputs = accountJourneyInputs(ctx.sqlite, accountId);
  const found = new Map<string, { finding: RiskFinding; severity: number }>();
  for (const map of maps) {
    const measured = measureMap(map, inputs, { ...scope, segment: null });
    for (const touchpoint of map.stages.flatMap((s) => s.touchpoints)) {
      if (!touchpoint.isMomentOfTruth || !touchpoint.target) continue;
      const result = measured.touchpoints.find((m) => m.journeyTouchpointId === touchpoint.id);
      if (!result || result.actual === null || (result.verdict !== 'missed' && result.verdict !== 'near')) continue;
      const { metric, operator, value } = touchpoint.target;
      const finding: RiskFinding = { kind: 'momentOfTruth', name: touchpoint.name, metric, operator, target: value, actual: result.actual, n: result.n };
      // Missed before near, then by the gap relative to the promise (as health/figures.ts orders them).
      const severity = (result.verdict === 'missed' ? -1000 : 0) + result.gap! / Math.max(Math.abs(value), 0.1);
      // Maps drawn for different personas often share a card: one finding for the same card name and target.
      const key = `${touchpoint.name}|${metric}|${operator}|${value}`;
      if (!found.has(key) || found.get(key)!.severity > severity) found.set(key, { finding, severity });
    }
  }
  return [...found.values()].sort((x, y) => x.severity - y.severity).map((f) => f.finding);
}

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
      reasons: [...momentFindings(ctx, row.id, today).map(reasonSentence), ...snapshotReasons(parseComponents(row.components))],
    })),
    total: Number(counted[0]!.total),
    page: input.page,
    pageSize: input.pageSize,
  };
}
