// What a figure's definition panel says beyond the definition itself: the scope it was computed
// for and the data behind it (the answer distribution, the companion figures).

import type { MetricValueDto, Portfolio } from '../../../../shared/contract/metrics';
import { formatInteger } from '../../../../shared/format/format';
import { humanize, segmentLabel, stageLabel } from '../../lib/labels';
import { formatInterval, formatMetric, type MetricUnit } from '../../../../shared/format/metric';
import { formatIndex, type CustomerValue } from './charts/valueMap';
import { periodLabel } from './filters';
import type { KpiId } from './kpis';

export interface Definition {
  id: string;
  name: string;
  formula: string;
  unit: string;
  source: string;
}

/** The figure's own definition, else the one of the card's id; undefined when the core has neither. */
export function findDefinition(definitions: Definition[] | undefined, ...ids: (string | undefined)[]): Definition | undefined {
  for (const id of ids) {
    const found = id && definitions?.find((d) => d.id === id);
    if (found) return found;
  }
  return undefined;
}

const FILTER_NAMES: Record<string, string> = {
  segment: 'Segment',
  industry: 'Industry',
  region: 'Region',
  owner: 'Owner',
  lifecycleStage: 'Stage',
};

/** "Segment: Enterprise" or "All accounts". */
export function describeFilter(filter: Record<string, string[]>): string {
  const parts = Object.entries(filter)
    .filter(([, values]) => values.length > 0)
    .map(([key, values]) => {
      const label = key === 'segment' ? segmentLabel : key === 'lifecycleStage' ? stageLabel : (v: string) => v;
      return `${FILTER_NAMES[key] ?? humanize(key)}: ${values.map(label).join(', ')}`;
    });
  return parts.length ? parts.join('; ') : 'All accounts';
}

/** "Mar 1, 2025 – Feb 28, 2026, by month" */
export function describePeriod(scope: Portfolio['scope'], locale?: string): string {
  return `${periodLabel(scope, locale)}, by ${scope.granularity}`;
}

export interface DistributionRow {
  label: string;
  count: number;
  /** Colour class: promoter / passive / detractor and the like. */
  tone: 'good' | 'neutral' | 'bad' | 'none';
}

const NSAT_LABELS = ['Very satisfied', 'Somewhat satisfied', 'Somewhat dissatisfied', 'Very dissatisfied', "Don't know", 'Not applicable'];

/** The answers behind a satisfaction figure, one row per possible answer. */
export function distributionRows(kind: 'nps' | 'csat' | 'nsat' | 'ces', counts: number[]): DistributionRow[] {
  switch (kind) {
    case 'nps':
      return counts.map((count, score) => ({ label: String(score), count, tone: score >= 9 ? 'good' : score >= 7 ? 'neutral' : 'bad' }));
    case 'csat':
      return counts.map((count, i) => ({ label: String(i + 1), count, tone: i >= 3 ? 'good' : i === 2 ? 'neutral' : 'bad' }));
    case 'ces':
      return counts.map((count, i) => ({ label: String(i + 1), count, tone: i >= 4 ? 'good' : i === 3 ? 'neutral' : 'bad' }));
    case 'nsat':
      return counts.map((count, i) => ({ label: NSAT_LABELS[i] ?? String(i + 1), count, tone: i === 0 ? 'good' : i === 1 ? 'neutral' : i <= 3 ? 'bad' : 'none' }));
  }
}

export interface Behind {
  /** Companion figures: "p90 first response 6.2 hr", "Logo retention 94%". */
  figures: { label: string; value: string; note?: string }[];
  distribution?: { kind: 'nps' | 'csat' | 'nsat' | 'ces'; caption: string; rows: DistributionRow[] };
}

function figure(label: string, metric: MetricValueDto, unit: MetricUnit, locale?: string, currency?: string) {
  if (metric.value === null) return { label, value: '—', note: metric.reason ?? 'no figure' };
  const interval = metric.low !== undefined && metric.high !== undefined ? ` (95% CI ${formatInterval(metric.low, metric.high, unit, { locale, currency })})` : '';
  return {
    label,
    value: `${formatMetric(metric.value, unit, { locale, currency })}${interval}`,
    note: `n = ${formatInteger(metric.n, locale)}${metric.approximate ? ', approximate' : ''}${metric.warning ? ` · ${metric.warning}` : ''}`,
  };
}

const CAPTIONS = {
  nps: 'Answers 0-10: detractors 0-6, passives 7-8, promoters 9-10',
  csat: 'Answers 1-5: satisfied 4-5',
  nsat: 'Answers; "don\'t know" and n/a are outside the base',
  ces: 'Answers 1-7: easy 5-7',
} as const;

/** The data a card rests on, for its definition panel. */
export function behindKpi(id: KpiId, p: Portfolio, locale?: string): Behind {
  const currency = p.value.currency;
  switch (id) {
    case 'nps':
    case 'csat':
    case 'nsat':
    case 'ces': {
      const metric = p.satisfaction[id];
      const figures =
        id === 'nps'
          ? (() => {
              const d = metric.distribution;
              const total = d.reduce((a, b) => a + b, 0);
              const sum = (from: number, to: number) => d.slice(from, to + 1).reduce((a, b) => a + b, 0);
              const share = (x: number) => (total ? ` (${formatMetric((x / total) * 100, 'percent', { locale })})` : '');
              return [
                { label: 'Promoters (9-10)', value: `${formatInteger(sum(9, 10), locale)}${share(sum(9, 10))}` },
                { label: 'Passives (7-8)', value: `${formatInteger(sum(7, 8), locale)}${share(sum(7, 8))}` },
                { label: 'Detractors (0-6)', value: `${formatInteger(sum(0, 6), locale)}${share(sum(0, 6))}` },
              ];
            })()
          : [];
      return { figures, distribution: { kind: id, caption: CAPTIONS[id], rows: distributionRows(id, metric.distribution) } };
    }
    case 'firstResponseMedian':
      return {
        figures: [
          figure('Median first response', p.support.firstResponse.median, 'minutes', locale),
          figure('p90 first response', p.support.firstResponse.p90, 'minutes', locale),
          figure('Median resolution', p.support.resolution.median, 'minutes', locale),
          figure('p90 resolution', p.support.resolution.p90, 'minutes', locale),
          { label: 'Quantile method', value: p.support.quantileMethod },
        ],
      };
    case 'backlog':
      return { figures: [figure('Open at period end', p.support.backlog, 'count', locale), figure('Tickets opened in the period', p.support.volume, 'count', locale)] };
    case 'logoChurn':
    case 'netRevenueRetention':
    case 'renewalRate':
      return {
        figures: [
          figure('Logo churn', p.retention.logoChurn, 'percent', locale),
          figure('Logo retention', p.retention.logoRetention, 'percent', locale),
          figure('Gross revenue retention', p.retention.grossRevenueRetention, 'percent', locale),
          figure('Net revenue retention', p.retention.netRevenueRetention, 'percent', locale),
          figure('Renewal rate', p.retention.renewalRate, 'percent', locale),
          figure('Median tenure (months)', p.retention.tenureMonths, 'mean', locale),
        ],
      };
    case 'customerEquity':
      return {
        figures: [
          figure('Customer equity', p.value.customerEquity, 'money', locale, currency),
          figure('Median customer lifetime value', p.value.clvMedian, 'money', locale, currency),
          figure('Return on customer', p.value.returnOnCustomer, 'percent', locale),
          ...cohortClvRows(p, locale),
        ],
      };
  }
}

/** The cohort-form CLV of each start-year cohort, for the customer equity panel. */
export function cohortClvRows(p: Portfolio, locale?: string): Behind['figures'] {
  const currency = p.value.currency;
  return (p.value.clvCohorts ?? []).map((row) => {
    const label = `CLV, ${row.cohort} cohort (cohort form)`;
    if (row.clv.value === null) return { label, value: '—', note: `n = ${formatInteger(row.size, locale)} accounts · ${row.clv.reason ?? 'no figure'}` };
    const survival = row.survival.map((s) => formatMetric(s * 100, 'percent', { locale })).join(', ');
    return {
      label,
      value: formatMetric(row.clv.value, 'money', { locale, currency }),
      note: `n = ${formatInteger(row.size, locale)} accounts · T = ${row.years} year${row.years === 1 ? '' : 's'} observed · survival ${survival}`,
    };
  });
}

/** The value map's figures and each attribute's part in them, for its definition panel. */
export function behindValueMap(cv: CustomerValue, locale?: string): Behind {
  const index = (label: string, m: MetricValueDto, note?: string) =>
    m.value === null
      ? { label, value: '—', note: m.reason ?? 'no figure' }
      : { label, value: formatIndex(m.value, locale), note: [note, m.warning].filter(Boolean).join(' · ') || undefined };
  const parts = (kind: string, list: CustomerValue['relativeQuality']['contributions']) =>
    list.map((c) => ({
      label: `${kind}: ${c.name} (weight ${formatInteger(c.weight, locale)})`,
      value: `${c.ratio.toLocaleString(locale, { maximumFractionDigits: 4 })} → ${formatIndex(c.contribution, locale)}`,
      note: `ours ${c.ours.toLocaleString(locale)} vs ${c.theirs.toLocaleString(locale)}`,
    }));
  return {
    figures: [
      index('Relative quality', cv.relativeQuality, `n = ${cv.relativeQuality.n} attributes`),
      index('Price satisfaction', cv.priceSatisfaction, `n = ${cv.priceSatisfaction.n} attributes`),
      index('Relative price', cv.relativePrice, '100 × 100 ÷ price satisfaction'),
      index('Value advantage', cv.valueAdvantage, cv.position ?? undefined),
      { label: 'Rounding rule', value: cv.roundingLabel },
      ...parts('Quality', cv.relativeQuality.contributions),
      ...parts('Price', cv.priceSatisfaction.contributions),
    ],
  };
}
