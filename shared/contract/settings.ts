import { z } from 'zod';
import { currency, REFERENCE_ACTIVITIES } from './common';
import { TICKET_PRIORITIES } from './tickets';

const weight = z.number().min(0).max(100);
const hours = z
  .number()
  .positive()
  .max(24 * 365);
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time as HH:MM');

/** Health-score model: component weights (renormalised over what has data), floor and bands. */
export const healthSettings = z.strictObject({
  weights: z.strictObject({
    satisfaction: weight,
    support: weight,
    adoption: weight,
    engagement: weight,
    renewal: weight,
  }),
  /** Below this share of weight with data, the score is "insufficient data". */
  coverageFloorPct: z.number().min(0).max(100),
  redBelow: z.number().min(0).max(100),
  amberBelow: z.number().min(0).max(100),
});

export const slaTarget = z.strictObject({ firstResponseHours: hours, resolutionHours: hours });

/** An optional business-hours clock: response times then count only working time. */
const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

export const businessHours = z
  .strictObject({
    enabled: z.boolean(),
    /** IANA time zone of the support team, e.g. Europe/Berlin. */
    timeZone: z.string().min(1).max(64).refine(isTimeZone, 'is not a time zone this system knows (e.g. Europe/Berlin)'),
    /** ISO weekdays, 1 = Monday … 7 = Sunday. */
    days: z.array(z.number().int().min(1).max(7)).max(7),
    start: clock,
    end: clock,
  })
  .refine((value) => value.end > value.start, { path: ['end'], message: 'must be after start (a working day within one date)' });

/** One attribute of a value-map survey: its weight and the customers' rating of us and of the competitor. */
export const valueMapAttribute = z.strictObject({
  name: z.string().trim().min(1, 'is required').max(80),
  weight: z.number().min(0).max(100),
  /** Ratings on one scale for both (e.g. 1-10). */
  ours: z.number().min(0).max(1000),
  theirs: z.number().gt(0, 'must be above 0 (it divides)').max(1000),
});

export const VALUE_MAP_ROUNDING = ['none', 'ratio-2dp'] as const;

const attributeList = z
  .array(valueMapAttribute)
  .max(30)
  // Weights are rescaled to 100 when they do not sum to it, which needs a sum above 0.
  .refine((list) => list.length === 0 || list.some((a) => a.weight > 0), 'at least one weight must be above 0');

/**
 * A customer value map survey against one competitor (Gale 1994): quality attributes give relative
 * perceived quality, price attributes (satisfaction with price, trade-in, financing, …) the
 * price-satisfaction score. Empty lists: no survey entered.
 */
export const valueMapSettings = z
  .strictObject({
    competitor: z.string().trim().max(80),
    /** 'none': ratios unrounded; 'ratio-2dp': each ratio rounded to 2 decimals first, as Gale's worksheet does. */
    rounding: z.enum(VALUE_MAP_ROUNDING),
    quality: attributeList,
    price: attributeList,
  })
  .refine((v) => v.competitor.length > 0 || (v.quality.length === 0 && v.price.length === 0), {
    path: ['competitor'],
    message: 'name the competitor the ratings compare with',
  });
export type ValueMapSettings = z.infer<typeof valueMapSettings>;

const budget = z.number().int('must be a whole number').min(0).max(100);
/** Weights are relative: some must be above 0, or nothing would count. */
const someWeight = <T extends z.ZodRawShape>(shape: T) =>
  z.strictObject(shape).refine((w) => Object.values(w).some((v) => (v as number) > 0), 'at least one weight must be above 0');

/**
 * Customer leverage (issue 5): reference readiness weights, the fatigue budgets that make a
 * reference's capacity, the finder's gates and score weights.
 */
export const leverageSettings = z.strictObject({
  readinessWeights: someWeight({ deployment: weight, satisfaction: weight, loyalty: weight, rapport: weight }),
  /** Points taken off readiness when a reference has used all its asks in the window (less in proportion). */
  fatiguePenalty: z.number().min(0).max(100),
  /** Accounts at or above this readiness are suggested as candidates. */
  candidateThreshold: z.number().min(0).max(100),
  /** The finder's health gate: the latest health score must be at least this. */
  minHealth: z.number().min(0).max(100),
  fatigue: z.strictObject({
    windowDays: z.number().int('must be whole days').min(1).max(366),
    /** Asks per activity allowed in the window. */
    budgets: z.strictObject(Object.fromEntries(REFERENCE_ACTIVITIES.map((a) => [a, budget])) as Record<(typeof REFERENCE_ACTIVITIES)[number], typeof budget>),
    /** All asks of a contact allowed in the window (a reference's usage limit per quarter replaces it). */
    totalBudget: budget,
    /** Days after a completed use before the next ask. */
    restDays: z.number().int('must be whole days').min(0).max(365),
  }),
  /** Similarity weights per criterion (metrics.md). */
  matchWeights: someWeight({ industry: weight, product: weight, useCase: weight, sizeBand: weight, region: weight, competitor: weight }),
  /** How the finder's score blends similarity, readiness and freshness. */
  scoreWeights: someWeight({ similarity: weight, readiness: weight, freshness: weight }),
  /** A request still awaiting approval or scheduling after this many days is past its SLA. */
  requestSlaDays: z.number().int('must be whole days').min(1).max(90),
});
export type LeverageSettings = z.infer<typeof leverageSettings>;

/** The two survival conventions of CLV (issue 16): margins weighted by r^t (retained to year 1) or r^(t−1) (present in year 1). */
export const CLV_SURVIVAL = ['retained', 'present'] as const;
export type ClvSurvival = (typeof CLV_SURVIVAL)[number];

/**
 * Customer value management (issue 16): the CLV convention and acquisition cost, the margin on
 * purchases (customers without contracts), and the weights of the customer value ratio.
 */
export const customerValueSettings = z.strictObject({
  /** 'retained': Σ m·r^t/(1+i)^t (the first margin counts if the customer is retained a year); 'present': Σ m·r^(t−1)/(1+i)^t (present in year 1). */
  survival: z.enum(CLV_SURVIVAL),
  /** What acquiring one customer costs, in minor units of the workspace's currency: CLV is net of it. */
  acquisitionCostMinor: z.number().int('must be whole minor units (cents)').min(0).max(1e15),
  /** Gross margin on purchases, % (the BG/NBD CLV of customers without contracts). */
  purchaseMarginPct: z.number().min(0).max(100),
  /** Weights of the customer value ratio: perceived-quality ratio and price-satisfaction ratio (relative; rescaled to sum 1). */
  cvrWeights: someWeight({ quality: weight, price: weight }),
});
export type CustomerValueSettings = z.infer<typeof customerValueSettings>;

export const settings = z.strictObject({
  health: healthSettings,
  /** Yearly discount rate i for lifetime value, as a fraction (0.1 = 10 %). */
  discountRate: z.number().min(0).max(1),
  slaTargets: z.strictObject(Object.fromEntries(TICKET_PRIORITIES.map((p) => [p, slaTarget])) as Record<(typeof TICKET_PRIORITIES)[number], typeof slaTarget>),
  businessHours,
  currency,
  valueMap: valueMapSettings,
  leverage: leverageSettings,
  customerValue: customerValueSettings,
});
export type Settings = z.infer<typeof settings>;

export const DEFAULT_SETTINGS: Settings = {
  health: {
    weights: { satisfaction: 30, support: 20, adoption: 20, engagement: 15, renewal: 15 },
    coverageFloorPct: 60,
    redBelow: 50,
    amberBelow: 70,
  },
  discountRate: 0.1,
  slaTargets: {
    urgent: { firstResponseHours: 1, resolutionHours: 8 },
    high: { firstResponseHours: 4, resolutionHours: 24 },
    normal: { firstResponseHours: 8, resolutionHours: 72 },
    low: { firstResponseHours: 24, resolutionHours: 168 },
  },
  businessHours: { enabled: false, timeZone: 'UTC', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' },
  currency: 'USD',
  valueMap: { competitor: '', rounding: 'none', quality: [], price: [] },
  leverage: {
    readinessWeights: { deployment: 30, satisfaction: 25, loyalty: 25, rapport: 20 },
    fatiguePenalty: 20,
    candidateThreshold: 70,
    minHealth: 70,
    fatigue: {
      windowDays: 90,
      budgets: {
        reference_call: 2,
        case_study: 1,
        press_quote: 1,
        analyst_briefing: 1,
        site_visit: 1,
        speaking: 1,
        peer_review: 1,
        logo_use: 1,
      },
      totalBudget: 4,
      restDays: 30,
    },
    matchWeights: { industry: 30, product: 20, useCase: 15, sizeBand: 15, region: 10, competitor: 10 },
    scoreWeights: { similarity: 60, readiness: 25, freshness: 15 },
    requestSlaDays: 3,
  },
  customerValue: { survival: 'retained', acquisitionCostMinor: 0, purchaseMarginPct: 30, cvrWeights: { quality: 80, price: 20 } },
};

/** A change to some settings; each group given is replaced whole, so what the user sees is what is stored. */
export const settingsUpdate = settings
  .partial()
  .refine((value) => !value.health || value.health.redBelow <= value.health.amberBelow, { path: ['health', 'redBelow'], message: 'must not be above the amber threshold' });

export const settingsContract = {
  'settings.get': { input: z.strictObject({}), output: settings },
  'settings.update': { input: settingsUpdate, output: settings },
} as const;
