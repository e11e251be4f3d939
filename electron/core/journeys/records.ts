import type Database from 'better-sqlite3';
import { LINK_SOURCES, type JourneyTouchpoint, type LinkSource, type MatchRule, type TargetMetric } from '../../../shared/contract/journeys';

// The records behind a card and the records no card takes: plain SQL with the same rules as the
// measurement (rules.ts, measure.ts), newest first, a page of them and the total. A card's records
// are those linked to it by hand (of any source) and those its rule takes that are not linked by
// hand to a card of the same map.

export interface RecordScope {
  from: string;
  to: string;
  segment: string | null;
}

type Card = Pick<JourneyTouchpoint, 'id' | 'matchRule' | 'target'>;
type RuleSource = MatchRule['source'];
type Condition = [string, unknown[]];
interface Page {
  total: number;
  rows: Record<string, unknown>[];
}

const HOURS = (from: string, to: string) => `round((julianday(${to}) - julianday(${from})) * 24, 2)`;
const ANSWER_KINDS = `x.kind IN ('nps','csat','nsat','ces')`;

/** How each source is read: its tables (the record is `x`, its account `a`), its time, what always holds, and a record's columns. */
const SOURCES: Record<RuleSource, { from: string; at: string; base: string[]; columns: (metric: TargetMetric | undefined) => string }> = {
  touchpoints: {
    from: 'touchpoints x JOIN accounts a ON a.id = x.account_id LEFT JOIN contacts c ON c.id = x.contact_id',
    at: 'x.occurred_at',
    base: [],
    columns: () => `'touchpoints' AS source, x.id, x.occurred_at AS at, a.id AS accountId, a.name AS accountName, c.name AS contactName, x.channel,
      x.kind || coalesce(' · ' || x.notes, '') AS detail, x.sentiment AS value`,
  },
  tickets: {
    from: 'tickets x JOIN accounts a ON a.id = x.account_id LEFT JOIN contacts c ON c.id = x.contact_id',
    at: 'x.opened_at',
    base: [],
    columns: (metric) => `'tickets' AS source, x.id, x.opened_at AS at, a.id AS accountId, a.name AS accountName, c.name AS contactName, x.channel,
      x.priority || ' · ' || coalesce(x.topic, 'no topic') || coalesce(' · ' || x.subject, '') AS detail,
      ${metric === 'first_response_hours' ? HOURS('x.opened_at', 'x.first_response_at') : metric === 'resolution_hours' ? HOURS('x.opened_at', 'x.resolved_at') : 'x.csat'} AS value`,
  },
  surveyResponses: {
    from: 'survey_responses x JOIN accounts a ON a.id = x.account_id LEFT JOIN contacts c ON c.id = x.contact_id',
    at: 'x.responded_at',
    base: ['x.score IS NOT NULL', ANSWER_KINDS],
    columns: () => `'surveyResponses' AS source, x.id, x.responded_at AS at, a.id AS accountId, a.name AS accountName, c.name AS contactName, NULL AS channel,
      upper(x.kind) || ' ' || x.score || coalesce(' · ' || x.comment, '') AS detail, x.score AS value`,
  },
  deployments: {
    from: 'deployments x JOIN accounts a ON a.id = x.account_id',
    at: 'x.actual_go_live',
    base: [],
    columns: () => `'deployments' AS source, x.id, x.actual_go_live AS at, a.id AS accountId, a.name AS accountName, NULL AS contactName, NULL AS channel,
      x.product || coalesce(' · planned ' || x.planned_go_live, '') AS detail, round(julianday(x.actual_go_live) - julianday(x.started_at), 1) AS value`,
  },
};

/** What a rule takes of its own source, as a condition that is never null (so that NOT works). */
function ruleCondition(rule: MatchRule): Condition {
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (part: string, param: unknown) => parts.push(part) && params.push(param);
  if (rule.source === 'touchpoints') {
    if (rule.kind) add('x.kind = ?', rule.kind);
    if (rule.channel) add('x.channel = ?', rule.channel);
  } else if (rule.source === 'tickets') {
    if (rule.channel) add('x.channel = ?', rule.channel);
    if (rule.priority) add('x.priority = ?', rule.priority);
    // Topics are free text typed by people: compared without case.
    if (rule.topic) add(`lower(coalesce(x.topic, '')) = lower(?)`, rule.topic);
  } else if (rule.source === 'surveyResponses') {
    if (rule.surveyKind) add('x.kind = ?', rule.surveyKind);
    if (rule.triggeredBy === 'ticket') parts.push('x.ticket_id IS NOT NULL');
    if (rule.triggeredBy === 'touchpoint') parts.push('(x.ticket_id IS NULL AND x.touchpoint_id IS NOT NULL)');
  }
  return [parts.length === 0 ? '1' : `(${parts.join(' AND ')})`, params];
}

/** Records of the source not linked by hand to any of these cards (they belong to that card only). */
function notLinkedTo(source: RuleSource, cards: readonly number[]): Condition {
  const list = cards.map(() => '?').join(',') || 'NULL';
  if (source === 'deployments') return ['1', []];
  if (source === 'touchpoints') return [`(x.journey_touchpoint_id IS NULL OR x.journey_touchpoint_id NOT IN (${list}))`, [...cards]];
  return [`x.id NOT IN (SELECT record_id FROM journey_links WHERE source = ? AND journey_touchpoint_id IN (${list}))`, [source, ...cards]];
}

/** One source's records in the period and segment that meet `conditions`: the total and the newest `limit`. */
function page(
  sqlite: Database.Database,
  source: RuleSource,
  from: string,
  conditions: Condition[],
  scope: RecordScope,
  limit: number,
  metric: TargetMetric | undefined,
  linkedByHand: boolean,
): Page {
  const s = SOURCES[source];
  const where = ['a.archived_at IS NULL', 'x.archived_at IS NULL', ...s.base, `${s.at} >= ?`, `${s.at} < ?`];
  const params: unknown[] = [scope.from, scope.to];
  if (scope.segment !== null) {
    where.push('a.segment = ?');
    params.push(scope.segment);
  }
  for (const [condition, conditionParams] of conditions) {
    where.push(condition);
    params.push(...conditionParams);
  }
  const clause = `FROM ${from} WHERE ${where.join(' AND ')}`;
  const total =
    sqlite
      .prepare<unknown[], number>(`SELECT count(*) ${clause}`)
      .pluck()
      .get(...params) ?? 0;
  const rows = sqlite
    .prepare<unknown[], Record<string, unknown>>(`SELECT ${s.columns(metric)}, ${linkedByHand ? 1 : 0} AS linkedByHand ${clause} ORDER BY ${s.at} DESC LIMIT ?`)
    .all(...params, limit);
  return { total, rows };
}

/** The records of one source linked by hand to the card. */
function linkedPage(sqlite: Database.Database, source: LinkSource, card: Card, scope: RecordScope, limit: number): Page {
  const metric = card.target?.metric;
  if (source === 'touchpoints') return page(sqlite, source, SOURCES.touchpoints.from, [['x.journey_touchpoint_id = ?', [card.id]]], scope, limit, metric, true);
  // Read from the links (a handful), not from the period's records.
  return page(
    sqlite,
    source,
    `journey_links l JOIN ${SOURCES[source].from}`,
    [['l.source = ? AND l.journey_touchpoint_id = ? AND x.id = l.record_id', [source, card.id]]],
    scope,
    limit,
    metric,
    true,
  );
}

/** The newest `limit` of several pages, and their total. */
function merge(pages: Page[], limit: number) {
  const rows = pages
    .flatMap((p) => p.rows)
    .sort((x, y) => String(y.at).localeCompare(String(x.at)))
    .slice(0, limit);
  return { total: pages.reduce((sum, p) => sum + p.total, 0), rows: rows.map(decode) };
}

export function recordsOf(sqlite: Database.Database, card: Card, mapCards: readonly number[], scope: RecordScope, limit: number) {
  const pages = LINK_SOURCES.map((source) => linkedPage(sqlite, source, card, scope, limit));
  const rule = card.matchRule;
  if (rule) pages.push(page(sqlite, rule.source, SOURCES[rule.source].from, [notLinkedTo(rule.source, mapCards), ruleCondition(rule)], scope, limit, card.target?.metric, false));
  return merge(pages, limit);
}

/** Records of one source in the period that no card of the map takes (answers triggered by an interaction go with it). */
export function unmappedRecords(sqlite: Database.Database, source: LinkSource, cards: readonly Pick<JourneyTouchpoint, 'id' | 'matchRule'>[], scope: RecordScope, limit: number) {
  const conditions: Condition[] = [
    notLinkedTo(
      source,
      cards.map((c) => c.id),
    ),
  ];
  for (const { matchRule } of cards) {
    if (matchRule?.source !== source) continue;
    const [condition, params] = ruleCondition(matchRule);
    conditions.push([`NOT ${condition}`, params]);
  }
  if (source === 'surveyResponses') conditions.push(['NOT (x.ticket_id IS NULL AND x.touchpoint_id IS NOT NULL)', []]);
  return merge([page(sqlite, source, SOURCES[source].from, conditions, scope, limit, undefined, false)], limit);
}

function decode(row: Record<string, unknown>) {
  return { ...row, value: row.value === null ? null : Number(row.value), linkedByHand: row.linkedByHand === 1 } as never;
}
