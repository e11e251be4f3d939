import { z } from 'zod';
import { archivable, calendarDate, id, idInput, listInput, oneOrMany, pageOf, requiredText, stamps, text, writable } from './common';

/** A measured customer result: the raw material of success stories. */
export const outcome = z.object({
  id,
  accountId: id,
  deploymentId: id.nullable(),
  metric: requiredText(200),
  baseline: z.number().nullable(),
  achieved: z.number().nullable(),
  unit: text(40).nullable(),
  periodStart: calendarDate.nullable(),
  periodEnd: calendarDate.nullable(),
  method: text(1000).nullable(),
  verifiedBy: text(200).nullable(),
  verifiedAt: calendarDate.nullable(),
  ...stamps,
  ...archivable,
});
export type Outcome = z.infer<typeof outcome>;

const outcomeInput = writable(outcome, ['accountId', 'metric']);

export const outcomesContract = {
  'outcomes.list': {
    input: listInput(['metric', 'verifiedAt', 'createdAt'], z.object({ accountId: oneOrMany(id), deploymentId: oneOrMany(id) })),
    output: pageOf(outcome),
  },
  'outcomes.get': { input: idInput, output: outcome },
  'outcomes.create': { input: outcomeInput.create, output: outcome },
  'outcomes.update': { input: outcomeInput.update, output: outcome },
  'outcomes.archive': { input: idInput, output: outcome },
} as const;
