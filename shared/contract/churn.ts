import { z } from 'zod';
import { accountScope } from './accounts';
import { calendarDate, id } from './common';

// The churn domain (issue 16): a model trained on the workspace's own history, proven by a backtest
// across time beside the rule health score, and each account's probability with its reasons.

export const calibrationRow = z.object({ decile: z.number().int(), n: z.number().int(), meanPredicted: z.number().nullable(), observedRate: z.number() });

export const evaluation = z.object({
  n: z.number().int(),
  churners: z.number().int(),
  auc: z.number().nullable(),
  brier: z.number().nullable(),
  topDecileLift: z.number().nullable(),
  calibration: z.array(calibrationRow),
});
export type EvaluationDto = z.infer<typeof evaluation>;

export const backtest = z.object({
  /** Trained on customers as of these days, with outcomes known by the cut-off. */
  trainedAsOf: z.array(z.string()),
  trainingRows: z.number().int(),
  /** Scored the customers of this day; their outcome is churn by the next renewal + grace days. */
  cutOff: z.string(),
  model: evaluation.nullable(),
  /** The rule health score (risk = 100 − score) on the same accounts; unscored (thin data) rank in the middle. */
  health: evaluation.nullable(),
  healthUnscored: z.number().int(),
  /** Why there is no backtest (too little history), when there is none. */
  reason: z.string().optional(),
});
export type Backtest = z.infer<typeof backtest>;

export const churnOptions = z.strictObject({
  /** Churn counts when it happens by the next renewal plus this many days. */
  graceDays: z.number().int().min(0).max(365).default(30),
  /** The L2 penalty on standardised coefficients; left out, it is chosen by cross-validation by time (the model's lambdaSearch). */
  lambda: z.number().positive().max(1000).optional(),
  /** Training snapshots a quarter apart (more rows from a short history). */
  trainingSnapshots: z.number().int().min(1).max(8).default(4),
});

/**
 * What a churn feature's value is measured in: days, hours, years, money (the workspace's currency),
 * a count, a score on its scale (`range`), a percentage, a sentiment (−2 to 2), or a category
 * (segment). `null` for features of models stored before units (and a file's own columns).
 */
export const featureUnit = z.enum(['days', 'hours', 'years', 'money', 'count', 'score', 'percent', 'sentiment', 'category']);
export type FeatureUnit = z.infer<typeof featureUnit>;

export const coefficient = z.object({
  column: z.string(),
  label: z.string(),
  /** On the standardised scale: per standard deviation of the column. */
  coefficient: z.number(),
  /** The unit of the feature a value column reads; null for a "missing" indicator, a category level, or a model stored before units. */
  unit: featureUnit.nullable().optional(),
  /** One standard deviation of the column in the feature's unit, in words ("45 days", "$8,000"; "×2.7" for ARR and employees, read on a log scale); null where unit is. */
  step: z.string().nullable().optional(),
});

export const churnModel = z.object({
  id,
  version: z.string(),
  trainedAt: z.string(),
  /** The day its predictions are for. */
  asOf: z.string(),
  options: z.object({ graceDays: z.number().int(), lambda: z.number(), trainingSnapshots: z.number().int() }),
  trainingRows: z.number().int(),
  trainingChurners: z.number().int(),
  /** Largest first (by |coefficient| on the standardised scale). */
  coefficients: z.array(coefficient),
  backtest,
  predictions: z.number().int(),
  /**
   * How λ was chosen when the options named none: each grid value's pooled validation log-loss (and
   * mean AUC) over folds by time inside the training window; the lowest log-loss is `chosen`.
   */
  lambdaSearch: z
    .object({
      chosen: z.number(),
      grid: z.array(z.object({ lambda: z.number(), logLoss: z.number().nullable(), auc: z.number().nullable() })),
      folds: z.array(z.object({ validatedOn: z.string(), trainedOn: z.array(z.string()), trainingRows: z.number().int(), validationRows: z.number().int() })),
      reason: z.string().optional(),
    })
    .optional(),
});
export type ChurnModel = z.infer<typeof churnModel>;

export const reason = z.object({ feature: z.string(), label: z.string(), value: z.string(), logOdds: z.number(), points: z.number(), sentence: z.string() });

export const accountPrediction = z.object({
  accountId: id,
  probability: z.number(),
  asOf: z.string(),
  modelId: id,
  modelVersion: z.string(),
  reasons: z.array(reason),
});
export type AccountPrediction = z.infer<typeof accountPrediction>;

export const splitEvaluation = z.object({
  splits: z.number().int(),
  features: z.array(z.string()),
  restated: z.array(z.object({ feature: z.string(), of: z.array(z.string()), r2: z.number() })),
  auc: z.array(z.number().nullable()),
  meanAuc: z.number().nullable(),
});

export const estimate = z.object({ value: z.number().nullable(), low: z.number().nullable(), high: z.number().nullable() });

export const groupFigures = z.object({
  group: z.string(),
  n: z.number().int(),
  renewed: z.number().int(),
  arrDue: z.number(),
  renewalRate: estimate,
  logoChurn: estimate,
  grossRevenueRetention: estimate,
  netRevenueRetention: estimate,
  expansion: estimate,
});

/** Groups in order; each group's renewal rate against the last group with renewals, in percentage points. */
export const grouping = z.object({
  groups: z.array(groupFigures),
  differences: z.array(z.object({ group: z.string(), versus: z.string(), renewalRate: estimate, sentence: z.string() })),
  /** Renewals with no answer (or no score) to group them by. */
  unassigned: z.number().int(),
});

export const arrBand = z.object({ band: z.string(), accounts: z.number().int(), arrMinor: z.number(), share: z.number().nullable() });

export const satisfactionRevenue = z.object({
  from: z.string(),
  to: z.string(),
  /** Accounts the filters keep (every account that is not archived when there is none). */
  accounts: z.number().int(),
  renewals: z.number().int(),
  byNps: grouping,
  byCsat: grouping,
  byAdvocate: grouping,
  byHealth: grouping,
  atRisk: z.object({
    from: z.string(),
    to: z.string(),
    accounts: z.number().int(),
    arrMinor: z.number(),
    byHealth: z.array(arrBand),
    byProbability: z.array(arrBand),
    /** Renewing accounts without a current churn prediction (no model yet, or new since it was trained). */
    unscored: z.number().int(),
  }),
});
export type SatisfactionRevenue = z.infer<typeof satisfactionRevenue>;

export const churnContract = {
  /**
   * What satisfaction is worth: renewals due in [from, to) (default: the two years up to today) by
   * NPS group, CSAT band, advocate quadrant and health band; and ARR renewing within horizonDays
   * from today by health band and predicted churn probability. The dashboard's account filters
   * (segment, industry, region, owner, lifecycle stage, "my accounts") keep the accounts they name,
   * by their attributes today, in both parts.
   */
  'churn.satisfactionRevenue': {
    input: z.strictObject({
      from: calendarDate.optional(),
      to: calendarDate.optional(),
      horizonDays: z.number().int().min(1).max(730).default(365),
      ...accountScope.shape,
    }),
    output: satisfactionRevenue,
  },
  /** Trains a model on the history (backtest first, then on everything known), stores it and every current customer's prediction. */
  'churn.train': { input: churnOptions, output: churnModel },
  /** The current model with its backtest, or null before the first training. */
  'churn.model': { input: z.strictObject({}), output: churnModel.nullable() },
  /** One account's current prediction with its reasons, or null (no model, or not a current customer). */
  'churn.account': { input: z.strictObject({ id }), output: accountPrediction.nullable() },
  /**
   * A snapshot evaluation for workspaces without history (a file of customers and whether they left):
   * stratified random splits of the accounts, the account's columns and custom fields as features,
   * churned (ever) as the label. Not a backtest: nothing here is ordered in time.
   */
  /** What the model reads of one account as of a day: its features from rows dated before that day only. */
  'churn.features': {
    input: z.strictObject({ id, asOf: calendarDate }),
    output: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        /** What the model reads (ARR and employees as ln(1 + quantity)). */
        value: z.union([z.number(), z.string()]).nullable(),
        unit: featureUnit,
        /** A score's scale, e.g. [0, 10] for NPS, [1, 5] for CSAT. */
        range: z.tuple([z.number(), z.number()]).nullable(),
        /** The value in its unit (the log undone: ARR in major units of `currency`); null when missing or a category. */
        quantity: z.number().nullable(),
        /** The workspace's currency (ISO 4217), for money. */
        currency: z.string(),
        /** The value with its unit in words, as reasons say it: "45 days", "$12,000", "7.5 on 0–10". */
        text: z.string(),
      }),
    ),
  },
  'churn.crossValidate': {
    input: z.strictObject({
      splits: z.number().int().min(1).max(100).default(20),
      testShare: z.number().gt(0).lt(1).default(0.3),
      seed: z.number().int().default(1),
      lambda: z.number().positive().max(1000).default(1),
    }),
    output: splitEvaluation,
  },
} as const;
