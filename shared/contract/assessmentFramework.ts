import { z } from 'zod';
import type { InputIssue } from '../rpc';
import { id, requiredText, text } from './common';
import { refineWith } from './refine';

// An assessment's framework (issue 7), versioned as a template: dimensions -> items -> scale ->
// stage rules. The assessments themselves (respondents, answers, results, reports) are in assessments.ts.

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
