// The assessment tables, read and written with better-sqlite3 (callers hold the connection, see
// `exclusive`). Rows come back in the contract's camelCase shape.
import type Database from 'better-sqlite3';
import type { Answer, Assessment, AssessmentDetail, Recommendation, Respondent } from '../../../shared/contract/assessments';
import { notFound } from '../errors';
import { getTemplate } from './templates';

interface AssessmentRow {
  id: number;
  template_id: number;
  account_id: number | null;
  client_name: string;
  assessed_on: string;
  assessor: string;
  scope: string | null;
  executive_summary: string | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

const toAssessment = (r: AssessmentRow): Assessment => ({
  id: r.id,
  templateId: r.template_id,
  accountId: r.account_id,
  clientName: r.client_name,
  assessedOn: r.assessed_on,
  assessor: r.assessor,
  scope: r.scope,
  executiveSummary: r.executive_summary,
  archivedAt: r.archived_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function getAssessment(sqlite: Database.Database, id: number): Assessment {
  const row = sqlite.prepare<unknown[], AssessmentRow>('SELECT * FROM assessments WHERE id = ?').get(id);
  if (!row) throw notFound('assessment', id);
  return toAssessment(row);
}

export function listAssessments(sqlite: Database.Database, filter: { includeArchived: boolean; accountId?: number | undefined }): Assessment[] {
  const where = [filter.includeArchived ? '' : 'archived_at IS NULL', filter.accountId === undefined ? '' : 'account_id = @accountId'].filter(Boolean);
  const rows = sqlite
    .prepare<unknown[], AssessmentRow>(`SELECT * FROM assessments ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY assessed_on DESC, id DESC`)
    .all({ accountId: filter.accountId ?? null });
  return rows.map(toAssessment);
}

interface RespondentRow {
  id: number;
  assessment_id: number;
  name: string;
  role: string | null;
  function: string | null;
}

export function getRespondents(sqlite: Database.Database, assessmentId: number): Respondent[] {
  return sqlite
    .prepare<unknown[], RespondentRow>('SELECT id, assessment_id, name, role, function FROM assessment_respondents WHERE assessment_id = ? ORDER BY id')
    .all(assessmentId)
    .map((r) => ({ id: r.id, assessmentId: r.assessment_id, name: r.name, role: r.role, function: r.function }));
}

export function getRespondent(sqlite: Database.Database, id: number): Respondent {
  const row = sqlite.prepare<unknown[], { assessment_id: number }>('SELECT assessment_id FROM assessment_respondents WHERE id = ?').get(id);
  if (!row) throw notFound('respondent', id);
  return getRespondents(sqlite, row.assessment_id).find((r) => r.id === id)!;
}

interface AnswerRow {
  respondent_id: number;
  item_key: string;
  level: number | null;
  non_answer: Answer['nonAnswer'];
  evidence: string | null;
  links: string;
}
const toAnswer = (r: AnswerRow): Answer => ({
  respondentId: r.respondent_id,
  itemKey: r.item_key,
  level: r.level,
  nonAnswer: r.non_answer,
  evidence: r.evidence,
  links: JSON.parse(r.links) as string[],
});

export function getAnswers(sqlite: Database.Database, assessmentId: number): Answer[] {
  return sqlite
    .prepare<unknown[], AnswerRow>('SELECT respondent_id, item_key, level, non_answer, evidence, links FROM assessment_answers WHERE assessment_id = ? ORDER BY respondent_id, id')
    .all(assessmentId)
    .map(toAnswer);
}

export function getTargets(sqlite: Database.Database, assessmentId: number): { itemKey: string; level: number }[] {
  return sqlite
    .prepare<unknown[], { item_key: string; level: number }>('SELECT item_key, level FROM assessment_targets WHERE assessment_id = ? ORDER BY item_key')
    .all(assessmentId)
    .map((r) => ({ itemKey: r.item_key, level: r.level }));
}

interface RecommendationRow {
  id: number;
  position: number;
  dimension_key: string | null;
  item_key: string | null;
  action: string;
  owner: string | null;
  horizon: Recommendation['horizon'];
  expected_effect: string | null;
}

export function getRecommendations(sqlite: Database.Database, assessmentId: number): Recommendation[] {
  return sqlite
    .prepare<unknown[], RecommendationRow>('SELECT * FROM assessment_recommendations WHERE assessment_id = ? ORDER BY position')
    .all(assessmentId)
    .map((r) => ({
      id: r.id,
      position: r.position,
      dimensionKey: r.dimension_key,
      itemKey: r.item_key,
      action: r.action,
      owner: r.owner,
      horizon: r.horizon,
      expectedEffect: r.expected_effect,
    }));
}

export function getDetail(sqlite: Database.Database, id: number): AssessmentDetail {
  const assessment = getAssessment(sqlite, id);
  return {
    assessment,
    template: getTemplate(sqlite, assessment.templateId),
    respondents: getRespondents(sqlite, id),
    answers: getAnswers(sqlite, id),
    targets: getTargets(sqlite, id),
    recommendations: getRecommendations(sqlite, id),
  };
}

export function insertAssessment(
  sqlite: Database.Database,
  values: { templateId: number; accountId: number | null; clientName: string; assessedOn: string; assessor: string; scope: string | null; executiveSummary?: string | null },
  now: string,
): number {
  const result = sqlite
    .prepare(
      `INSERT INTO assessments (template_id, account_id, client_name, assessed_on, assessor, scope, executive_summary, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(values.templateId, values.accountId, values.clientName, values.assessedOn, values.assessor, values.scope, values.executiveSummary ?? null, now, now);
  return Number(result.lastInsertRowid);
}

export function insertRespondent(sqlite: Database.Database, assessmentId: number, r: { name: string; role: string | null; function: string | null }, now: string): number {
  const result = sqlite
    .prepare('INSERT INTO assessment_respondents (assessment_id, name, role, function, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(assessmentId, r.name, r.role, r.function, now, now);
  return Number(result.lastInsertRowid);
}

export function upsertAnswer(
  sqlite: Database.Database,
  assessmentId: number,
  a: { respondentId: number; itemKey: string; level: number | null; nonAnswer: Answer['nonAnswer']; evidence?: string | null | undefined; links?: string[] | undefined },
  now: string,
): void {
  sqlite
    .prepare(
      `INSERT INTO assessment_answers (assessment_id, respondent_id, item_key, level, non_answer, evidence, links, created_at, updated_at)
       VALUES (@assessmentId, @respondentId, @itemKey, @level, @nonAnswer, @evidence, @links, @now, @now)
       ON CONFLICT (respondent_id, item_key) DO UPDATE SET level = excluded.level, non_answer = excluded.non_answer,
         evidence = CASE WHEN @keepEvidence THEN evidence ELSE excluded.evidence END,
         links = CASE WHEN @keepLinks THEN links ELSE excluded.links END, updated_at = excluded.updated_at`,
    )
    .run({
      assessmentId,
      respondentId: a.respondentId,
      itemKey: a.itemKey,
      level: a.level,
      nonAnswer: a.nonAnswer,
      evidence: a.evidence ?? null,
      links: JSON.stringify(a.links ?? []),
      keepEvidence: a.evidence === undefined ? 1 : 0,
      keepLinks: a.links === undefined ? 1 : 0,
      now,
    });
}

export function getAnswer(sqlite: Database.Database, respondentId: number, itemKey: string): Answer | null {
  const row = sqlite
    .prepare<unknown[], AnswerRow>('SELECT respondent_id, item_key, level, non_answer, evidence, links FROM assessment_answers WHERE respondent_id = ? AND item_key = ?')
    .get(respondentId, itemKey);
  return row ? toAnswer(row) : null;
}

export function touchAssessment(sqlite: Database.Database, id: number, now: string): void {
  sqlite.prepare('UPDATE assessments SET updated_at = ? WHERE id = ?').run(now, id);
}

/** The latest earlier assessment of the same client (same account, or the same name without one) with a template of the same name. */
export function previousAssessmentId(sqlite: Database.Database, a: Assessment, templateName: string): number | null {
  const row = sqlite
    .prepare<unknown[], { id: number }>(
      `SELECT a.id FROM assessments a JOIN assessment_templates t ON t.id = a.template_id
       WHERE a.id <> @id AND a.archived_at IS NULL AND t.name = @templateName
         AND (a.assessed_on < @assessedOn OR (a.assessed_on = @assessedOn AND a.id < @id))
         AND (CASE WHEN @accountId IS NOT NULL THEN a.account_id = @accountId ELSE a.account_id IS NULL AND lower(a.client_name) = lower(@clientName) END)
       ORDER BY a.assessed_on DESC, a.id DESC LIMIT 1`,
    )
    .get({ id: a.id, templateName, assessedOn: a.assessedOn, accountId: a.accountId, clientName: a.clientName });
  return row?.id ?? null;
}
