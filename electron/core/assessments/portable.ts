// One assessment as a portable JSON file (with its template), so a consultant can hand it over or
// merge a colleague's respondents into their own copy. Nothing is written unless all of it is valid.
import type Database from 'better-sqlite3';
import { assessmentFile, framework as frameworkSchema, type AssessmentDetail, type AssessmentFile } from '../../../shared/contract/assessments';
import { describeIssues } from '../../../shared/contract/refine';
import { CoreError } from '../errors';
import { getDetail, insertAssessment, insertRespondent, upsertAnswer } from './repo';
import { checkAnswer } from './service';
import { findOrAddTemplate } from './templates';

const toIssues = (error: { issues: { path: PropertyKey[]; message: string }[] }) =>
  error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'assessment';

export function toAssessmentFile(detail: AssessmentDetail): AssessmentFile {
  const { assessment: a, template } = detail;
  return {
    format: 'fulcrum-assessment',
    formatVersion: 1,
    template: { name: template.name, version: template.version, framework: template.framework },
    assessment: { clientName: a.clientName, assessedOn: a.assessedOn, assessor: a.assessor, scope: a.scope, executiveSummary: a.executiveSummary },
    respondents: detail.respondents.map((r) => ({
      name: r.name,
      role: r.role,
      function: r.function,
      answers: detail.answers.filter((x) => x.respondentId === r.id).map(({ itemKey, level, nonAnswer, evidence, links }) => ({ itemKey, level, nonAnswer, evidence, links })),
    })),
    targets: detail.targets,
    recommendations: detail.recommendations.map(({ dimensionKey, itemKey, action, owner, horizon, expectedEffect }) => ({
      dimensionKey,
      itemKey,
      action,
      owner,
      horizon,
      expectedEffect,
    })),
  };
}

export function exportAssessmentFile(detail: AssessmentDetail) {
  const json = JSON.stringify(toAssessmentFile(detail), null, 2);
  return {
    name: `${slug(detail.assessment.clientName)}-${detail.assessment.assessedOn}.fulcrum-assessment.json`,
    mediaType: 'application/json',
    contentBase64: Buffer.from(json, 'utf8').toString('base64'),
  };
}

function parseFile(contentBase64: string): AssessmentFile & { framework: ReturnType<typeof frameworkSchema.parse> } {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(contentBase64, 'base64').toString('utf8'));
  } catch {
    throw new CoreError('BAD_INPUT', 'the file is not an assessment file (it is not JSON)');
  }
  const file = assessmentFile.safeParse(raw);
  if (!file.success) throw new CoreError('BAD_INPUT', `the file is not a valid assessment file: ${describeIssues(toIssues(file.error))}`, toIssues(file.error));
  const framework = frameworkSchema.safeParse(file.data.template.framework);
  if (!framework.success) throw new CoreError('BAD_INPUT', `the file's template is not valid: ${describeIssues(toIssues(framework.error))}`);
  return { ...file.data, framework: framework.data };
}

export function importAssessmentFile(sqlite: Database.Database, input: { contentBase64: string; intoAssessmentId?: number | undefined }, clock: Date, now: string) {
  const file = parseFile(input.contentBase64);
  let assessmentId: number;
  let framework = file.framework;
  if (input.intoAssessmentId !== undefined) {
    const target = getDetail(sqlite, input.intoAssessmentId);
    if (target.template.name !== file.template.name) {
      throw new CoreError('BAD_INPUT', `the file uses the template "${file.template.name}", this assessment "${target.template.name}": they cannot be merged`);
    }
    assessmentId = target.assessment.id;
    framework = target.template.framework;
    const taken = new Set(target.respondents.map((r) => r.name.toLowerCase()));
    const clash = file.respondents.find((r) => taken.has(r.name.toLowerCase()));
    if (clash) throw new CoreError('CONFLICT', `respondent "${clash.name}" is already in this assessment: rename one of them before merging`);
  } else {
    const templateId = findOrAddTemplate(sqlite, file.template.name, file.framework, clock);
    assessmentId = insertAssessment(sqlite, { templateId, accountId: null, ...file.assessment }, now);
    sqlite.prepare('UPDATE assessment_templates SET locked_at = coalesce(locked_at, ?) WHERE id = ?').run(now, templateId);
    for (const t of file.targets) {
      checkAnswer(framework, t.itemKey, t.level);
      sqlite.prepare('INSERT INTO assessment_targets (assessment_id, item_key, level) VALUES (?, ?, ?)').run(assessmentId, t.itemKey, t.level);
    }
    const insert = sqlite.prepare(
      `INSERT INTO assessment_recommendations (assessment_id, position, dimension_key, item_key, action, owner, horizon, expected_effect, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    file.recommendations.forEach((r, i) => insert.run(assessmentId, i, r.dimensionKey, r.itemKey, r.action, r.owner, r.horizon, r.expectedEffect, now, now));
  }
  let answers = 0;
  for (const respondent of file.respondents) {
    const respondentId = insertRespondent(sqlite, assessmentId, respondent, now);
    for (const answer of respondent.answers) {
      if ((answer.level === null) === (answer.nonAnswer === null)) throw new CoreError('BAD_INPUT', `${respondent.name}, ${answer.itemKey}: give either a level or a non-answer`);
      checkAnswer(framework, answer.itemKey, answer.level);
      upsertAnswer(sqlite, assessmentId, { respondentId, ...answer }, now);
      answers++;
    }
  }
  return { assessmentId, respondentsAdded: file.respondents.length, answers };
}
