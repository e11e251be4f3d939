import { z } from 'zod';
import { archivable, calendarDate, id, idInput, listInput, oneOrMany, pageOf, stamps, text, writable } from './common';
import { metricValue } from './metrics';
import { refineWith } from './refine';

/** The KPIs a goal can be set on, each read from `metrics.portfolio`. */
export const GOAL_KPIS = ['nps', 'csat', 'nsat', 'first_response_median', 'renewal_rate', 'nrr', 'grr', 'logo_churn'] as const;
export const goalKpi = z.enum(GOAL_KPIS);
export type GoalKpi = z.infer<typeof goalKpi>;

/** The KPIs' names, with their unit, as the screens and the core's messages say them. */
export const GOAL_KPI_LABELS: Record<GoalKpi, string> = {
  nps: 'NPS',
  csat: 'CSAT (%)',
  nsat: 'NSAT',
  // Minutes, as the dashboard's firstResponse figure counts them (metrics/definitions.ts).
  first_response_median: 'First response, median (minutes)',
  renewal_rate: 'Renewal rate (%)',
  nrr: 'Net revenue retention (%)',
  grr: 'Gross revenue retention (%)',
  logo_churn: 'Logo churn (%)',
};

/** A target for one KPI over a period [periodStart, periodEnd), for every account or one segment or owner. */
export const goal = z.object({
  id,
  kpi: goalKpi,
  periodStart: calendarDate,
  /** Exclusive, like the metrics channels' `to`. */
  periodEnd: calendarDate,
  segment: text(50).nullable(),
  owner: text(100).nullable(),
  target: z.number().finite(),
  note: text(1000).nullable(),
  ...stamps,
  ...archivable,
});
export type Goal = z.infer<typeof goal>;

export function goalPeriodIssues(value: { periodStart?: string; periodEnd?: string }) {
  return value.periodStart && value.periodEnd && value.periodEnd <= value.periodStart ? [{ path: 'periodEnd', message: 'must be after periodStart (it is exclusive)' }] : [];
}

const goalInput = writable(goal, ['kpi', 'periodStart', 'periodEnd', 'target']);

export const GOAL_STATUSES = ['met', 'missed', 'not_yet_clear', 'no_data'] as const;

export const goalStanding = z.object({
  goal,
  /** The KPI's figure for the goal's period and scope, as `metrics.portfolio` gives it. */
  figure: metricValue,
  /** Higher is better (NPS, CSAT, …) or lower (first response, logo churn). */
  direction: z.enum(['higher', 'lower']),
  /** Met or missed only when the whole interval is on one side of the target; otherwise not yet clear. */
  status: z.enum(GOAL_STATUSES),
  /**
   * Where the bounds come from: the figure's own interval, a Wilson interval on its count, NPS's normal
   * approximation on the answer counts (NSAT, whose dashboard figure brings none), or none (a census figure, exact).
   */
  interval: z.object({ low: z.number(), high: z.number(), kind: z.enum(['metric', 'wilson', 'exact', 'sketch']) }).nullable(),
  explanation: z.string(),
});
export type GoalStanding = z.infer<typeof goalStanding>;

/** `YYYY-Qn`: the calendar quarter. */
export const quarter = z.string().regex(/^\d{4}-Q[1-4]$/, 'must be a quarter as YYYY-Qn, e.g. 2026-Q4');

export const goalsContract = {
  'goals.list': {
    input: listInput(['kpi', 'periodStart', 'createdAt'], z.object({ kpi: oneOrMany(goalKpi), segment: oneOrMany(z.string()), owner: oneOrMany(z.string()) })),
    output: pageOf(goal),
  },
  'goals.get': { input: idInput, output: goal },
  'goals.create': { input: goalInput.create.superRefine(refineWith(goalPeriodIssues)), output: goal },
  'goals.update': { input: goalInput.update.superRefine(refineWith(goalPeriodIssues)), output: goal },
  'goals.archive': { input: idInput, output: goal },
  /** Undoes an archive (the screen's Undo); refused when an open goal now holds the same KPI, period and scope. */
  'goals.restore': { input: idInput, output: goal },
  /** Every goal whose period overlaps the quarter (default: today's), each against its figure. */
  'goals.standing': {
    input: z.strictObject({ quarter: quarter.optional() }),
    output: z.object({ quarter: z.string(), from: z.string(), to: z.string(), rows: z.array(goalStanding) }),
  },
} as const;
