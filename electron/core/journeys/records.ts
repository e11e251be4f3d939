import type Database from 'better-sqlite3';
import type { JourneyTouchpoint } from '../../../shared/contract/journeys';

// The records behind a card and the interactions no card takes: plain SQL with the same rules as
// the measurement (rules.ts), newest first, a page of them and the total.

export interface RecordScope {
  from: string;
  to: string;
  segment: string | null;
}

const HOURS = (from: string, to: string) => `round((julianday(${to}) - julianday(${from})) * 24, 2)`;

/** The SQL condition and parameters that select what `touchpoint` takes of interactions `t`. */
function interactionCondition(touchpoint: Pick<JourneyTouchpoint, 'id' | 'matchRule'>, mapTouchpointIds: readonly number[]): [string, unknown[]] {
  const own = `coalesce(t.journey_touchpoint_id = ?, 0)`;
  const rule = touchpoint.matchRule;
  if (rule?.source !== 'touchpoints') return [own, [touchpoint.id]];
  const parts = [`(t.journey_touchpoint_id IS NULL OR t.journey_touchpoint_id NOT IN (${mapTouchpointIds.map(() => '?').join(',') || 'NULL'}))`];
  const params: unknown[] = [...mapTouchpointIds];
  if (rule.kind) parts.push('t.kind = ?') && params.push(rule.kind);
  if (rule.channel) parts.push('t.channel = ?') && params.push(rule.channel);
  return [`(${own} OR (${parts.join(' AND ')}))`, [touchpoint.id, ...params]];
}

function page(sqlite: Database.Database, select: string, from: string, where: string[], params: unknown[], order: string, limit: number) {
  const clause = `FROM ${from} WHERE ${where.join(' AND ')}`;
  const total = (sqlite.prepare(`SELECT count(*) ${clause}`).pluck().get(...params) as number) ?? 0;
  const rows = sqlite.prepare(`SELECT ${select} ${clause} ORDER BY ${order} DESC LIMIT ?`).all(...params, limit) as Record<string, unknown>[];
  return { total, rows };
}

const segmentWhere = (scope: RecordScope, where: string[], params: unknown[]) => {
  if (scope.segment !== null) {
    where.push('a.segment = ?');
    params.push(scope.segment);
  }
};

export function recordsOf(
  sqlite: Database.Database,
  touchpoint: Pick<JourneyTouchpoint, 'id' | 'matchRule' | 'target'>,
  mapTouchpointIds: readonly number[],
  scope: RecordScope,
  limit: number,
) {
  const rule = touchpoint.matchRule;
  const metric = touchpoint.target?.metric;
  const where: string[] = ['a.archived_at IS NULL'];
  const params: unknown[] = [];
  if (rule?.source === 'tickets') {
    where.push('x.archived_at IS NULL', 'x.opened_at >= ?', 'x.opened_at < ?');
    params.push(scope.from, scope.to);
    if (rule.channel) where.push('x.channel = ?') && params.push(rule.channel);
    if (rule.priority) where.push('x.priority = ?') && params.push(rule.priority);
    if (rule.topic) where.push('lower(x.topic) = lower(?)') && params.push(rule.topic);
    segmentWhere(scope, where, params);
    const value = metric === 'first_response_hours' ? HOURS('x.opened_at', 'x.first_response_at')
      : metric === 'resolution_hours' ? HOURS('x.opened_at', 'x.resolved_at') : 'x.csat';
    const { total, rows } = page(sqlite,
      `'tickets' AS source, x.id, x.opened_at AS at, a.id AS accountId, a.name AS accountName, c.name AS contactName, x.channel,
       x.priority || ' · ' || coalesce(x.topic, 'no topic') || coalesce(' · ' || x.subject, '') AS detail, ${value} AS value, 0 AS linkedByHand`,
      'tickets x JOIN accounts a ON a.id = x.account_id LEFT JOIN contacts c ON c.id = x.contact_id', where, params, 'x.opened_at', limit);
    return { total, rows: rows.map(decode) };
  }
  if (rule?.source === 'surveyResponses') {
    where.push('x.archived_at IS NULL', 'x.score IS NOT NULL', 'x.responded_at >= ?', 'x.responded_at < ?');
    params.push(scope.from, scope.to);
    if (rule.surveyKind) where.push('x.kind = ?') && params.push(rule.surveyKind);
    else where.push(`x.kind IN ('nps','csat','nsat','ces')`);
    if (rule.triggeredBy === 'ticket') where.push('x.ticket_id IS NOT NULL');
    if (rule.triggeredBy === 'touchpoint') where.push('x.ticket_id IS NULL AND x.touchpoint_id IS NOT NULL');
    segmentWhere(scope, where, params);
    const { total, rows } = page(sqlite,
      `'surveyResponses' AS source, x.id, x.responded_at AS at, a.id AS accountId, a.name AS accountName, c.name AS contactName, NULL AS channel,
       upper(x.kind) || ' ' || x.score || coalesce(' · ' || x.comment, '') AS detail, x.score AS value, 0 AS linkedByHand`,
      'survey_responses x JOIN accounts a ON a.id = x.account_id LEFT JOIN contacts c ON c.id = x.contact_id', where, params, 'x.responded_at', limit);
    return { total, rows: rows.map(decode) };
  }
  if (rule?.source === 'deployments') {
    where.push('x.archived_at IS NULL', 'x.actual_go_live >= ?', 'x.actual_go_live < ?');
    params.push(scope.from, scope.to);
    segmentWhere(scope, where, params);
    const { total, rows } = page(sqlite,
      `'deployments' AS source, x.id, x.actual_go_live AS at, a.id AS accountId, a.name AS accountName, NULL AS contactName, NULL AS channel,
       x.product || coalesce(' · planned ' || x.planned_go_live, '') AS detail,
       round(julianday(x.actual_go_live) - julianday(x.started_at), 1) AS value, 0 AS linkedByHand`,
      'deployments x JOIN accounts a ON a.id = x.account_id', where, params, 'x.actual_go_live', limit);
    return { total, rows: rows.map(decode) };
  }
  const [condition, conditionParams] = interactionCondition(touchpoint, mapTouchpointIds);
  where.push('t.archived_at IS NULL', 't.occurred_at >= ?', 't.occurred_at < ?', condition);
  params.push(scope.from, scope.to, ...conditionParams);
  segmentWhere(scope, where, params);
  return interactionPage(sqlite, where, params, limit, touchpoint.id);
}

function interactionPage(sqlite: Database.Database, where: string[], params: unknown[], limit: number, linkedTo: number | null) {
  const { total, rows } = page(sqlite,
    `'touchpoints' AS source, t.id, t.occurred_at AS at, a.id AS accountId, a.name AS accountName, c.name AS contactName, t.channel,
     t.kind || coalesce(' · ' || t.notes, '') AS detail, t.sentiment AS value, coalesce(t.journey_touchpoint_id = ${Math.trunc(linkedTo ?? -1)}, 0) AS linkedByHand`,
    'touchpoints t JOIN accounts a ON a.id = t.account_id LEFT JOIN contacts c ON c.id = t.contact_id', where, params, 't.occurred_at', limit);
  return { total, rows: rows.map(decode) };
}

/** Interactions of the period that no touchpoint of the map takes. */
export function unmappedInteractions(
  sqlite: Database.Database,
  touchpoints: readonly Pick<JourneyTouchpoint, 'id' | 'matchRule'>[],
  scope: RecordScope,
  limit: number,
) {
  const ids = touchpoints.map((t) => t.id);
  const where: string[] = ['a.archived_at IS NULL', 't.archived_at IS NULL', 't.occurred_at >= ?', 't.occurred_at < ?'];
  const params: unknown[] = [scope.from, scope.to];
  for (const touchpoint of touchpoints) {
    const [condition, conditionParams] = interactionCondition(touchpoint, ids);
    where.push(`NOT ${condition}`);
    params.push(...conditionParams);
  }
  segmentWhere(scope, where, params);
  return interactionPage(sqlite, where, params, limit, null);
}

function decode(row: Record<string, unknown>) {
  return { ...row, value: row.value === null ? null : Number(row.value), linkedByHand: row.linkedByHand === 1 } as never;
}
