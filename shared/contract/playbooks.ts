import { z } from 'zod';
import { calendarDate, id, idInput, requiredText, stamps, text } from './common';
import { ctaRule } from './ctas';
import { taskPriority } from './tasks';

// Playbooks: ordered task templates with relative due days ("day 0: call the champion; day 3:
// send the recovery plan; day 14: executive check-in"). Applying one to an account creates its
// tasks; a rule's call to action opens the playbook whose `opensOn` names that rule.

export const playbookStep = z.strictObject({
  /** Days after the start (the day it is applied or the call to action opened). */
  day: z.number().int('must be whole days').min(0, 'must be 0 or more days').max(365, 'must be at most 365 days'),
  title: requiredText(200),
  priority: taskPriority.default('normal'),
});
export type PlaybookStep = z.infer<typeof playbookStep>;

const steps = z
  .array(playbookStep)
  .min(1, 'needs at least one step')
  .max(50, 'has more than 50 steps')
  .refine((list) => list.every((s, i) => i === 0 || s.day >= list[i - 1]!.day), 'steps must be in order of their day');

export const playbook = z.object({
  id,
  name: z.string(),
  description: z.string().nullable(),
  opensOn: ctaRule.nullable(),
  steps: z.array(playbookStep),
  archivedAt: z.string().nullable(),
  ...stamps,
});
export type Playbook = z.infer<typeof playbook>;

const fields = {
  name: requiredText(100),
  description: text(1000).nullable().optional(),
  /** The rule whose calls to action open this playbook (one playbook per rule). */
  opensOn: ctaRule.nullable().optional(),
  steps,
};

export const playbooksContract = {
  'playbooks.list': { input: z.strictObject({ includeArchived: z.boolean().default(false) }), output: z.array(playbook) },
  'playbooks.get': { input: idInput, output: playbook },
  'playbooks.create': { input: z.strictObject(fields), output: playbook },
  'playbooks.update': { input: z.strictObject({ id, ...fields }).partial({ name: true, steps: true }), output: playbook },
  'playbooks.archive': { input: idInput, output: playbook },
  'playbooks.restore': { input: idInput, output: playbook },
  /** Creates the playbook's tasks on an account, due `day` days after `startDate` (today by default). */
  'playbooks.apply': {
    input: z.strictObject({ id, accountId: id, owner: text(100).nullable().optional(), startDate: calendarDate.optional() }),
    output: z.object({ taskIds: z.array(id) }),
  },
} as const;
