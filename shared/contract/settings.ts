import { z } from 'zod';
import { currency } from './common';
import { TICKET_PRIORITIES } from './tickets';

const weight = z.number().min(0).max(100);
const hours = z.number().positive().max(24 * 365);
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

export const settings = z.strictObject({
  health: healthSettings,
  /** Yearly discount rate i for lifetime value, as a fraction (0.1 = 10 %). */
  discountRate: z.number().min(0).max(1),
  slaTargets: z.strictObject(Object.fromEntries(TICKET_PRIORITIES.map((p) => [p, slaTarget])) as Record<(typeof TICKET_PRIORITIES)[number], typeof slaTarget>),
  businessHours,
  currency,
  valueMap: valueMapSettings,
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
};

/** A change to some settings; each group given is replaced whole, so what the user sees is what is stored. */
export const settingsUpdate = settings.partial().refine(
  (value) => !value.health || value.health.redBelow <= value.health.amberBelow,
  { path: ['health', 'redBelow'], message: 'must not be above the amber threshold' },
);

export const settingsContract = {
  'settings.get': { input: z.strictObject({}), output: settings },
  'settings.update': { input: settingsUpdate, output: settings },
} as const;
