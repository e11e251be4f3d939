import { z } from 'zod';
import type { InputIssue } from '../rpc';
import { calendarDate, id, idInput, requiredText, text } from './common';
import { refineWith } from './refine';
import { framework, template } from './assessmentFramework';

export * from './assessmentFramework';

// Consultant assessments (issue 7): assessments of a client by several respondents against a
// framework (assessmentFramework.ts), targets, a roadmap, results and reports.

export const NON_ANSWERS = ['dont_know', 'not_applicable'] as const;
export const nonAnswer = z.enum(NON_ANSWERS);
export type NonAnswer = z.infer<typeof nonAnswer>;

export const respondent = z.object({ id, assessmentId: id, name: z.string(), role: z.string().nullable(), function: z.string().nullable() });
export type Respondent = z.infer<typeof respondent>;

const link = z.string().trim().min(1).max(1000);
export const answer = z.object({
  respondentId: id,
  itemKey: z.string(),
  level: z.number().nullable(),
  nonAnswer: nonAnswer.nullable(),
  evidence: z.string().nullable(),
  links: z.array(z.string()),
});
export type Answer = z.infer<typeof answer>;

export const target = z.object({ itemKey: z.string(), level: z.number() });

export const HORIZONS = ['0_3_months', '3_6_months', '6_12_months', '12_months_plus'] as const;
export const horizon = z.enum(HORIZONS);
export type Horizon = z.infer<typeof horizon>;
export const HORIZON_LABELS: Record<Horizon, string> = {
  '0_3_months': '0–3 months',
  '3_6_months': '3–6 months',
  '6_12_months': '6–12 months',
  '12_months_plus': '12 months +',
};

export const recommendationInput = z.strictObject({
  dimensionKey: z.string().nullable().default(null),
  itemKey: z.string().nullable().default(null),
  action: requiredText(1000),
  owner: text(100).nullable().default(null),
  horizon: horizon.nullable().default(null),
  expectedEffect: text(1000).nullable().default(null),
});
export const recommendation = recommendationInput.extend({ id, position: z.number().int().nonnegative() });
export type Recommendation = z.infer<typeof recommendation>;

export const assessment = z.object({
  id,
  templateId: id,
  accountId: id.nullable(),
  clientName: z.string(),
  assessedOn: z.string(),
  assessor: z.string(),
  scope: z.string().nullable(),
  executiveSummary: z.string().nullable(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Assessment = z.infer<typeof assessment>;

export const assessmentDetail = z.object({
  assessment,
  template,
  respondents: z.array(respondent),
  answers: z.array(answer),
  targets: z.array(target),
  recommendations: z.array(recommendation),
});
export type AssessmentDetail = z.infer<typeof assessmentDetail>;

export const assessmentSummary = assessment.extend({
  templateName: z.string(),
  templateVersion: z.number().int(),
  respondents: z.number().int().nonnegative(),
  /** Share of (respondent, item) pairs answered, 0-100; null without respondents. */
  progress: z.number().nullable(),
  overall: z.number().nullable(),
});

// ---------- results ----------

const score = z.number().min(0).max(100).nullable();
export const itemResult = z.object({
  itemKey: z.string(),
  dimensionKey: z.string(),
  statement: z.string(),
  /** Mean of the respondents' normalised answers (0-100); null when no one gave a level. */
  score,
  meanLevel: z.number().nullable(),
  minLevel: z.number().nullable(),
  maxLevel: z.number().nullable(),
  /** Respondents who gave a level (don't know and not applicable excluded). */
  n: z.number().int().nonnegative(),
  dontKnow: z.number().int().nonnegative(),
  notApplicable: z.number().int().nonnegative(),
  /** Answers at least two scale levels apart. */
  disagreement: z.boolean(),
  target: z.number().nullable(),
  /** Target minus mean level, in levels; null without a target or an answer. */
  gap: z.number().nullable(),
});
export type ItemResult = z.infer<typeof itemResult>;

export const dimensionResult = z.object({
  dimensionKey: z.string(),
  name: z.string(),
  weight: z.number(),
  score,
  /** Per respondent (id -> score), for the spread of views. */
  byRespondent: z.record(z.string(), score),
  minScore: score,
  maxScore: score,
  targetScore: score,
  previousScore: score,
  itemsScored: z.number().int().nonnegative(),
  items: z.number().int().nonnegative(),
});
export type DimensionResult = z.infer<typeof dimensionResult>;

export const finding = z.object({
  kind: z.enum(['disagreement', 'floor', 'gap', 'unanswered']),
  dimensionKey: z.string().nullable(),
  itemKey: z.string().nullable(),
  text: z.string(),
});
export type Finding = z.infer<typeof finding>;

export const results = z.object({
  overall: score,
  overallTarget: score,
  overallPrevious: score,
  stage: z.object({ index: z.number().int(), name: z.string(), description: z.string() }).nullable(),
  /** Why the next stage is not reached yet, in words. */
  nextStage: z.object({ name: z.string(), unmet: z.array(z.string()) }).nullable(),
  floor: z.object({ dimensionKey: z.string(), name: z.string(), score: z.number() }).nullable(),
  dimensions: z.array(dimensionResult),
  items: z.array(itemResult),
  findings: z.array(finding),
  /** Answered (level or non-answer) over respondents × items, 0-100. */
  progress: z.number().nullable(),
  previous: z.object({ id, assessedOn: z.string(), overall: score }).nullable(),
});
export type Results = z.infer<typeof results>;

export const comparison = z.object({
  dimensions: z.array(z.object({ dimensionKey: z.string(), name: z.string() })),
  rows: z.array(z.object({ label: z.string(), current: z.boolean(), assessedOn: z.string(), overall: score, dimensions: z.record(z.string(), score) })),
  /** Mean of the other clients per dimension: the consultant's benchmark. */
  benchmark: z.record(z.string(), score),
});
export type Comparison = z.infer<typeof comparison>;

// ---------- inputs ----------

const clientRule = (value: { accountId?: number | null; clientName?: string | null }): InputIssue[] =>
  value.accountId == null && !value.clientName ? [{ path: 'clientName', message: 'name the client, or choose an account' }] : [];

const respondentInput = z.strictObject({ name: requiredText(100), role: text(100).nullable().default(null), function: text(100).nullable().default(null) });

export const assessmentFile = z.object({
  format: z.literal('fulcrum-assessment'),
  formatVersion: z.literal(1),
  template: z.object({ name: z.string(), version: z.number().int(), framework: z.unknown() }),
  assessment: z.object({ clientName: z.string(), assessedOn: z.string(), assessor: z.string(), scope: z.string().nullable(), executiveSummary: z.string().nullable() }),
  respondents: z.array(
    respondentInput.extend({
      answers: z.array(
        z.object({ itemKey: z.string(), level: z.number().nullable(), nonAnswer: nonAnswer.nullable(), evidence: z.string().nullable(), links: z.array(z.string()) }),
      ),
    }),
  ),
  targets: z.array(target),
  recommendations: z.array(recommendationInput.loose()),
});
export type AssessmentFile = z.infer<typeof assessmentFile>;

const fileOut = z.object({ name: z.string(), mediaType: z.string(), contentBase64: z.string() });

export const assessmentsContract = {
  'assessments.templates': { input: z.strictObject({ includeOlderVersions: z.boolean().default(false) }), output: z.array(template) },
  'assessments.template': { input: idInput, output: template },
  /** Creates a template, or edits one: a locked version is kept and the edit becomes the next version. */
  'assessments.saveTemplate': {
    input: z.strictObject({ id: id.optional(), name: requiredText(100), framework }),
    output: template,
  },
  'assessments.list': {
    input: z.strictObject({ includeArchived: z.boolean().default(false), accountId: id.optional() }),
    output: z.array(assessmentSummary),
  },
  'assessments.get': { input: idInput, output: assessmentDetail },
  'assessments.create': {
    input: z
      .strictObject({
        templateId: id,
        accountId: id.nullable().default(null),
        clientName: text(200).nullable().default(null),
        assessedOn: calendarDate,
        assessor: requiredText(100),
        scope: text(2000).nullable().default(null),
        respondents: z.array(respondentInput).max(100).default([]),
      })
      .superRefine(refineWith(clientRule)),
    output: assessmentDetail,
  },
  'assessments.update': {
    input: z.strictObject({
      id,
      clientName: requiredText(200).optional(),
      assessedOn: calendarDate.optional(),
      assessor: requiredText(100).optional(),
      scope: text(2000).nullable().optional(),
      executiveSummary: text(20000).nullable().optional(),
    }),
    output: assessment,
  },
  'assessments.archive': { input: z.strictObject({ id, archived: z.boolean().default(true) }), output: assessment },
  'assessments.saveRespondent': {
    input: respondentInput.extend({ assessmentId: id, id: id.optional() }),
    output: respondent,
  },
  /** Removes a respondent and every answer they gave. */
  'assessments.removeRespondent': { input: idInput, output: z.object({ removedAnswers: z.number().int() }) },
  /** One answer (autosaved from the answering screen); `clear` removes it. */
  'assessments.answer': {
    input: z
      .strictObject({
        respondentId: id,
        itemKey: z.string().min(1),
        level: z.number().nullable().default(null),
        nonAnswer: nonAnswer.nullable().default(null),
        evidence: text(5000).nullable().optional(),
        links: z.array(link).max(20).optional(),
        clear: z.boolean().default(false),
      })
      .superRefine(
        refineWith((v: { level: number | null; nonAnswer: string | null; clear: boolean }) =>
          !v.clear && (v.level === null) === (v.nonAnswer === null) ? [{ path: 'level', message: 'give either a level or a non-answer (dont_know, not_applicable)' }] : [],
        ),
      ),
    output: answer.nullable(),
  },
  'assessments.setTargets': {
    input: z.strictObject({
      assessmentId: id,
      targets: z
        .array(z.strictObject({ itemKey: z.string().min(1), level: z.number().nullable() }))
        .min(1)
        .max(500),
    }),
    output: z.array(target),
  },
  /** Replaces the roadmap with this ordered list. */
  'assessments.saveRoadmap': {
    input: z.strictObject({ assessmentId: id, recommendations: z.array(recommendationInput).max(200) }),
    output: z.array(recommendation),
  },
  'assessments.results': { input: idInput, output: results },
  'assessments.compare': { input: idInput, output: comparison },
  /** The client report as one self-contained HTML page (charts inlined as SVG). */
  /** The client report's HTML; dates are written in `locale` (the reader's, e.g. "en-GB"; default en-US). */
  'assessments.report': {
    input: z.strictObject({
      id,
      locale: z
        .string()
        .max(35)
        .refine((tag) => {
          try {
            return Intl.getCanonicalLocales(tag).length === 1;
          } catch {
            return false;
          }
        }, 'must be a language tag such as en-US or de-DE')
        .optional(),
    }),
    output: z.object({ name: z.string(), html: z.string() }),
  },
  /**
   * The report as a PDF file, saved where the user chooses. Only the desktop app can print: its
   * main process answers this channel (Electron's printToPDF); the core alone refuses it.
   */
  'assessments.savePdf': { input: idInput, output: z.object({ path: z.string().nullable() }) },
  /** The portable file of one assessment, with its template. */
  'assessments.exportFile': { input: idInput, output: fileOut },
  /** A portable file as a new assessment, or merged into one: its respondents are added. */
  'assessments.importFile': {
    input: z.strictObject({ contentBase64: z.string().min(1), intoAssessmentId: id.optional() }),
    output: z.object({ assessmentId: id, respondentsAdded: z.number().int(), answers: z.number().int() }),
  },
  /** The answer sheet in the template's shape, for respondents who answer in a spreadsheet. */
  'assessments.answerSheet': {
    input: z.strictObject({ id, format: z.enum(['csv', 'xlsx']).default('csv') }),
    output: fileOut,
  },
  'assessments.importAnswers': {
    input: z.strictObject({ id, name: requiredText(300), contentBase64: z.string().min(1) }),
    output: z.object({ respondentsAdded: z.number().int(), answers: z.number().int() }),
  },
} as const;
