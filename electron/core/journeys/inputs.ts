import type Database from 'better-sqlite3';
import { cached } from '../db/inputCache';
import type { Job } from '../lib/jobs';
import { monthSql, msSql, stmt } from '../db/sql';
import { liveTicketCells } from './liveTickets';
import { addResolutionTimes, bucketSql, loadTicketCells, TIME_BUCKETS, type TicketCell } from './ticketCells';

export { minutesOfBucket, TIME_BUCKETS, TIME_BUCKETS_PER_DOUBLING, type SparseTimes, type TicketCell } from './ticketCells';

// What a journey map is measured on, read once per state of the domains it comes from (see
// db/inputCache.ts) so that measuring a map, or the next period or segment, is arithmetic in
// memory. Only these inputs are cached, never a result.

/** Survey answers of one segment, month, kind, score and trigger, with the interaction that triggered them. */
export interface SurveyCell {
  segment: string;
  month: number;
  kind: string;
  score: number;
  trigger: 'ticket' | 'touchpoint' | 'none';
  count: number;
}

export interface Interaction {
  id: number;
  accountId: number;
  contactId: number | null;
  journeyTouchpointId: number | null;
  month: number;
  /** occurredAt in ms since the epoch. */
  at: number;
  channel: string;
  kind: string;
  sentiment: number | null;
  segment: string;
}

export interface Answer {
  id: number;
  touchpointId: number;
  kind: string;
  score: number;
}

/** A ticket linked by hand to a card, with what its cell carries (bucketed times as in the cells). */
export interface LinkedTicket {
  id: number;
  journeyTouchpointId: number;
  segment: string;
  month: number;
  channel: string;
  priority: string;
  topicKey: string;
  csat: number | null;
  firstResponse: number | null;
  resolution: number | null;
}

/** A survey answer linked by hand to a card, with what its cell carries. */
export interface LinkedAnswer {
  id: number;
  journeyTouchpointId: number;
  segment: string;
  month: number;
  kind: string;
  score: number;
  trigger: SurveyCell['trigger'];
}

export interface DeploymentFact {
  id: number;
  accountId: number;
  segment: string;
  month: number;
  startedAt: string | null;
  plannedGoLive: string | null;
  actualGoLive: string;
  /** actualGoLive and startedAt in ms since the epoch. */
  goLiveAt: number;
  startedAtMs: number | null;
  licencesPurchased: number | null;
  licencesUsed: number | null;
}

export interface AccountFact {
  segment: string;
  /** ms since the epoch. */
  churnedAt: number | null;
}

/** The hand-linked tickets (a handful: read one by one, with the cells' filters). */
function loadLinkedTickets(sqlite: Database.Database, accountId?: number): LinkedTicket[] {
  const bucket = (to: string) => `CASE WHEN ${to} IS NULL THEN NULL ELSE min(${bucketSql('t.opened_at', to)}, ${TIME_BUCKETS - 1}) END`;
  return stmt<LinkedTicket>(
    sqlite,
    `SELECT t.id, l.journey_touchpoint_id AS journeyTouchpointId, coalesce(a.segment, '') AS segment, ${monthSql('t.opened_at')} AS month,
      t.channel, t.priority, lower(coalesce(t.topic, '')) AS topicKey, t.csat,
      ${bucket('t.first_response_at')} AS firstResponse, ${bucket('t.resolved_at')} AS resolution
    FROM journey_links l JOIN tickets t ON t.id = l.record_id JOIN accounts a ON a.id = t.account_id
    WHERE l.source = 'tickets' AND t.archived_at IS NULL AND a.archived_at IS NULL${accountId ? ' AND t.account_id = ?' : ''}`,
  ).all(...(accountId ? [accountId] : []));
}

const SURVEY_TRIGGER = (s: string) => `CASE WHEN ${s}.ticket_id IS NOT NULL THEN 'ticket' WHEN ${s}.touchpoint_id IS NOT NULL THEN 'touchpoint' ELSE 'none' END`;

function loadLinkedAnswers(sqlite: Database.Database, accountId?: number): LinkedAnswer[] {
  return stmt<LinkedAnswer>(
    sqlite,
    `SELECT s.id, l.journey_touchpoint_id AS journeyTouchpointId, coalesce(a.segment, '') AS segment, ${monthSql('s.responded_at')} AS month,
      s.kind, s.score, ${SURVEY_TRIGGER('s')} AS "trigger"
    FROM journey_links l JOIN survey_responses s ON s.id = l.record_id JOIN accounts a ON a.id = s.account_id
    WHERE l.source = 'surveyResponses' AND s.archived_at IS NULL AND a.archived_at IS NULL AND s.score IS NOT NULL
      AND s.kind IN ('nps','csat','nsat','ces')${accountId ? ' AND s.account_id = ?' : ''}`,
  ).all(...(accountId ? [accountId] : []));
}

function loadSurveyCells(sqlite: Database.Database, accountId?: number): SurveyCell[] {
  const group = `coalesce(a.segment, ''), ${monthSql('s.responded_at')}, s.kind, s.score, ${SURVEY_TRIGGER('s')}`;
  const rows = stmt<[string, number, string, number, SurveyCell['trigger'], number]>(
    sqlite,
    `SELECT ${group}, count(*) FROM survey_responses s JOIN accounts a ON a.id = s.account_id
    WHERE s.archived_at IS NULL AND a.archived_at IS NULL AND s.score IS NOT NULL AND s.kind IN ('nps','csat','nsat','ces')${accountId ? ' AND s.account_id = ?' : ''}
    GROUP BY ${group}`,
  )
    .raw()
    .all(...(accountId ? [accountId] : []));
  return rows.map(([segment, month, kind, score, trigger, count]) => ({ segment, month, kind, score, trigger, count }));
}

function loadInteractions(sqlite: Database.Database, accountId?: number): Interaction[] {
  return stmt<Interaction>(
    sqlite,
    `SELECT t.id, t.account_id AS accountId, t.contact_id AS contactId, t.journey_touchpoint_id AS journeyTouchpointId,
      ${monthSql('t.occurred_at')} AS month, ${msSql('t.occurred_at')} AS at, t.channel, t.kind, t.sentiment, coalesce(a.segment, '') AS segment
    FROM touchpoints t JOIN accounts a ON a.id = t.account_id WHERE t.archived_at IS NULL AND a.archived_at IS NULL${accountId ? ' AND t.account_id = ?' : ''}`,
  ).all(...(accountId ? [accountId] : []));
}

/** Answers triggered by interactions, by the interaction's id. */
function loadAnswers(sqlite: Database.Database, accountId?: number): Map<number, Answer[]> {
  const rows = stmt<Answer>(
    sqlite,
    `SELECT id, touchpoint_id AS touchpointId, kind, score FROM survey_responses
    WHERE touchpoint_id IS NOT NULL AND archived_at IS NULL AND score IS NOT NULL AND kind IN ('nps','csat','nsat','ces')${accountId ? ' AND account_id = ?' : ''}`,
  ).all(...(accountId ? [accountId] : []));
  const out = new Map<number, Answer[]>();
  for (const row of rows) {
    const list = out.get(row.touchpointId);
    if (list) list.push(row);
    else out.set(row.touchpointId, [row]);
  }
  return out;
}

function loadDeployments(sqlite: Database.Database, accountId?: number): DeploymentFact[] {
  return stmt<DeploymentFact>(
    sqlite,
    `SELECT d.id, d.account_id AS accountId, coalesce(a.segment, '') AS segment, ${monthSql('d.actual_go_live')} AS month, d.started_at AS startedAt,
      d.planned_go_live AS plannedGoLive, d.actual_go_live AS actualGoLive,
      ${msSql('d.actual_go_live')} AS goLiveAt, ${msSql('d.started_at')} AS startedAtMs, d.licences_purchased AS licencesPurchased, d.licences_used AS licencesUsed
    FROM deployments d JOIN accounts a ON a.id = d.account_id
    WHERE d.actual_go_live IS NOT NULL AND d.archived_at IS NULL AND a.archived_at IS NULL${accountId ? ' AND d.account_id = ?' : ''}`,
  ).all(...(accountId ? [accountId] : []));
}

function loadAccountFacts(sqlite: Database.Database, accountId?: number): Map<number, AccountFact> {
  const rows = stmt<AccountFact & { id: number }>(
    sqlite,
    `SELECT id, coalesce(segment, '') AS segment, ${msSql('churned_at')} AS churnedAt FROM accounts WHERE archived_at IS NULL${accountId ? ' AND id = ?' : ''}`,
  ).all(...(accountId ? [accountId] : []));
  return new Map(rows.map(({ id, ...fact }) => [id, fact]));
}

export interface JourneyInputs {
  tickets: TicketCell[];
  /** Makes sure the ticket cells carry their resolution times (read only when a card measures them). */
  loadResolutionTimes(): void;
  surveys: SurveyCell[];
  interactions: Interaction[];
  answers: Map<number, Answer[]>;
  /** Tickets and survey answers linked by hand (to a card of any map). */
  linkedTickets: LinkedTicket[];
  linkedAnswers: LinkedAnswer[];
  deployments: DeploymentFact[];
  accounts: Map<number, AccountFact>;
}

/** Each input of a map's measure, read (or taken from the cache) on its own: the job below reads them one at a time. */
function inputReaders(sqlite: Database.Database) {
  // Each input names the domains it is read from: logging an interaction does not make the next
  // measurement re-read two million tickets.
  return {
    // The ticket cells are kept in step with ticket writes (liveTickets.ts): a scan of every ticket otherwise.
    tickets: () => liveTicketCells(sqlite),
    surveys: () => cached(sqlite, 'journeys.surveys', () => loadSurveyCells(sqlite), ['surveyResponses', 'accounts']),
    interactions: () => cached(sqlite, 'journeys.interactions', () => loadInteractions(sqlite), ['touchpoints', 'accounts']),
    answers: () => cached(sqlite, 'journeys.answers', () => loadAnswers(sqlite), ['surveyResponses']),
    // Links are written only through journeys.link and the removal and restore of cards: all `journeys` writes.
    linkedTickets: () => cached(sqlite, 'journeys.linkedTickets', () => loadLinkedTickets(sqlite), ['journeys', 'tickets', 'accounts']),
    linkedAnswers: () => cached(sqlite, 'journeys.linkedAnswers', () => loadLinkedAnswers(sqlite), ['journeys', 'surveyResponses', 'accounts']),
    deployments: () => cached(sqlite, 'journeys.deployments', () => loadDeployments(sqlite), ['deployments', 'accounts']),
    accounts: () => cached(sqlite, 'journeys.accounts', () => loadAccountFacts(sqlite), ['accounts']),
  };
}

export function journeyInputs(sqlite: Database.Database): JourneyInputs {
  const read = inputReaders(sqlite);
  const tickets = read.tickets();
  return {
    tickets: tickets.cells,
    loadResolutionTimes: tickets.loadResolutionTimes,
    surveys: read.surveys(),
    interactions: read.interactions(),
    answers: read.answers(),
    linkedTickets: read.linkedTickets(),
    linkedAnswers: read.linkedAnswers(),
    deployments: read.deployments(),
    accounts: read.accounts(),
  };
}

/**
 * The same inputs read as a long job (issue 14: a cold read at 20,000 accounts takes seconds): one
 * input at a time, progress after each, and a cancel lands between them (step() throws CANCELLED).
 * Nothing is written to the workspace; each input finished before a cancel is a whole, valid cache
 * entry, so a cancelled read leaves nothing half-done and the next read starts where it stopped.
 * `resolutionTimes`: the map measures resolution hours on tickets, so reading them is a step too.
 */
export async function journeyInputsAsJob(sqlite: Database.Database, job: Job, resolutionTimes: boolean): Promise<JourneyInputs> {
  const read = inputReaders(sqlite);
  const total = 8 + (resolutionTimes ? 1 : 0);
  let done = 0;
  const step = async <T>(value: () => T): Promise<T> => {
    const result = value();
    job.progress(++done, total, 'reading');
    await job.step();
    return result;
  };
  job.progress(0, total, 'reading');
  const tickets = await step(read.tickets);
  if (resolutionTimes) await step(tickets.loadResolutionTimes);
  return {
    tickets: tickets.cells,
    loadResolutionTimes: tickets.loadResolutionTimes,
    surveys: await step(read.surveys),
    interactions: await step(read.interactions),
    answers: await step(read.answers),
    linkedTickets: await step(read.linkedTickets),
    linkedAnswers: await step(read.linkedAnswers),
    deployments: await step(read.deployments),
    accounts: await step(read.accounts),
  };
}

/**
 * The same inputs for one account only, read through its indexes (not cached: a handful of rows).
 * `ticketsRead`: its ticket cells already read with other accounts' (momentsOfTruth.ts, the at-risk list).
 */
export function accountJourneyInputs(sqlite: Database.Database, accountId: number, ticketsRead?: Pick<JourneyInputs, 'tickets' | 'loadResolutionTimes'>): JourneyInputs {
  const tickets = ticketsRead?.tickets ?? loadTicketCells(sqlite, accountId);
  let resolved = false;
  return {
    tickets,
    loadResolutionTimes:
      ticketsRead?.loadResolutionTimes ??
      (() => {
        if (!resolved) addResolutionTimes(sqlite, tickets, accountId);
        resolved = true;
      }),
    surveys: loadSurveyCells(sqlite, accountId),
    interactions: loadInteractions(sqlite, accountId),
    answers: loadAnswers(sqlite, accountId),
    linkedTickets: loadLinkedTickets(sqlite, accountId),
    linkedAnswers: loadLinkedAnswers(sqlite, accountId),
    deployments: loadDeployments(sqlite, accountId),
    accounts: loadAccountFacts(sqlite, accountId),
  };
}
