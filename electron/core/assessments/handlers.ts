import type Database from 'better-sqlite3';
import type { ParsedInput } from '../../../shared/contract';
import type { Context } from '../context';
import { CoreError, notFound } from '../errors';
import { exclusive } from '../db/exclusive';
import { readAnswerSheet, writeAnswerSheet } from './answerSheet';
import { exportAssessmentFile, importAssessmentFile } from './portable';
import {
  getAnswer,
  getAssessment,
  getDetail,
  getRecommendations,
  getRespondent,
  getRespondents,
  getTargets,
  insertAssessment,
  insertRespondent,
  listAssessments,
  touchAssessment,
  upsertAnswer,
} from './repo';
import { reportHtml, reportName } from './report/html';
import { checkAnswer, compare, itemKeys, resultsOf } from './service';
import { getTemplate, listTemplates, lockTemplate, saveTemplate, seedStarterTemplates } from './templates';
import type { ChannelsOf, Handlers } from '../handlerTypes';
import { loadECharts } from '../lib/lazyModules';

/** A write: one transaction holding the connection, then `assessments.changed`. */
async function write<T>(ctx: Context, ids: (value: T) => number[], run: (sqlite: Database.Database, now: string) => T): Promise<T> {
  const value = await exclusive(ctx, (sqlite) => sqlite.transaction(() => run(sqlite, ctx.now().toISOString()))());
  ctx.emit({ name: 'assessments.changed', ids: ids(value) });
  return value;
}

const read = <T>(ctx: Context, run: (sqlite: Database.Database) => T) => exclusive(ctx, run);

export const assessmentsHandlers = {
  'assessments.templates': async (input: ParsedInput<'assessments.templates'>, ctx: Context) => {
    // The starter templates appear in every workspace that lacks them (once: renaming keeps it out).
    const added = await exclusive(ctx, (sqlite) => seedStarterTemplates(sqlite, ctx.now()));
    if (added) ctx.emit({ name: 'assessments.changed' });
    return read(ctx, (sqlite) => listTemplates(sqlite, input.includeOlderVersions));
  },
  'assessments.template': (input: ParsedInput<'assessments.template'>, ctx: Context) => read(ctx, (sqlite) => getTemplate(sqlite, input.id)),
  'assessments.saveTemplate': (input: ParsedInput<'assessments.saveTemplate'>, ctx: Context) =>
    write(
      ctx,
      () => [],
      (sqlite) => saveTemplate(sqlite, input, ctx.now()),
    ),

  'assessments.list': (input: ParsedInput<'assessments.list'>, ctx: Context) =>
    read(ctx, (sqlite) =>
      listAssessments(sqlite, input).map((assessment) => {
        const detail = getDetail(sqlite, assessment.id);
        const results = resultsOf(sqlite, detail);
        return {
          ...assessment,
          templateName: detail.template.name,
          templateVersion: detail.template.version,
          respondents: detail.respondents.length,
          progress: results.progress,
          overall: results.overall,
        };
      }),
    ),
  'assessments.get': (input: ParsedInput<'assessments.get'>, ctx: Context) => read(ctx, (sqlite) => getDetail(sqlite, input.id)),

  'assessments.create': (input: ParsedInput<'assessments.create'>, ctx: Context) =>
    write(
      ctx,
      (d: { assessment: { id: number } }) => [d.assessment.id],
      (sqlite, now) => {
        const template = getTemplate(sqlite, input.templateId);
        let clientName = input.clientName;
        if (input.accountId !== null) {
          const account = sqlite.prepare<unknown[], { name: string }>('SELECT name FROM accounts WHERE id = ?').get(input.accountId);
          if (!account) throw new CoreError('NOT_FOUND', `account ${input.accountId} does not exist`, [{ path: 'accountId', message: 'no such account' }]);
          clientName ||= account.name;
        }
        const id = insertAssessment(sqlite, { ...input, templateId: template.id, clientName: clientName! }, now);
        for (const respondent of input.respondents) insertRespondent(sqlite, id, respondent, now);
        lockTemplate(sqlite, template.id, ctx.now());
        return getDetail(sqlite, id);
      },
    ),
  'assessments.update': ({ id, ...patch }: ParsedInput<'assessments.update'>, ctx: Context) =>
    write(
      ctx,
      () => [id],
      (sqlite, now) => {
        getAssessment(sqlite, id);
        const columns = { clientName: 'client_name', assessedOn: 'assessed_on', assessor: 'assessor', scope: 'scope', executiveSummary: 'executive_summary' } as const;
        for (const [field, column] of Object.entries(columns)) {
          const value = patch[field as keyof typeof patch];
          if (value !== undefined) sqlite.prepare(`UPDATE assessments SET ${column} = ? WHERE id = ?`).run(value, id);
        }
        touchAssessment(sqlite, id, now);
        return getAssessment(sqlite, id);
      },
    ),
  'assessments.archive': (input: ParsedInput<'assessments.archive'>, ctx: Context) =>
    write(
      ctx,
      () => [input.id],
      (sqlite, now) => {
        getAssessment(sqlite, input.id);
        sqlite.prepare('UPDATE assessments SET archived_at = ?, updated_at = ? WHERE id = ?').run(input.archived ? now : null, now, input.id);
        return getAssessment(sqlite, input.id);
      },
    ),

  'assessments.saveRespondent': (input: ParsedInput<'assessments.saveRespondent'>, ctx: Context) =>
    write(
      ctx,
      (r: { assessmentId: number }) => [r.assessmentId],
      (sqlite, now) => {
        getAssessment(sqlite, input.assessmentId);
        if (input.id === undefined) return getRespondent(sqlite, insertRespondent(sqlite, input.assessmentId, input, now));
        const before = getRespondent(sqlite, input.id);
        if (before.assessmentId !== input.assessmentId) throw notFound('respondent', input.id);
        sqlite
          .prepare('UPDATE assessment_respondents SET name = ?, role = ?, function = ?, updated_at = ? WHERE id = ?')
          .run(input.name, input.role, input.function, now, input.id);
        return getRespondent(sqlite, input.id);
      },
    ),
  'assessments.removeRespondent': async (input: ParsedInput<'assessments.removeRespondent'>, ctx: Context) => {
    let assessmentId = 0;
    return write(
      ctx,
      () => [assessmentId],
      (sqlite, now) => {
        assessmentId = getRespondent(sqlite, input.id).assessmentId;
        const { n } = sqlite.prepare<unknown[], { n: number }>('SELECT count(*) AS n FROM assessment_answers WHERE respondent_id = ?').get(input.id)!;
        sqlite.prepare('DELETE FROM assessment_respondents WHERE id = ?').run(input.id);
        touchAssessment(sqlite, assessmentId, now);
        return { removedAnswers: n };
      },
    );
  },

  'assessments.answer': async (input: ParsedInput<'assessments.answer'>, ctx: Context) => {
    let assessmentId = 0;
    return write(
      ctx,
      () => [assessmentId],
      (sqlite, now) => {
        assessmentId = getRespondent(sqlite, input.respondentId).assessmentId;
        const framework = getTemplate(sqlite, getAssessment(sqlite, assessmentId).templateId).framework;
        checkAnswer(framework, input.itemKey, input.level);
        if (input.clear) {
          sqlite.prepare('DELETE FROM assessment_answers WHERE respondent_id = ? AND item_key = ?').run(input.respondentId, input.itemKey);
          return null;
        }
        upsertAnswer(sqlite, assessmentId, input, now);
        touchAssessment(sqlite, assessmentId, now);
        return getAnswer(sqlite, input.respondentId, input.itemKey);
      },
    );
  },
  'assessments.setTargets': (input: ParsedInput<'assessments.setTargets'>, ctx: Context) =>
    write(
      ctx,
      () => [input.assessmentId],
      (sqlite, now) => {
        const framework = getTemplate(sqlite, getAssessment(sqlite, input.assessmentId).templateId).framework;
        for (const [i, target] of input.targets.entries()) {
          checkAnswer(framework, target.itemKey, target.level, `targets.${i}.level`);
          if (target.level === null) sqlite.prepare('DELETE FROM assessment_targets WHERE assessment_id = ? AND item_key = ?').run(input.assessmentId, target.itemKey);
          else
            sqlite
              .prepare('INSERT INTO assessment_targets (assessment_id, item_key, level) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET level = excluded.level')
              .run(input.assessmentId, target.itemKey, target.level);
        }
        touchAssessment(sqlite, input.assessmentId, now);
        return getTargets(sqlite, input.assessmentId);
      },
    ),
  'assessments.saveRoadmap': (input: ParsedInput<'assessments.saveRoadmap'>, ctx: Context) =>
    write(
      ctx,
      () => [input.assessmentId],
      (sqlite, now) => {
        const framework = getTemplate(sqlite, getAssessment(sqlite, input.assessmentId).templateId).framework;
        const items = itemKeys(framework);
        input.recommendations.forEach((r, i) => {
          if (r.dimensionKey !== null && !framework.dimensions.some((d) => d.key === r.dimensionKey))
            throw new CoreError('BAD_INPUT', `recommendation ${i + 1}: no dimension "${r.dimensionKey}"`, [
              { path: `recommendations.${i}.dimensionKey`, message: 'no such dimension' },
            ]);
          if (r.itemKey !== null && !items.has(r.itemKey))
            throw new CoreError('BAD_INPUT', `recommendation ${i + 1}: no item "${r.itemKey}"`, [{ path: `recommendations.${i}.itemKey`, message: 'no such item' }]);
        });
        sqlite.prepare('DELETE FROM assessment_recommendations WHERE assessment_id = ?').run(input.assessmentId);
        const insert = sqlite.prepare(
          `INSERT INTO assessment_recommendations (assessment_id, position, dimension_key, item_key, action, owner, horizon, expected_effect, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        );
        input.recommendations.forEach((r, position) =>
          insert.run(input.assessmentId, position, r.dimensionKey, r.itemKey, r.action, r.owner || null, r.horizon, r.expectedEffect || null, now, now),
        );
        touchAssessment(sqlite, input.assessmentId, now);
        return getRecommendations(sqlite, input.assessmentId);
      },
    ),

  'assessments.results': (input: ParsedInput<'assessments.results'>, ctx: Context) => read(ctx, (sqlite) => resultsOf(sqlite, getDetail(sqlite, input.id))),
  'assessments.compare': (input: ParsedInput<'assessments.compare'>, ctx: Context) => read(ctx, (sqlite) => compare(sqlite, getDetail(sqlite, input.id))),
  'assessments.report': async (input: ParsedInput<'assessments.report'>, ctx: Context) => {
    const echarts = await loadECharts();
    return read(ctx, (sqlite) => {
      const detail = getDetail(sqlite, input.id);
      return { name: reportName(detail), html: reportHtml(detail, resultsOf(sqlite, detail), echarts, input.locale) };
    });
  },
  'assessments.savePdf': () => {
    throw new CoreError('FORBIDDEN', 'saving a PDF needs the desktop app: in the browser, use "Print or save as PDF…" and choose "Save as PDF"');
  },
  'assessments.exportFile': (input: ParsedInput<'assessments.exportFile'>, ctx: Context) => read(ctx, (sqlite) => exportAssessmentFile(getDetail(sqlite, input.id))),
  'assessments.importFile': (input: ParsedInput<'assessments.importFile'>, ctx: Context) =>
    write(
      ctx,
      (r: { assessmentId: number }) => [r.assessmentId],
      (sqlite, now) => importAssessmentFile(sqlite, input, ctx.now(), now),
    ),
  'assessments.answerSheet': (input: ParsedInput<'assessments.answerSheet'>, ctx: Context) =>
    read(ctx, (sqlite) => getDetail(sqlite, input.id)).then((detail) => writeAnswerSheet(detail, input.format)),
  'assessments.importAnswers': async (input: ParsedInput<'assessments.importAnswers'>, ctx: Context) => {
    const detail = await read(ctx, (sqlite) => getDetail(sqlite, input.id));
    const sheet = await readAnswerSheet(detail, input.name, Buffer.from(input.contentBase64, 'base64'));
    return write(
      ctx,
      () => [input.id],
      (sqlite, now) => {
        const existing = new Map(getRespondents(sqlite, input.id).map((r) => [r.name.toLowerCase(), r.id]));
        let respondentsAdded = 0;
        let answers = 0;
        for (const column of sheet) {
          let respondentId = existing.get(column.name.toLowerCase());
          if (respondentId === undefined) {
            respondentId = insertRespondent(sqlite, input.id, { name: column.name, role: null, function: null }, now);
            respondentsAdded++;
          }
          for (const a of column.answers) {
            upsertAnswer(sqlite, input.id, { respondentId, ...a }, now);
            answers++;
          }
        }
        touchAssessment(sqlite, input.id, now);
        return { respondentsAdded, answers };
      },
    );
  },
} satisfies Handlers<ChannelsOf<'assessments'>>;
