import { sql } from 'kysely';
import type { TimelineEntry } from '../../../shared/contract/accounts';
import type { Output } from '../../../shared/contract';
import type { TableSpec } from '../crud/table';
import { accountWritten } from '../derived/hooks';
import type { Db } from '../db/schema';

export const accountsTable: TableSpec<Output<'accounts.get'>> = {
  table: 'accounts',
  label: 'account',
  json: ['tags'],
  search: ['name', 'externalId', 'industry', 'owner', 'region'],
  time: 'createdAt',
  defaultSort: { field: 'name', direction: 'asc' },
  afterWrite: accountWritten,
};

/**
 * The values the accounts table's filters offer (of accounts not archived), from the facet counts
 * the rollups keep (metrics/rollups/dimensions.ts): one small read, not a DISTINCT scan of the
 * accounts table per list on every page open (issue 14: 4.6 s at 100,000 accounts).
 */
export async function accountFacets(db: Db) {
  const rows = await db.selectFrom('rollupFacets').select(['dimension', 'value']).where('accounts', '>', 0).orderBy('dimension').orderBy('value').execute();
  const of = (dimension: string) => rows.filter((row) => row.dimension === dimension).map((row) => row.value);
  return { segments: of('segment'), owners: of('owner'), industries: of('industry'), regions: of('region') };
}

/**
 * A deployment's moment as an instant like every other entry's, so that any entry's `at` is a valid
 * `before` for the next page and sorts consistently (its dates are YYYY-MM-DD, read as UTC midnight).
 */
const deploymentAt = sql`coalesce(coalesce(actual_go_live, planned_go_live, started_at) || 'T00:00:00.000Z', created_at)`;

/** Where the previous page ended: the timeline's sort key (at DESC, kind ASC, id DESC). */
export interface TimelineCursor {
  at: string;
  kind: TimelineEntry['kind'];
  id: number;
}

/**
 * An account's history newest first, merged from four tables in one query. Each branch uses its
 * table's (account_id, time) index with `at <= cursor.at`; the outer keyset condition then drops
 * what the previous page already showed, so entries sharing an instant are never skipped.
 */
export async function accountTimeline(db: Db, accountId: number, cursor: TimelineCursor, limit: number): Promise<TimelineEntry[]> {
  const { at, kind, id } = cursor;
  const { rows } = await sql<TimelineEntry>`
    SELECT * FROM (
      SELECT 'touchpoint' AS kind, id, occurred_at AS at, kind || ' (' || channel || ')' AS title, notes AS detail, channel
        FROM touchpoints WHERE account_id = ${accountId} AND archived_at IS NULL AND occurred_at <= ${at}
      UNION ALL
      SELECT 'ticket', id, opened_at, coalesce(subject, 'Ticket'), priority || ' · ' || status || coalesce(' · ' || topic, ''), channel
        FROM tickets WHERE account_id = ${accountId} AND archived_at IS NULL AND opened_at <= ${at}
      UNION ALL
      SELECT 'survey', id, responded_at, upper(kind) || ' ' || coalesce(score, replace(non_answer, '_', ' ')), comment, NULL
        FROM survey_responses WHERE account_id = ${accountId} AND archived_at IS NULL AND responded_at <= ${at}
      UNION ALL
      SELECT 'deployment', id, ${deploymentAt}, product || ' · ' || replace(status, '_', ' '),
          'planned go-live ' || coalesce(planned_go_live, 'not set') || coalesce(', live since ' || actual_go_live, ''), NULL
        FROM deployments WHERE account_id = ${accountId} AND archived_at IS NULL
          AND ${deploymentAt} <= ${at}
    )
    WHERE at < ${at} OR (at = ${at} AND (kind > ${kind} OR (kind = ${kind} AND id < ${id})))
    ORDER BY at DESC, kind, id DESC
    LIMIT ${limit}`.execute(db);
  return rows;
}
