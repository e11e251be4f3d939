import { formatInteger } from '../../../../shared/format/format';
import type { PortfolioData, TrendPoints } from './cardState';
import { behindKpi, behindValueMap, describeFilter, describePeriod, findDefinition, type Definition } from './definition';
import type { DefinitionPanelProps } from './DefinitionPanel';
import { buildKpis, type KpiId } from './kpis';

export type ChartId = 'npsTrend' | 'csatByChannel' | 'supportTimes' | 'topics' | 'cohorts' | 'health' | 'valueMap';
/** The KPI or chart whose definition panel is open. */
export type Panel = { kind: 'kpi'; id: KpiId } | { kind: 'chart'; id: ChartId };

const CHART_DEFINITIONS: Record<ChartId, { title: string; ids: string[]; note?: string }> = {
  npsTrend: { title: 'NPS trend', ids: ['nps'] },
  csatByChannel: { title: 'CSAT by channel', ids: ['ticketCsat'], note: 'CSAT of the answers about tickets handled through each channel.' },
  supportTimes: {
    title: 'Support times against SLA',
    ids: ['firstResponse', 'resolution', 'slaAttainment'],
    note: 'Median time per period; the dashed lines are the SLA targets per priority from Settings.',
  },
  topics: {
    title: 'Top ticket topics',
    ids: [],
    note: 'Tickets per topic, most first (a Pareto chart): the bars count tickets, the line is the cumulative share of all tickets in the period.',
  },
  cohorts: { title: 'Retention by start cohort', ids: ['logoRetention', 'nrr', 'grr'] },
  health: { title: 'Health distribution', ids: ['health'], note: 'Accounts by the band of their latest health snapshot.' },
  valueMap: {
    title: 'Customer value map',
    ids: ['valueMap', 'valueAdvantage'],
    note: 'From the value-map survey in Settings (one for the workspace: it does not follow the period or the filter). Above the fair-value line is better value.',
  },
};

/** What the definition panel shows for a KPI or a chart: its definitions, n, period and filter, and what is behind the figure. */
export function panelProps(
  panel: Panel,
  p: PortfolioData,
  previous: PortfolioData | undefined,
  npsPoints: TrendPoints | undefined,
  definitions: Definition[] | undefined,
): Omit<DefinitionPanelProps, 'onClose'> {
  const common = { period: describePeriod(p.scope), filter: describeFilter(p.scope.filter) };
  if (panel.kind === 'kpi') {
    const kpi = buildKpis(p, previous).find((k) => k.id === panel.id)!;
    const definition = findDefinition(definitions, kpi.metric.definition, kpi.id);
    return {
      ...common,
      title: kpi.label,
      headline: kpi.value === null ? kpi.missing : `${kpi.value}${kpi.interval ? ` (${kpi.interval})` : ''}`,
      definitions: definition ? [definition] : [],
      missingDefinition: definition ? undefined : `The core has no definition recorded for "${kpi.metric.definition}".`,
      n: kpi.n,
      approximate: kpi.approximate,
      warning: kpi.warning,
      reason: kpi.value === null ? (kpi.reason ?? kpi.metric.reason ?? kpi.missing ?? undefined) : undefined,
      change: kpi.change ? `${kpi.change.text}: ${kpi.change.description}` : kpi.noChange,
      behind: behindKpi(kpi.id, p),
    };
  }
  const spec = CHART_DEFINITIONS[panel.id];
  const found = spec.ids.map((id) => findDefinition(definitions, id)).filter((d): d is Definition => d !== undefined);
  let n: string | undefined;
  switch (panel.id) {
    case 'npsTrend':
      n = npsPoints ? `n = ${formatInteger(npsPoints.reduce((sum, pt) => sum + pt.value.n, 0))} answers over ${npsPoints.length} periods` : undefined;
      break;
    case 'csatByChannel':
      n = `n = ${formatInteger(p.support.byChannel.reduce((sum, r) => sum + r.csat.n, 0))} answers`;
      break;
    case 'supportTimes':
    case 'topics':
      n = `n = ${formatInteger(p.support.volume.value ?? p.support.volume.n)} tickets`;
      break;
    case 'cohorts':
      n = `n = ${formatInteger(p.retention.cohorts.reduce((sum, c) => sum + c.size, 0))} accounts in ${p.retention.cohorts.length} cohorts`;
      break;
    case 'health':
      n = `n = ${formatInteger(Object.values(p.health.bands).reduce((a, b) => a + b, 0))} accounts`;
      break;
    case 'valueMap': {
      const cv = p.value.customerValue;
      n = cv ? `n = ${cv.relativeQuality.n} quality and ${cv.priceSatisfaction.n} price attributes against ${cv.competitor || 'no competitor yet'}` : undefined;
      break;
    }
  }
  return {
    ...common,
    title: spec.title,
    headline: spec.note,
    definitions: found,
    n,
    approximate: panel.id === 'supportTimes' && (p.support.firstResponse.median.approximate || p.support.resolution.median.approximate),
    warning:
      panel.id === 'valueMap'
        ? [p.value.customerValue?.relativeQuality.warning, p.value.customerValue?.priceSatisfaction.warning].filter(Boolean).join('; ') || undefined
        : undefined,
    behind:
      panel.id === 'supportTimes'
        ? behindKpi('firstResponseMedian', p)
        : panel.id === 'cohorts'
          ? behindKpi('netRevenueRetention', p)
          : panel.id === 'valueMap' && p.value.customerValue
            ? behindValueMap(p.value.customerValue)
            : undefined,
  };
}
