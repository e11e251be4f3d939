import { z } from 'zod';
import { archivable, id, idInput, instant, listInput, oneOrMany, pageOf, stamps, text, writable } from './common';
import { refineWith } from './refine';

export const SURVEY_KINDS = ['nps', 'csat', 'nsat', 'ces', 'repurchase'] as const;
export const surveyKind = z.enum(SURVEY_KINDS);
/** Each kind's scale: NPS and would-buy-again 0-10, CSAT 1-5, NSAT 1-4 (1 = very satisfied), CES 1-7. */
export const SURVEY_SCALES: Record<z.infer<typeof surveyKind>, { min: number; max: number }> = {
  nps: { min: 0, max: 10 },
  repurchase: { min: 0, max: 10 },
  csat: { min: 1, max: 5 },
  nsat: { min: 1, max: 4 },
  ces: { min: 1, max: 7 },
};
export const nonAnswer = z.enum(['dont_know', 'not_applicable']);

export const surveyResponse = z.object({
  id,
  accountId: id,
  contactId: id.nullable(),
  touchpointId: id.nullable(),
  ticketId: id.nullable(),
  respondedAt: instant,
  kind: surveyKind,
  score: z.number().int().nullable(),
  /** NSAT only: "don't know" or "not applicable" instead of a score. */
  nonAnswer: nonAnswer.nullable(),
  comment: text(5000).nullable(),
  ...stamps,
  ...archivable,
});
export type SurveyResponse = z.infer<typeof surveyResponse>;

const surveyInput = writable(surveyResponse, ['accountId', 'respondedAt', 'kind']);

/** A score on the kind's own scale, or for NSAT an explicit non-answer: never both, never neither. */
export function surveyScaleIssues(value: { kind?: string; score?: number | null; nonAnswer?: string | null }) {
  const issues: { path: 'score' | 'nonAnswer'; message: string }[] = [];
  if (!value.kind) return issues;
  const scale = SURVEY_SCALES[value.kind as keyof typeof SURVEY_SCALES];
  const score = value.score ?? null;
  const hasNonAnswer = value.nonAnswer !== undefined && value.nonAnswer !== null;
  if (score !== null && (score < scale.min || score > scale.max)) {
    issues.push({ path: 'score', message: `must be ${scale.min}-${scale.max} for ${value.kind}` });
  }
  if (hasNonAnswer && value.kind !== 'nsat') issues.push({ path: 'nonAnswer', message: 'is only allowed for nsat' });
  if ((score !== null) === hasNonAnswer) issues.push({ path: 'score', message: 'give either a score or a non-answer' });
  return issues;
}

export const surveyResponsesContract = {
  'surveyResponses.list': {
    input: listInput(['respondedAt', 'kind', 'score', 'createdAt'], z.object({ accountId: oneOrMany(id), contactId: oneOrMany(id), kind: oneOrMany(surveyKind) })),
    output: pageOf(surveyResponse),
  },
  'surveyResponses.get': { input: idInput, output: surveyResponse },
  'surveyResponses.create': { input: surveyInput.create.superRefine(refineWith(surveyScaleIssues)), output: surveyResponse },
  // An update is checked against the stored row in the core, where the kind is known.
  'surveyResponses.update': { input: surveyInput.update, output: surveyResponse },
  'surveyResponses.archive': { input: idInput, output: surveyResponse },
} as const;
