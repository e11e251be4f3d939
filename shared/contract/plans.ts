import { z } from 'zod';
import { archivable, calendarDate, id, idInput, listInput, oneOrMany, pageOf, requiredText, stamps, text, writable } from './common';
import { refineWith } from './refine';

export const PLAN_STATUSES = ['draft', 'active', 'completed', 'cancelled'] as const;
export const planStatus = z.enum(PLAN_STATUSES);

/** A success plan: what one account means to achieve with us, and by when. */
export const successPlan = z.object({
  id,
  accountId: id,
  title: requiredText(200),
  owner: text(100).nullable(),
  status: planStatus,
  startDate: calendarDate.nullable(),
  dueDate: calendarDate.nullable(),
  notes: text(4000).nullable(),
  ...stamps,
  ...archivable,
});
export type SuccessPlan = z.infer<typeof successPlan>;

/** An objective with a measurable target: from `baseline` (0 when not given) to `target`. */
export const planObjective = z.object({
  id,
  planId: id,
  /** When linked, the outcome's achieved figure is the objective's current value (the same outcomes stories are built on). */
  outcomeId: id.nullable(),
  title: requiredText(200),
  baseline: z.number().finite().nullable(),
  target: z.number().finite(),
  /** Entered by hand; ignored while a linked outcome has an achieved figure. */
  current: z.number().finite().nullable(),
  unit: text(40).nullable(),
  dueDate: calendarDate.nullable(),
  ...stamps,
  ...archivable,
});
export type PlanObjective = z.infer<typeof planObjective>;

export const planMilestone = z.object({
  id,
  planId: id,
  title: requiredText(200),
  dueDate: calendarDate.nullable(),
  /** The day it was reached; null while open. */
  doneAt: calendarDate.nullable(),
  ...stamps,
  ...archivable,
});
export type PlanMilestone = z.infer<typeof planMilestone>;

export function planDateIssues(value: { startDate?: string | null; dueDate?: string | null }) {
  return value.startDate && value.dueDate && value.dueDate < value.startDate ? [{ path: 'dueDate', message: 'cannot be before startDate' }] : [];
}

const planInput = writable(successPlan, ['accountId', 'title']);
const objectiveInput = writable(planObjective, ['planId', 'title', 'target']);
const milestoneInput = writable(planMilestone, ['planId', 'title']);

/** An objective as the account page shows it: the value it is measured by and how far it has come. */
export const objectiveProgress = planObjective.extend({
  /** The achieved figure of the linked outcome, else `current`; null when not measured yet. */
  value: z.number().nullable(),
  valueSource: z.enum(['outcome', 'entered']).nullable(),
  outcomeMetric: z.string().nullable(),
  /** (value − baseline) / (target − baseline), held to 0..1; null when not measured yet. */
  progress: z.number().min(0).max(1).nullable(),
});

export const planWithProgress = z.object({
  plan: successPlan,
  objectives: z.array(objectiveProgress),
  milestones: z.array(planMilestone.extend({ overdue: z.boolean() })),
  progress: z.object({
    /** Mean over objectives and milestones, each counting once (an unmeasured objective counts 0); null for an empty plan. */
    overall: z.number().min(0).max(1).nullable(),
    objectivesMet: z.number().int().nonnegative(),
    objectives: z.number().int().nonnegative(),
    milestonesDone: z.number().int().nonnegative(),
    milestones: z.number().int().nonnegative(),
  }),
});
export type PlanWithProgress = z.infer<typeof planWithProgress>;

export const plansContract = {
  'plans.list': {
    input: listInput(['title', 'dueDate', 'status', 'createdAt'], z.object({ accountId: oneOrMany(id), status: oneOrMany(planStatus), owner: oneOrMany(z.string()) })),
    output: pageOf(successPlan),
  },
  'plans.get': { input: idInput, output: successPlan },
  'plans.create': { input: planInput.create.superRefine(refineWith(planDateIssues)), output: successPlan },
  'plans.update': { input: planInput.update.superRefine(refineWith(planDateIssues)), output: successPlan },
  'plans.archive': { input: idInput, output: successPlan },
  /** Undoes an archive (the screen's Undo): the plan and everything in it is back on the account page. */
  'plans.restore': { input: idInput, output: successPlan },
  /** An account's plans (archived left out), each with its objectives' and milestones' progress. */
  'plans.account': { input: z.strictObject({ accountId: id }), output: z.array(planWithProgress) },

  'planObjectives.list': { input: listInput(['title', 'dueDate', 'createdAt'], z.object({ planId: oneOrMany(id), outcomeId: oneOrMany(id) })), output: pageOf(planObjective) },
  'planObjectives.get': { input: idInput, output: planObjective },
  'planObjectives.create': { input: objectiveInput.create, output: planObjective },
  'planObjectives.update': { input: objectiveInput.update, output: planObjective },
  'planObjectives.archive': { input: idInput, output: planObjective },
  'planObjectives.restore': { input: idInput, output: planObjective },

  'planMilestones.list': { input: listInput(['title', 'dueDate', 'createdAt'], z.object({ planId: oneOrMany(id) })), output: pageOf(planMilestone) },
  'planMilestones.get': { input: idInput, output: planMilestone },
  'planMilestones.create': { input: milestoneInput.create, output: planMilestone },
  'planMilestones.update': { input: milestoneInput.update, output: planMilestone },
  'planMilestones.archive': { input: idInput, output: planMilestone },
  'planMilestones.restore': { input: idInput, output: planMilestone },
} as const;
