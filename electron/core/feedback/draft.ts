import type Database from 'better-sqlite3';
import type { Output, ParsedInput } from '../../../shared/contract';
import type { FeedbackItem } from '../../../shared/contract/feedback';
import { stmt } from '../db/sql';
import { notFound } from '../errors';

// "Capture as feedback" from a ticket, a survey answer or a touchpoint: the row's own facts as a
// feedback item's first draft (the screen lets the user change every field before saving).

type Source = ParsedInput<'feedback.draft'>['source'];

export interface SourceRow {
  accountId: number;
  contactId: number | null;
  /** The ticket's subject, the answer's comment, the touchpoint's notes. */
  words: string | null;
  at: string;
  /** Tickets: the topic. */
  topic: string | null;
  /** Answers: the kind and score; touchpoints: the sentiment (-2..2). */
  surveyKind: string | null;
  score: number | null;
  sentiment: number | null;
}

/** The kind a source suggests (pure): a ticket reports a problem; a detractor or a negative touchpoint too; a promoter or a positive one is praise; else a request. */
export function draftKind(source: Source, row: Pick<SourceRow, 'surveyKind' | 'score' | 'sentiment'>): FeedbackItem['kind'] {
  if (source === 'ticket') return 'problem';
  if (source === 'touchpoint') return row.sentiment === null || row.sentiment === 0 ? 'feature_request' : row.sentiment > 0 ? 'praise' : 'problem';
  if (row.score === null) return 'feature_request';
  // NPS 0-10 (detractors 0-6, promoters 9-10); CSAT 1-5 (4-5 satisfied, 1-2 not); CES and the rest say nothing either way.
  if (row.surveyKind === 'nps') return row.score <= 6 ? 'problem' : row.score >= 9 ? 'praise' : 'feature_request';
  if (row.surveyKind === 'csat') return row.score <= 2 ? 'problem' : row.score >= 4 ? 'praise' : 'feature_request';
  return 'feature_request';
}

const SOURCE_SQL: Record<Source, string> = {
  ticket: `SELECT account_id AS accountId, contact_id AS contactId, coalesce(subject, CASE WHEN external_id IS NOT NULL THEN 'Ticket ' || external_id END) AS words,
    opened_at AS at, topic, NULL AS surveyKind, NULL AS score, NULL AS sentiment FROM tickets WHERE id = ?`,
  survey: `SELECT account_id AS accountId, contact_id AS contactId, comment AS words, responded_at AS at, NULL AS topic, kind AS surveyKind, score, NULL AS sentiment
    FROM survey_responses WHERE id = ?`,
  touchpoint: `SELECT account_id AS accountId, contact_id AS contactId, notes AS words, occurred_at AS at, NULL AS topic, NULL AS surveyKind, NULL AS score, sentiment
    FROM touchpoints WHERE id = ?`,
};

const CAPTURED_COLUMN: Record<Source, string> = { ticket: 'ticket_id', survey: 'survey_response_id', touchpoint: 'touchpoint_id' };
const SOURCE_NAME: Record<Source, string> = { ticket: 'ticket', survey: 'survey answer', touchpoint: 'touchpoint' };

export function feedbackDraft(sqlite: Database.Database, input: ParsedInput<'feedback.draft'>): Output<'feedback.draft'> {
  const row = stmt<SourceRow>(sqlite, SOURCE_SQL[input.source]).get(input.id);
  if (!row) throw notFound(SOURCE_NAME[input.source], input.id);
  const accountName = stmt<string>(sqlite, 'SELECT name FROM accounts WHERE id = ?').pluck().get(row.accountId)!;
  const contactName = row.contactId === null ? null : (stmt<string>(sqlite, 'SELECT name FROM contacts WHERE id = ?').pluck().get(row.contactId) ?? null);
  // The product, when the account has exactly one (its deployments name them); otherwise the user says which.
  const products = stmt<string>(sqlite, 'SELECT DISTINCT product FROM deployments WHERE account_id = ? AND archived_at IS NULL').pluck().all(row.accountId);
  const captured = stmt<{ id: number; requestId: number | null; requestTitle: string | null }>(
    sqlite,
    `SELECT f.id, f.request_id AS requestId, r.title AS requestTitle FROM feedback_items f LEFT JOIN feedback_requests r ON r.id = f.request_id
    WHERE f.${CAPTURED_COLUMN[input.source]} = ? AND f.archived_at IS NULL ORDER BY f.id`,
  ).all(input.id);
  return {
    accountId: row.accountId,
    accountName,
    contactId: row.contactId,
    contactName,
    kind: draftKind(input.source, row),
    text: row.words ?? '',
    product: products.length === 1 ? products[0]! : null,
    feature: row.topic,
    capturedAt: row.at.slice(0, 10),
    captured,
  };
}
