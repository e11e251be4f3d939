// The dashboard's KPI cards as data: which figure, how it reads, what it is compared with, and
// what to say when there is no figure. Pure, so the wording is tested without a browser.

import type { MetricValueDto, Portfolio } from '../../../../shared/contract/metrics';
import { SURVEY_SCALES } from '../../../../shared/contract/surveyResponses';
import { formatInteger } from '../../../../shared/format/format';
import { describeChange, formatInterval, formatMetric, type Better, type Change, type MetricUnit } from '../../../../shared/format/metric';

export type KpiId = 'nps' | 'csat' | 'nsat' | 'ces' | 'firstResponseMedian' | 'backlog' | 'logoChurn' | 'netRevenueRetention' | 'renewalRate' | 'customerEquity';

interface KpiSpec {
  id: KpiId;
  label: string;
  unit: MetricUnit;
  better: Better;
  /** What n counts: "answers", "tickets", "accounts". */
  nUnit: string;
  /** The card's words when nothing in the period could give a figure. */
  empty: string;
  /** The range the figure lives on, where it has one a reader might not know ("scale 0–200"). */
  scale?: string;
  figure(p: Portfolio): MetricValueDto;
  /** The same figure for the previous period: the portfolio's own `previous` where it has one. */
  previous(p: Portfolio, previous: Portfolio | undefined): MetricValueDto | undefined;
}

export const KPI_SPECS: readonly KpiSpec[] = [
  {
    id: 'nps',
    label: 'NPS',
    unit: 'points',
    scale: 'scale −100 to +100',
    better: 'up',
    nUnit: 'answers',
    empty: 'No answers in this period',
    figure: (p) => p.satisfaction.nps,
    previous: (p) => p.previous.nps,
  },
  {
    id: 'csat',
    label: 'CSAT',
    unit: 'percent',
    better: 'up',
    nUnit: 'answers',
    empty: 'No answers in this period',
    figure: (p) => p.satisfaction.csat,
    previous: (p) => p.previous.csat,
  },
  {
    id: 'nsat',
    label: 'NSAT',
    unit: 'index',
    scale: 'scale 0–200',
    better: 'up',
    nUnit: 'answers',
    empty: 'No answers in this period',
    figure: (p) => p.satisfaction.nsat,
    previous: (_p, prev) => prev?.satisfaction.nsat,
  },
  {
    id: 'ces',
    label: 'Customer effort (CES)',
    unit: 'mean',
    // The answers' own scale, from the contract that validates them.
    scale: `mean on ${SURVEY_SCALES.ces.min}–${SURVEY_SCALES.ces.max}`,
    better: 'up',
    nUnit: 'answers',
    empty: 'No answers in this period',
    figure: (p) => p.satisfaction.ces,
    previous: (_p, prev) => prev?.satisfaction.ces,
  },
  {
    id: 'firstResponseMedian',
    label: 'First response (median)',
    unit: 'minutes',
    better: 'down',
    nUnit: 'tickets',
    empty: 'No answered tickets in this period',
    figure: (p) => p.support.firstResponse.median,
    previous: (p) => p.previous.firstResponseMedian,
  },
  {
    id: 'backlog',
    label: 'Open backlog',
    unit: 'count',
    better: 'down',
    nUnit: 'tickets',
    empty: 'No tickets in this period',
    figure: (p) => p.support.backlog,
    previous: (_p, prev) => prev?.support.backlog,
  },
  {
    id: 'logoChurn',
    label: 'Logo churn',
    unit: 'percent',
    better: 'down',
    nUnit: 'accounts',
    empty: 'No customers at the start of this period',
    figure: (p) => p.retention.logoChurn,
    previous: (p) => p.previous.logoChurn,
  },
  {
    id: 'netRevenueRetention',
    label: 'Net revenue retention',
    unit: 'percent',
    better: 'up',
    nUnit: 'accounts',
    empty: 'No recurring revenue at the start of this period',
    figure: (p) => p.retention.netRevenueRetention,
    previous: (p) => p.previous.netRevenueRetention,
  },
  {
    id: 'renewalRate',
    label: 'Renewal rate',
    unit: 'percent',
    better: 'up',
    nUnit: 'renewals due',
    empty: 'No renewals due in this period',
    figure: (p) => p.retention.renewalRate,
    previous: (_p, prev) => prev?.retention.renewalRate,
  },
  {
    id: 'customerEquity',
    label: 'Customer equity',
    unit: 'money',
    better: 'up',
    nUnit: 'accounts',
    empty: 'No current customers with revenue',
    figure: (p) => p.value.customerEquity,
    previous: (_p, prev) => prev?.value.customerEquity,
  },
];

export interface Kpi {
  id: KpiId;
  label: string;
  unit: MetricUnit;
  metric: MetricValueDto;
  /** The figure as shown, or null when there is none. */
  value: string | null;
  /** Why there is no figure: "No answers in this period", "Insufficient data". */
  missing: string | null;
  /** The core's own words for a missing figure, when they add to `missing`. */
  reason?: string;
  /** "95% CI 28 – 36" */
  interval?: string;
  /** "n = 1,204 answers" */
  n: string;
  /** "scale 0–200": the range of a figure that has one. */
  scale?: string;
  change?: Change;
  /** Why the previous period gives no comparison. */
  noChange?: string;
  warning?: string;
  approximate: boolean;
}

export function buildKpi(spec: KpiSpec, portfolio: Portfolio, previous: Portfolio | undefined, locale?: string): Kpi {
  const metric = spec.figure(portfolio);
  const options = { locale, currency: portfolio.value.currency };
  const n = `n = ${formatInteger(metric.n, locale)} ${metric.n === 1 ? spec.nUnit.replace(/s\b/, '') : spec.nUnit}`;
  const kpi: Kpi = {
    id: spec.id,
    label: spec.label,
    unit: spec.unit,
    metric,
    value: null,
    missing: null,
    n,
    approximate: metric.approximate === true,
    ...(spec.scale ? { scale: spec.scale } : {}),
  };
  if (metric.value === null || !Number.isFinite(metric.value)) {
    kpi.missing = metric.n === 0 ? spec.empty : 'Insufficient data';
    // With no observations the card's words say it all; with some, the core's reason says why they do not suffice.
    if (metric.n > 0 && metric.reason) kpi.reason = metric.reason;
    return kpi;
  }
  kpi.value = formatMetric(metric.value, spec.unit, { ...options, compact: true });
  if (metric.low !== undefined && metric.high !== undefined) kpi.interval = `95% CI ${formatInterval(metric.low, metric.high, spec.unit, options)}`;
  if (metric.warning) kpi.warning = metric.warning;
  else if (metric.reason) kpi.warning = metric.reason;
  const before = spec.previous(portfolio, previous);
  if (before === undefined) kpi.noChange = previous === undefined ? undefined : 'No comparison';
  else if (before.value === null || !Number.isFinite(before.value)) kpi.noChange = 'No figure for the previous period';
  else kpi.change = describeChange(metric.value, before.value, spec.unit, spec.better, options);
  return kpi;
}

export function buildKpis(portfolio: Portfolio, previous: Portfolio | undefined, locale?: string): Kpi[] {
  return KPI_SPECS.map((spec) => buildKpi(spec, portfolio, previous, locale));
}
