import { z } from 'zod';
import { calendarDate, CHANNELS, id } from './common';
import { lifecycleStage } from './accounts';
import { healthBand, healthExplanation } from './health';
import { TICKET_PRIORITIES } from './tickets';

/** Which accounts and which period a metric is computed over. */
export const metricsQuery = z.strictObject({
  /** Inclusive; default twelve months before `to`. */
  from: calendarDate.optional(),
  /** Exclusive; default the first day of next month. */
  to: calendarDate.optional(),
  granularity: z.enum(['month', 'quarter']).default('month'),
  segment: z.array(z.string()).max(50).optional(),
  industry: z.array(z.string()).max(50).optional(),
  region: z.array(z.string()).max(50).optional(),
  owner: z.array(z.string()).max(100).optional(),
  lifecycleStage: z.array(lifecycleStage).max(10).optional(),
});
export type MetricsQuery = z.input<typeof metricsQuery>;

/** Every figure says what it is, how many observations it rests on, and why it is missing. */
export const metricValue = z.object({
  /** The id of its definition (`metrics.definitions`). */
  definition: z.string(),
  value: z.number().nullable(),
  n: z.number().int().nonnegative(),
  reason: z.string().optional(),
  low: z.number().optional(),
  high: z.number().optional(),
  warning: z.string().optional(),
  /** From a sketch (percentiles within 1 % relative error), not the exact rows. */
  approximate: z.boolean().optional(),
});
export type MetricValueDto = z.infer<typeof metricValue>;

/** The resolved period and filter a result was computed for. */
export const metricsScope = z.object({
  from: z.string(),
  to: z.string(),
  granularity: z.enum(['month', 'quarter']),
  filter: z.record(z.string(), z.array(z.string())),
});

const counts = (length: number) => z.array(z.number().int().nonnegative()).length(length);

export const satisfactionFigures = z.object({
  nps: metricValue.extend({ distribution: counts(11) }),
  csat: metricValue.extend({ distribution: counts(5) }),
  /** Very satisfied, somewhat satisfied, somewhat dissatisfied, very dissatisfied, don't know, n/a. */
  nsat: metricValue.extend({ distribution: counts(6) }),
  ces: metricValue.extend({ distribution: counts(7) }),
  advocates: z.object({
    n: z.number().int().nonnegative(),
    champions: z.number().int().nonnegative(),
    moralSupporters: z.number().int().nonnegative(),
    captives: z.number().int().nonnegative(),
    rebels: z.number().int().nonnegative(),
  }),
});

export const supportFigures = z.object({
  volume: metricValue,
  backlog: metricValue,
  quantileMethod: z.string(),
  firstResponse: z.object({ median: metricValue, p90: metricValue }),
  resolution: z.object({ median: metricValue, p90: metricValue }),
  /** Share answered within the first-response target (and resolved within the resolution target) per priority. */
  sla: z.array(
    z.object({
      priority: z.enum(TICKET_PRIORITIES),
      targetHours: z.number(),
      attainment: metricValue,
      resolutionTargetHours: z.number().optional(),
      resolutionAttainment: metricValue.optional(),
    }),
  ),
  topics: z.array(z.object({ topic: z.string(), count: z.number().int(), share: z.number(), cumulativeShare: z.number() })),
  byChannel: z.array(z.object({ channel: z.enum(CHANNELS), volume: z.number().int(), csat: metricValue })),
  bySegment: z.array(z.object({ segment: z.string(), volume: z.number().int(), firstResponseMedian: metricValue })),
});

export const retentionFigures = z.object({
  logoChurn: metricValue,
  logoRetention: metricValue,
  grossRevenueRetention: metricValue,
  netRevenueRetention: metricValue,
  renewalRate: metricValue,
  tenureMonths: metricValue,
  /** Share of each start quarter's accounts still customers after 0, 1, 2, … quarters. */
  cohorts: z.array(z.object({ cohort: z.string(), size: z.number().int(), retention: z.array(z.number().nullable()) })),
});

const valueMapContribution = z.object({
  name: z.string(),
  /** As entered. */
  weight: z.number(),
  ours: z.number(),
  theirs: z.number(),
  /** ours / theirs after the rounding rule. */
  ratio: z.number(),
  /** Weight rescaled to Σ = 100, × ratio: the points this attribute adds to the score. */
  contribution: z.number(),
});

/** Customer value from the value-map survey in settings (Gale 1994); figures null with a reason without one. */
export const customerValue = z.object({
  competitor: z.string(),
  rounding: z.enum(['none', 'ratio-2dp']),
  /** The rounding rule in words, so a figure can be checked by hand. */
  roundingLabel: z.string(),
  /** Σ w · ours/theirs over the quality attributes (100 = parity). */
  relativeQuality: metricValue.extend({ contributions: z.array(valueMapContribution) }),
  /** The same over the price attributes (higher = customers happier with our price). */
  priceSatisfaction: metricValue.extend({ contributions: z.array(valueMapContribution) }),
  /** 100 · 100 / price satisfaction (competitor = 100; lower = we seem cheaper). */
  relativePrice: metricValue,
  /** Relative quality − relative price: distance above the fair-value line. */
  valueAdvantage: metricValue,
  position: z.enum(['better value', 'fair value', 'worse value']).nullable(),
  /** Customer value added (Gale): relative quality / relative price, a ratio (1 = parity). Issue 16. */
  customerValueAdded: metricValue.optional(),
  /** Weighted customer value ratio: w_q · quality ratio + w_p · price-satisfaction ratio (1 = parity), weights from settings. Issue 16. */
  customerValueRatio: metricValue.extend({ qualityWeight: z.number(), priceWeight: z.number() }).optional(),
});

/** Cohort-form CLV of the customers who started in one calendar year. */
export const clvCohortRow = z.object({
  /** Start year. */
  cohort: z.string(),
  /** Accounts in the cohort (in the settings' currency, with a gross margin). */
  size: z.number().int().nonnegative(),
  /** Observed years T (1 January after the start year up to the period end). */
  years: z.number().int().nonnegative(),
  /** Share still customers on each 1 January, S_1 … S_T. */
  survival: z.array(z.number()),
  /** Margin per surviving customer on each 1 January, m_1 … m_T (minor units a year). */
  margins: z.array(z.number()),
  clv: metricValue,
});

export const valueFigures = z.object({
  currency: z.string(),
  customerEquity: metricValue,
  clvMedian: metricValue,
  returnOnCustomer: metricValue,
  customerValue: customerValue.optional(),
  clvCohorts: z.array(clvCohortRow).optional(),
});

export const atRiskAccount = z.object({
  accountId: id,
  name: z.string(),
  segment: z.string(),
  owner: z.string().nullable(),
  arrMinor: z.number().int(),
  /** The account's own currency (ISO 4217): its ARR is in it, whatever the settings' currency. */
  currency: z.string(),
  renewalDate: z.string().nullable(),
  score: z.number().nullable(),
  band: healthBand,
  /** ISO date-time of the health snapshot the score is from (health.explain shows the same one). */
  asOf: z.string(),
  reasons: z.array(z.string()),
});

export const portfolio = z.object({
  scope: metricsScope,
  accounts: z.number().int().nonnegative(),
  satisfaction: satisfactionFigures,
  support: supportFigures,
  retention: retentionFigures,
  value: valueFigures,
  health: z.object({
    bands: z.object({ red: z.number().int(), amber: z.number().int(), green: z.number().int(), insufficient: z.number().int() }),
    atRisk: z.array(atRiskAccount),
    /** The oldest snapshot the bands rest on (scores move with time too: health.recompute refreshes them). */
    takenAt: z.string().nullable().optional(),
  }),
  /** The same headline figures for the period just before, for "change vs previous period". */
  previous: z.object({
    nps: metricValue,
    csat: metricValue,
    firstResponseMedian: metricValue,
    logoChurn: metricValue,
    netRevenueRetention: metricValue,
  }),
});
export type Portfolio = z.infer<typeof portfolio>;

export const TREND_METRICS = ['nps', 'csat', 'nsat', 'ces', 'ticketVolume', 'backlog', 'firstResponseMedian', 'resolutionMedian', 'logoChurn'] as const;

/** A locale the page formats in (BCP 47, "en-US"), as Intl accepts it. */
export const displayLocale = z
  .string()
  .min(2)
  .max(35)
  .refine(
    (value) => {
      try {
        return Intl.getCanonicalLocales(value).length === 1;
      } catch {
        return false;
      }
    },
    { message: 'must be a BCP 47 locale such as "en-US"' },
  );

/** An IANA time zone ("Europe/Berlin"), as Intl accepts it. */
export const displayTimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine(
    (value) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: value });
        return true;
      } catch {
        return false;
      }
    },
    { message: 'must be an IANA time zone such as "Europe/Berlin"' },
  );

/** A figure as a screen shows it (shared/format), or null when there is none (the screen says why in words). */
const shownText = z.string().nullable();

export const metricsContract = {
  'metrics.portfolio': { input: metricsQuery, output: portfolio },
  'metrics.account': {
    input: z.strictObject({ id, from: calendarDate.optional(), to: calendarDate.optional() }),
    output: z.object({
      accountId: id,
      scope: metricsScope,
      satisfaction: satisfactionFigures.omit({ advocates: true }),
      satisfactionHistory: z.array(z.object({ respondedAt: z.string(), kind: z.string(), score: z.number().nullable() })),
      support: supportFigures.pick({ volume: true, backlog: true, firstResponse: true, resolution: true, sla: true, quantileMethod: true }),
      clv: metricValue,
      health: healthExplanation,
    }),
  },
  'metrics.trend': {
    input: metricsQuery.extend({ metric: z.enum(TREND_METRICS) }),
    output: z.object({ scope: metricsScope, metric: z.enum(TREND_METRICS), points: z.array(z.object({ period: z.string(), value: metricValue })) }),
  },
  'metrics.definitions': {
    input: z.strictObject({}),
    output: z.array(z.object({ id: z.string(), name: z.string(), formula: z.string(), unit: z.string(), source: z.string() })),
  },
  /**
   * What figures read as, written by the core with the screens' formatter (shared/format) in the
   * page's locale and time zone: each account's health (score and "as of") and satisfaction and
   * support figures as its page shows them, and the dashboard's cards for a period. The text a
   * screen must show, so a screen that rounds or labels on its own is caught (tests/e2e/crossScreen).
   */
  'metrics.display': {
    input: z.strictObject({
      locale: displayLocale,
      timeZone: displayTimeZone,
      accounts: z.array(id).max(50).default([]),
      /** The dashboard's period and filters; without it, no portfolio figures. */
      portfolio: metricsQuery.optional(),
      /** The reference requests awaiting an answer past the SLA, as Requests and Influence show them. */
      requests: z.boolean().default(false),
    }),
    output: z.object({
      accounts: z.array(
        z.object({
          accountId: id,
          healthScore: shownText,
          healthAsOf: shownText,
          nps: shownText,
          csat: shownText,
          ces: shownText,
          firstResponseMedian: shownText,
        }),
      ),
      /** The dashboard's cards (compact, as a card shows a figure). */
      portfolio: z.object({ nps: shownText, csat: shownText, nsat: shownText, ces: shownText, firstResponseMedian: shownText }).nullable(),
      /** Requests past the SLA (shared/requestSla.ts): the count as Influence shows it, the sentence as Requests does; null unless asked for. */
      requests: z.object({ pastSla: z.string(), pastSlaSummary: z.string() }).nullable(),
    }),
  },
  /** Rebuilds every rollup from the raw rows (after bulk writes outside the channels); progress as `metrics.progress` events. */
  'metrics.rebuild': {
    input: z.strictObject({}),
    output: z.object({ accountMonths: z.number().int(), arrBackfilled: z.number().int(), healthSnapshots: z.number().int(), seconds: z.number() }),
  },
} as const;
