import type { ChartOption } from '../../../components/chartTypes';
import { formatInteger } from '../../../../../shared/format/format';
import { formatPercentValue } from '../../../../../shared/format/metric';
import { axisLabel, axisLine, base, escapeHtml, grid, legend, PALETTE, splitLine, tooltip } from './theme';

export interface CohortRow {
  cohort: string;
  size: number;
  retention: (number | null)[];
}

/** The cohorts drawn: the most recent `limit` that have accounts, oldest first. */
export function visibleCohorts(rows: CohortRow[], limit = 8): CohortRow[] {
  return rows
    .filter((r) => r.size > 0 && r.retention.some((v) => v !== null))
    .sort((a, b) => a.cohort.localeCompare(b.cohort))
    .slice(-limit);
}

/** "2025-Q1", "2025Q1", "2025-01" -> "Q1 2025" */
export function cohortName(cohort: string): string {
  const q = /^(\d{4})-?Q([1-4])$/i.exec(cohort);
  if (q) return `Q${q[2]} ${q[1]}`;
  const m = /^(\d{4})-(\d{2})/.exec(cohort);
  if (m) return `Q${Math.floor((Number(m[2]) - 1) / 3) + 1} ${m[1]}`;
  return cohort;
}

/**
 * Retention curves by start quarter: for each cohort the share of its accounts still customers
 * 0, 1, 2, … quarters after they started (100 % at 0). Quarters a cohort has not reached yet are
 * left out, not drawn as 0.
 */
export function cohortsOption(input: CohortRow[], locale?: string): ChartOption {
  const rows = visibleCohorts(input);
  const length = Math.max(1, ...rows.map((r) => r.retention.length));
  const quarters = Array.from({ length }, (_, i) => (i === 0 ? 'Start' : `+${i}Q`));
  return {
    ...base,
    color: PALETTE,
    grid: grid({ top: rows.length > 5 ? 56 : 36 }),
    legend: { ...legend(rows.map((r) => cohortName(r.cohort))), type: 'plain', itemGap: 8 },
    tooltip: {
      ...tooltip,
      trigger: 'axis',
      formatter: (params: unknown) => {
        const list = params as { dataIndex: number; seriesIndex: number; marker: string; value: unknown }[];
        const index = list[0]?.dataIndex ?? 0;
        const head = `<strong>${index === 0 ? 'At the start' : `${index} quarter${index === 1 ? '' : 's'} after the start`}</strong>`;
        const lines = list
          .filter((p) => typeof p.value === 'number')
          .map((p) => {
            const row = rows[p.seriesIndex]!;
            return `${p.marker}${escapeHtml(cohortName(row.cohort))}: ${formatPercentValue(p.value as number, locale)} of ${formatInteger(row.size, locale)}`;
          });
        return [head, ...lines].join('<br/>');
      },
    },
    xAxis: { type: 'category', data: quarters, boundaryGap: false, axisLine, axisLabel, axisTick: { show: false } },
    yAxis: {
      type: 'value',
      max: 100,
      min: (e: { min: number }) => Math.max(0, Math.floor(e.min / 10) * 10 - 10),
      axisLabel: { ...axisLabel, formatter: (v: number) => formatPercentValue(v, locale, 0) },
      splitLine,
    },
    series: rows.map((row) => ({
      name: cohortName(row.cohort),
      type: 'line' as const,
      data: row.retention.map((v) => (v === null ? '-' : Math.round(v * 10) / 10)),
      symbolSize: 5,
      connectNulls: false,
      lineStyle: { width: 1.8 },
      emphasis: { focus: 'series' as const },
    })),
  };
}
