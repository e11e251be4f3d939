import { z } from 'zod';
import { calendarDate, currency, id, instant, referenceActivity, text } from './common';
import { referenceStage, teamBudget } from './references';

// Customer leverage (issue 5): reference readiness, fatigue as capacity, the finder, coverage,
// influence and the program figures. Everything here is computed, nothing is written.

const score = z.number().min(0).max(100);
const count = z.number().int().nonnegative();
const share = z.number().min(0).max(100).nullable();

/** One part of a score: its weight, its 0-100 score (null: no data), the points it adds and why. */
export const scorePart = z.object({
  id: z.string(),
  label: z.string(),
  weight: z.number(),
  score: score.nullable(),
  points: z.number().nullable(),
  reason: z.string(),
});
export type ScorePart = z.infer<typeof scorePart>;

export const readiness = z.object({
  accountId: id,
  /** 0-100 after the fatigue penalty; null when too little is known (reason says why). */
  score: score.nullable(),
  reason: z.string().nullable(),
  /** The weighted mean of the components before the penalty. */
  base: score.nullable(),
  components: z.array(scorePart),
  fatigue: z.object({ asks: count, budget: count, penalty: z.number().min(0), reason: z.string() }),
  /** The short list a CSM reads: the strongest and the weakest points. */
  reasons: z.array(z.string()),
});
export type Readiness = z.infer<typeof readiness>;

export const standing = z.object({
  readiness,
  /** The account's reference in the program, if any (the newest non-archived one). */
  reference: z.object({ id, stage: referenceStage, contactName: z.string().nullable() }).nullable(),
  threshold: score,
});

export const candidate = z.object({
  accountId: id,
  name: z.string(),
  segment: z.string(),
  industry: z.string().nullable(),
  region: z.string().nullable(),
  owner: z.string().nullable(),
  score,
  reasons: z.array(z.string()),
});
export type Candidate = z.infer<typeof candidate>;

const activityCount = z.object({ activity: referenceActivity, asks: count, budget: count });

export const availability = z.object({
  referenceId: id,
  /** The day the answer is for. */
  on: calendarDate,
  windowDays: count,
  activities: z.array(activityCount),
  total: z.object({ asks: count, budget: count, fromUsageLimit: z.boolean() }),
  lastUsedAt: instant.nullable(),
  restUntil: calendarDate.nullable(),
  /** The first day every budget and the rest period allow a new ask of `activity`; null: never (a budget of 0 or no contact). */
  availableFrom: calendarDate.nullable(),
  activity: referenceActivity,
  available: z.boolean(),
  reason: z.string(),
});
export type Availability = z.infer<typeof availability>;

export const segmentCapacity = z.object({
  segment: z.string(),
  activeReferences: count,
  /** Asks the active references can still take in the window. */
  supply: count,
  openRequests: count,
  forecast: z.number().nonnegative(),
  demand: z.number().nonnegative(),
  /** supply − demand: negative is a shortfall. */
  balance: z.number(),
});

export const capacity = z.object({
  segments: z.array(segmentCapacity),
  forecastMethod: z.string(),
  windowDays: count,
});

/** A typed prospect profile; every field may be left out. */
export const prospectProfile = z.strictObject({
  prospect: text(200).optional(),
  industry: text(100).optional(),
  segment: text(50).optional(),
  employeeCount: z.number().int().nonnegative().optional(),
  region: text(100).optional(),
  products: z.array(text(100)).max(50).optional(),
  useCase: text(500).optional(),
  competitor: text(100).optional(),
});
export type ProspectProfile = z.infer<typeof prospectProfile>;

export const matchInput = z
  .strictObject({
    dealId: id.optional(),
    profile: prospectProfile.optional(),
    activity: referenceActivity.default('reference_call'),
    /** The day the reference is needed (consent and fatigue are checked on it); default today. */
    neededOn: calendarDate.optional(),
    limit: z.number().int().min(1).max(500).default(25),
  })
  .refine((value) => (value.dealId === undefined) !== (value.profile === undefined), {
    path: ['dealId'],
    message: 'give either a dealId or a profile, not both and not neither',
  });

export const MATCH_GATES = ['stage', 'consent', 'restrictions', 'health', 'fatigue'] as const;
export const matchGate = z.enum(MATCH_GATES);

const criterion = z.object({
  criterion: z.enum(['industry', 'product', 'useCase', 'sizeBand', 'region', 'competitor']),
  weight: z.number(),
  match: z.number().min(0).max(1),
  points: z.number(),
  reason: z.string(),
  specified: z.boolean(),
});

const referenceHead = {
  referenceId: id,
  accountId: id,
  accountName: z.string(),
  contactName: z.string().nullable(),
  segment: z.string(),
  industry: z.string().nullable(),
  region: z.string().nullable(),
};

export const rankedReference = z.object({
  ...referenceHead,
  rank: z.number().int().positive(),
  score,
  parts: z.array(scorePart),
  criteria: z.array(criterion),
  reasons: z.array(z.string()),
  health: score,
  lastUsedAt: instant.nullable(),
  /** In a team, a merged budget overrun that stands today (as references.list carries it). */
  teamBudget: teamBudget.nullable().optional(),
});
export type RankedReference = z.infer<typeof rankedReference>;

export const excludedReference = z.object({
  ...referenceHead,
  gate: matchGate,
  reason: z.string(),
  availableFrom: calendarDate.nullable(),
  /** In a team, a merged budget overrun that stands today (as references.list carries it). */
  teamBudget: teamBudget.nullable().optional(),
});
export type ExcludedReference = z.infer<typeof excludedReference>;

export const matchResult = z.object({
  /** The profile matched against (from the deal, or as typed). */
  profile: prospectProfile,
  dealId: id.nullable(),
  activity: referenceActivity,
  neededOn: calendarDate,
  ranked: z.array(rankedReference),
  eligible: count,
  excluded: z.array(excludedReference),
  excludedByGate: z.record(matchGate, count),
  /** References in the pool (active or resting). */
  pool: count,
});
export type MatchResult = z.infer<typeof matchResult>;

export const coverageInput = z.strictObject({ product: text(100).optional() });

export const coverageCell = z.object({ industry: z.string(), segment: z.string(), region: z.string(), ready: count, openDeals: count });
export const coverageGap = z.object({
  industry: z.string(),
  segment: z.string(),
  region: z.string(),
  openDeals: count,
  customers: count,
  message: z.string(),
});

export const coverage = z.object({
  product: z.string().nullable(),
  products: z.array(z.string()),
  industries: z.array(z.string()),
  columns: z.array(z.object({ segment: z.string(), region: z.string() })),
  cells: z.array(coverageCell),
  /** The most pressing gaps (demand first); gapCount says how many there are in all. */
  gaps: z.array(coverageGap),
  gapCount: count,
  ready: count,
  definition: z.string(),
});
export type Coverage = z.infer<typeof coverage>;

export const periodInput = z
  .strictObject({ from: calendarDate.optional(), to: calendarDate.optional() })
  .refine((value) => !value.from || !value.to || value.from < value.to, { path: ['to'], message: 'must be after from' });

const group = z.object({ n: count, won: count, winRate: share, medianCycleDays: z.number().nullable() });
export const influenceRow = z.object({ segment: z.string(), withReference: group, withoutReference: group });

export const influence = z.object({
  from: calendarDate,
  to: calendarDate,
  currency,
  influencedDeals: count,
  influencedPipelineMinor: z.number().int().nonnegative(),
  influencedWonMinor: z.number().int().nonnegative(),
  /** Deals in another currency than the workspace's are counted but not summed. */
  otherCurrencyDeals: count,
  segments: z.array(influenceRow),
  overall: influenceRow,
});
export type Influence = z.infer<typeof influence>;

const usage = z.object({ referenceId: id, accountName: z.string(), uses: count });
export const programFigures = z.object({
  from: calendarDate,
  to: calendarDate,
  requests: count,
  acceptance: z.object({ rate: share, accepted: count, decided: count }),
  fulfilment: z.object({ medianDays: z.number().nullable(), n: count }),
  mostUsed: z.array(usage),
  leastUsed: z.array(usage),
  pastSla: z.object({ count, slaDays: count }),
});
export type ProgramFigures = z.infer<typeof programFigures>;

export const leverageContract = {
  'leverage.readiness': { input: z.strictObject({ accountId: id }), output: readiness },
  'leverage.standing': { input: z.strictObject({ accountId: id }), output: standing },
  'leverage.candidates': {
    input: z.strictObject({
      page: z.number().int().min(1).default(1),
      pageSize: z.number().int().min(1).max(500).default(50),
      threshold: score.optional(),
    }),
    output: z.object({ rows: z.array(candidate), total: count, page: z.number().int().min(1), pageSize: z.number().int().min(1), threshold: score }),
  },
  'leverage.availability': {
    input: z.strictObject({ referenceId: id, activity: referenceActivity.default('reference_call'), on: calendarDate.optional() }),
    output: availability,
  },
  'leverage.capacity': { input: z.strictObject({}), output: capacity },
  'leverage.match': { input: matchInput, output: matchResult },
  'leverage.coverage': { input: coverageInput, output: coverage },
  'leverage.influence': { input: periodInput, output: influence },
  'leverage.programFigures': { input: periodInput, output: programFigures },
} as const;
