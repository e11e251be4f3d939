import { z } from 'zod';
import { archivable, id, idInput, instant, listInput, oneOrMany, pageOf, referenceActivity, requiredText, stamps, text } from './common';
import { refineWith } from './refine';
import { requestRow } from './requests';

// The reference programme: an account's (and its contact's) standing as a reference, the stage
// history and the consent ledger of the contact.

export const REFERENCE_STAGES = ['candidate', 'nominated', 'recruited', 'active', 'resting', 'retired', 'declined'] as const;
export const referenceStage = z.enum(REFERENCE_STAGES);
export type ReferenceStage = z.infer<typeof referenceStage>;

/**
 * Where each stage may go. Recruited needs consent on file (checked by the core); active and
 * resting alternate while the reference is used; retired and declined are final but a retired or
 * declined reference can be brought back as a candidate when circumstances change.
 */
export const STAGE_TRANSITIONS: Record<ReferenceStage, readonly ReferenceStage[]> = {
  candidate: ['nominated', 'declined'],
  nominated: ['recruited', 'declined', 'candidate'],
  recruited: ['active', 'retired'],
  active: ['resting', 'retired'],
  resting: ['active', 'retired'],
  retired: ['candidate'],
  declined: ['candidate'],
};

/** The progression the funnel converts along. */
export const FUNNEL_STAGES = ['candidate', 'nominated', 'recruited', 'active'] as const satisfies readonly ReferenceStage[];

const names = (max: number) => z.array(requiredText(100)).min(1, 'name at least one').max(max);

/** A consent restriction the finder can evaluate; the words stay in `restrictions`. */
export const consentRule = z.discriminatedUnion('kind', [
  /** The prospect's region must be one of these ("EMEA prospects only"). */
  z.strictObject({ kind: z.literal('regionsOnly'), regions: names(20) }),
  /** Not for prospects in these industries. */
  z.strictObject({ kind: z.literal('excludeIndustries'), industries: names(50) }),
  /** Not for these prospects by name ("no competitors of X": the named competitor companies). */
  z.strictObject({ kind: z.literal('excludeProspects'), names: names(100) }),
]);
export type ConsentRule = z.infer<typeof consentRule>;
export const CONSENT_RULE_KINDS = ['regionsOnly', 'excludeIndustries', 'excludeProspects'] as const;

/** A consent at a date: valid, or why not. */
export const CONSENT_STATES = ['valid', 'expired', 'revoked', 'not_yet'] as const;
export const consentState = z.enum(CONSENT_STATES);
export type ConsentState = z.infer<typeof consentState>;

export const consent = z.object({
  id,
  contactId: id,
  activity: referenceActivity,
  grantedAt: z.string(),
  grantedBy: z.string(),
  expiresAt: z.string().nullable(),
  restrictions: z.string().nullable(),
  rules: z.array(consentRule),
  revokedAt: z.string().nullable(),
  /** Evaluated at the time asked for (now by default). */
  state: consentState,
  ...stamps,
});
export type Consent = z.infer<typeof consent>;

export const reference = z.object({
  id,
  accountId: id,
  /** The person who speaks for the account; consents are theirs. */
  contactId: id.nullable(),
  stage: referenceStage,
  /** Replaces the programme's total ask budget for this reference when set. */
  usageLimitPerQuarter: z.number().int().nonnegative().nullable(),
  notes: text(2000).nullable(),
  ...stamps,
  ...archivable,
});

/**
 * A reference as an import row: the stored fields, entering at any stage (a programme moved over
 * from another tool keeps its standing); rows are inserted as they are, without a stage log.
 */
export const referenceImportRow = reference
  .pick({ accountId: true, contactId: true, usageLimitPerQuarter: true, notes: true })
  .partial({ contactId: true, usageLimitPerQuarter: true, notes: true })
  .extend({ stage: referenceStage.default('candidate') })
  .strict();

/** One ask counted in a team budget warning: who asked, for what, the day it counts on, and the laptop it was made on. */
export const teamBudgetAsk = z.object({
  requester: z.string(),
  activity: referenceActivity,
  /** YYYY-MM-DD, in the workspace's time zone (fatigue counts days). */
  day: z.string(),
  /** Made on this laptop (or not yet sent), else pulled from another. */
  thisLaptop: z.boolean(),
  /** The laptop's client id as the team knows it (null: made here, not yet sent). */
  laptop: z.string().nullable(),
});

/**
 * In a team: asks made on two laptops while offline overran one of the reference's fatigue budgets
 * (an activity's, the total, or its usage limit: `budgetOf`), counted today over the last
 * `windowDays`. Counted on every read, so it goes by itself once enough asks age out of the window.
 */
export const teamBudget = z.object({
  budgetOf: z.string(),
  asks: z.number().int().nonnegative(),
  budget: z.number().int().nonnegative(),
  windowDays: z.number().int().positive(),
  /** YYYY-MM-DD: the day the count is back within the budget (the warning goes), asks as they stand. */
  withinBudgetOn: z.string(),
  /** The laptops the counted asks were made on. */
  laptops: z.number().int().nonnegative(),
  /** The counted asks, oldest first. */
  asked: z.array(teamBudgetAsk),
});
export type TeamBudget = z.infer<typeof teamBudget>;

/** A reference as lists and the board show it. */
export const referenceRow = reference.extend({
  accountName: z.string(),
  contactName: z.string().nullable(),
  /** When it entered its current stage. */
  stageSince: z.string(),
  /** Set by references.list and references.get in a team while a merged overrun stands (docs/team.md "Budgets"). */
  teamBudget: teamBudget.nullable().optional(),
});
export type ReferenceRow = z.infer<typeof referenceRow>;

export const stageChange = z.object({
  id,
  referenceId: id,
  fromStage: referenceStage.nullable(),
  toStage: referenceStage,
  changedBy: z.string(),
  changedAt: z.string(),
  reason: z.string().nullable(),
});
export type StageChange = z.infer<typeof stageChange>;

export const referenceDetail = referenceRow.extend({
  /** The contact's consents, newest first, with their state now. */
  consents: z.array(consent),
  /** Stage changes, oldest first. */
  history: z.array(stageChange),
  /** The latest requests of this reference, newest first. */
  requests: z.array(requestRow),
});
export type ReferenceDetail = z.infer<typeof referenceDetail>;

export const funnel = z.object({
  /** How many references are in each stage now (archived ones left out). */
  stages: z.array(z.object({ stage: referenceStage, count: z.number().int().nonnegative() })),
  /**
   * Along FUNNEL_STAGES: of the references that ever reached `from`, how many went on to reach `to`
   * (from the stage history); `rate` 0-100, null when none reached `from`.
   */
  conversions: z.array(
    z.object({
      from: referenceStage,
      to: referenceStage,
      reached: z.number().int().nonnegative(),
      converted: z.number().int().nonnegative(),
      rate: z.number().min(0).max(100).nullable(),
    }),
  ),
});
export type Funnel = z.infer<typeof funnel>;

const who = requiredText(100);
const consentWindowIssues = (value: { grantedAt?: string; expiresAt?: string | null }) =>
  value.grantedAt && value.expiresAt && value.expiresAt <= value.grantedAt ? [{ path: 'expiresAt', message: 'must be after grantedAt' }] : [];

export const referencesContract = {
  'references.list': {
    input: listInput(['accountName', 'stage', 'stageSince', 'createdAt', 'updatedAt'], z.object({ stage: oneOrMany(referenceStage), accountId: oneOrMany(id) })),
    output: pageOf(referenceRow),
  },
  'references.get': { input: idInput, output: referenceDetail },
  /** Nominate an account: it enters the programme as a candidate. */
  'references.create': {
    input: z.strictObject({
      accountId: id,
      contactId: id.nullable().optional(),
      notes: text(2000).nullable().optional(),
      usageLimitPerQuarter: z.number().int().nonnegative().nullable().optional(),
      /** Who proposes it (logged as the first stage change). */
      by: who,
      reason: text(500).optional(),
    }),
    output: referenceRow,
  },
  'references.update': {
    input: z.strictObject({
      id,
      contactId: id.nullable().optional(),
      notes: text(2000).nullable().optional(),
      usageLimitPerQuarter: z.number().int().nonnegative().nullable().optional(),
    }),
    output: referenceRow,
  },
  'references.archive': { input: idInput, output: referenceRow },
  'references.move': {
    input: z.strictObject({ id, stage: referenceStage, reason: text(500).optional(), by: who }),
    output: referenceRow,
  },
  'references.funnel': { input: z.strictObject({}), output: funnel },
  'references.consents': {
    input: z.strictObject({ referenceId: id, /** Evaluate states at this time instead of now. */ at: instant.optional() }),
    output: z.object({ contactId: id.nullable(), contactName: z.string().nullable(), consents: z.array(consent) }),
  },
  'references.grantConsent': {
    input: z
      .strictObject({
        referenceId: id,
        activity: referenceActivity,
        /** Defaults to now. */
        grantedAt: instant.optional(),
        grantedBy: who,
        expiresAt: instant.nullable().optional(),
        restrictions: text(1000).nullable().optional(),
        rules: z.array(consentRule).max(20).default([]),
      })
      .superRefine(refineWith(consentWindowIssues)),
    output: consent,
  },
  'references.revokeConsent': {
    input: z.strictObject({ id, /** Defaults to now. */ at: instant.optional() }),
    output: consent,
  },
} as const;
