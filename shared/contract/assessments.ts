import { z } from 'zod';
import type { InputIssue } from '../rpc';
import { calendarDate, id, idInput, requiredText, text } from './common';
import { refineWith } from './refine';

// Consultant assessments (issue 7): a versioned framework (dimensions -> items -> scale -> stage
// rules), assessments of a client by several respondents, targets, a roadmap, results and reports.

const key = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,59}$/, 'must be lowercase letters, digits, - or _ (e.g. "journey-design")');
const weight = z.number().positive('must be above 0').max(100);

export const scaleLevel = z.strictObject({ value: z.number().min(0).max(100), label: requiredText(60) });
export const scale = z.strictObject({
  /** Ordered from the lowest to the highest; the values rise strictly. */
  levels: z.array(scaleLevel).min(2, 'needs at least two levels').max(10),
});

export const frameworkItem = z.strictObject({
  key,
  statement: requiredText(500),
  /** What each level looks like for this item, in scale order; may be shorter than the scale. */
  guidance: z.array(text(500)).max(10).default([]),
  /** Questions that help the respondent back the answer with evidence. */
  evidencePrompts: z.array(requiredText(300)).max(10).default([]),
  /** Relative to the other items of its dimension; 1 when absent. */
  weight: weight.optional(),
});

export const frameworkDimension = z.strictObject({
  key,
  name: requiredText(100),
  description: text(1000).default(''),
  weight,
  items: z.array(frameworkItem).min(1, 'needs at least one item').max(50),
});

export const stageRule = z.discriminatedUnion('kind', [
  /** The overall normalised score (0-100) is at least `min`. */
  z.strictObject({ kind: z.literal('score'), min: z.number().min(0).max(100) }),
  /** Every item of the dimension has a mean level of at least `level`. */
  z.strictObject({ kind: z.literal('dimensionLevel'), dimensionKey: key, level: z.number() }),
]);
export type StageRule = z.infer<typeof stageRule>;

export const stage = z.strictObject({
  name: requiredText(100),
  description: text(1000).default(''),
  /** All must hold; a stage is reached when it and every stage before it hold. */
  rules: z.array(stageRule).max(20),
});

export function frameworkIssues(framework: {
  scale: z.infer<typeof scale>;
  dimensions: { key: string; items: { key: string; guidance: string[] }[] }[];
  stages: { rules: StageRule[] }[];
}): InputIssue[] {
  const issues: InputIssue[] = [];
  const values = framework.scale.levels.map((l) => l.value);
  values.forEach((value, i) => {
    if (i > 0 && value <= values[i - 1]!) issues.push({ path: `scale.levels.${i}.value`, message: 'must be higher than the level before it' });
  });
  const dimensionKeys = new Set<string>();
  const itemKeys = new Set<string>();
  framework.dimensions.forEach((dimension, d) => {
    if (dimensionKeys.has(dimension.key)) issues.push({ path: `dimensions.${d}.key`, message: `"${dimension.key}" is used by another dimension` });
    dimensionKeys.add(dimension.key);
    dimension.items.forEach((item, i) => {
      if (itemKeys.has(item.key)) issues.push({ path: `dimensions.${d}.items.${i}.key`, message: `"${item.key}" is used by another item` });
      itemKeys.add(item.key);
      if (item.guidance.length > values.length)
        issues.push({ path: `dimensions.${d}.items.${i}.guidance`, message: `has more entries than the scale has levels (${values.length})` });
    });
  });
  framework.stages.forEach((stage, s) =>
    stage.rules.forEach((rule, r) => {
      if (rule.kind !== 'dimensionLevel') return;
      if (!dimensionKeys.has(rule.dimensionKey)) issues.push({ path: `stages.${s}.rules.${r}.dimensionKey`, message: `no dimension "${rule.dimensionKey}"` });
      if (!values.includes(rule.level)) issues.push({ path: `stages.${s}.rules.${r}.level`, message: `${rule.level} is not a level of the scale` });
    }),
  );
  return issues;
}

export const framework = z
  .strictObject({
    description: text(2000).default(''),
    scale,
    dimensions: z.array(frameworkDimension).min(1, 'needs at least one dimension').max(30),
    /** From the first (lowest) to the last. */
    stages: z.array(stage).max(10).default([]),
  })
  .superRefine(refineWith(frameworkIssues));
export type Framework = z.output<typeof framework>;
export type FrameworkInput = z.input<typeof framework>;
export type FrameworkItem = z.output<typeof frameworkItem>;
export type FrameworkDimension = z.output<typeof frameworkDimension>;

export const template = z.object({
  id,
  name: z.string(),
  version: z.number().int().min(1),
  framework,
  /** Set once an assessment uses this version: editing it then makes the next version. */
  lockedAt: z.string().nullable(),
  assessments: z.number().int().nonnegative(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Template = z.infer<typeof template>;

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
