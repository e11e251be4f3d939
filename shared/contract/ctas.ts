import { z } from 'zod';
import { calendarDate, id, instant, requiredText, text } from './common';

// Calls to action (issue 17): opened by rules over the same inputs as health, each with a
// deterministic id from (rule, account, cause) so two laptops never open the same one twice; each
// records what fired it, opens its playbook's tasks and closes with an outcome.

export const CTA_RULES = ['healthRed', 'detractor', 'momentOfTruth', 'renewalQuiet', 'goLiveOverdue', 'referenceApproved'] as const;
export const ctaRule = z.enum(CTA_RULES);
export type CtaRule = z.infer<typeof ctaRule>;

/** How each rule reads in lists and on the playbook editor. */
export const CTA_RULE_LABELS: Record<CtaRule, string> = {
  healthRed: 'Health entered red',
  detractor: 'Detractor answer',
  momentOfTruth: 'Moment of truth below target',
  renewalQuiet: 'Renewal in 90 days, no touchpoint in 30',
  goLiveOverdue: 'Go-live overdue',
  referenceApproved: 'Reference request approved',
};

/**
 * What a call to action came from: a rule, or a person ('manual', opened by hand on the account
 * page). Playbooks open on rules only, so `ctaRule` stays the rules' list.
 */
export const CTA_KINDS = [...CTA_RULES, 'manual'] as const;
export const ctaKind = z.enum(CTA_KINDS);
export type CtaKind = z.infer<typeof ctaKind>;
export const CTA_KIND_LABELS: Record<CtaKind, string> = { ...CTA_RULE_LABELS, manual: 'Opened by hand' };

export const CTA_OUTCOMES = ['saved', 'churned', 'expanded', 'no_action_needed'] as const;
export const ctaOutcome = z.enum(CTA_OUTCOMES);
export type CtaOutcome = z.infer<typeof ctaOutcome>;
export const CTA_OUTCOME_LABELS: Record<CtaOutcome, string> = { saved: 'Saved', churned: 'Churned', expanded: 'Expanded', no_action_needed: 'No action needed' };

export const CTA_STATUSES = ['open', 'closed'] as const;
export const ctaStatus = z.enum(CTA_STATUSES);

/** A call to action's id: `<rule>:<accountId>:<cause>`. */
export const ctaId = z.string().trim().min(3, 'is required').max(300);

/** What fired a call to action: a sentence and the facts behind it, as they were when it opened. */
export const firedBy = z.object({
  summary: z.string(),
  facts: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
});
export type FiredBy = z.infer<typeof firedBy>;

export const cta = z.object({
  id: ctaId,
  rule: ctaKind,
  accountId: id,
  accountName: z.string(),
  cause: z.string(),
  title: z.string(),
  firedBy,
  playbookId: id.nullable(),
  playbookName: z.string().nullable(),
  owner: z.string().nullable(),
  status: ctaStatus,
  outcome: ctaOutcome.nullable(),
  outcomeNote: z.string().nullable(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  openTasks: z.number().int().nonnegative(),
  totalTasks: z.number().int().nonnegative(),
});
export type Cta = z.infer<typeof cta>;

export const ctasContract = {
  /** Open first, then by account name, newest first within an account. */
  'ctas.list': {
    input: z.strictObject({
      status: z.enum(['open', 'closed', 'all']).default('all'),
      accountId: id.optional(),
      rule: ctaKind.optional(),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    output: z.object({ rows: z.array(cta), total: z.number().int().nonnegative() }),
  },
  'ctas.get': { input: z.strictObject({ id: ctaId }), output: cta },
  /**
   * Opens a call to action by hand. Its id is `manual:<accountId>:<clientId>`, the client's own
   * UUID made once per dialog: the same open sent twice (a retry, a second laptop replaying it in
   * team mode) is the same call to action, never a second one. Without a playbook it opens one
   * task, the reason, due on `due`; with one, the playbook's tasks from today.
   */
  'ctas.open': {
    input: z.strictObject({
      clientId: z.uuid({ message: 'must be a UUID made by the client' }),
      accountId: id,
      reason: requiredText(200),
      owner: text(100).nullable().optional(),
      due: calendarDate.nullable().optional(),
      playbookId: id.nullable().optional(),
      note: text(1000).nullable().optional(),
    }),
    output: cta,
  },
  'ctas.close': {
    input: z.strictObject({
      id: ctaId,
      outcome: ctaOutcome,
      note: text(1000).nullable().optional(),
      /** Cancel the tasks still open on it (they were for this cause only). */
      cancelOpenTasks: z.boolean().default(false),
      /** Defaults to now. */
      closedAt: instant.optional(),
    }),
    output: cta,
  },
  /**
   * Runs the rules now: for one account, or all current customers (what the daily refresh does).
   * The full pass is a job (`jobs.progress` with job 'ctas.evaluate', phase 'rules'; `jobs.cancel`):
   * cancelled, it opens nothing and answers CANCELLED.
   */
  'ctas.evaluate': {
    input: z.strictObject({ accountId: id.optional() }),
    output: z.object({ accounts: z.number().int().nonnegative(), opened: z.array(ctaId) }),
  },
} as const;
