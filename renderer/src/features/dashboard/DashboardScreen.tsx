import { useMemo, useRef, useState } from 'react';
import { TICKET_PRIORITIES } from '../../../../shared/contract/tickets';
import { METRIC_DOMAINS } from '../../api/metrics';
import { useQuery } from '../../api/useQuery';
import { ChartCard } from '../../components/ChartCard';
import { EChart } from '../../components/EChart';
import { formatInteger } from '../../lib/format';
import { humanize, segmentLabel } from '../../lib/labels';
import { formatHours, formatMetric } from '../../lib/metricFormat';
import { session } from '../../lib/storage';
import { useStoredState } from '../../lib/useStoredState';
import { AtRiskTable } from './AtRiskTable';
import { cohortsOption, visibleCohorts } from './charts/cohorts';
import { csatByChannelOption, channelRows } from './charts/csatByChannel';
import { healthDistributionOption } from './charts/healthDistribution';
import { npsTrendOption, npsTrendSummary } from './charts/npsTrend';
import { supportTimesOption, type SupportMeasure } from './charts/supportTimes';
import { topicsOption, TOP_TOPICS } from './charts/topics';
import { valueMapOption, valueMapSummary } from './charts/valueMap';
import { DashboardExport } from './DashboardExport';
import { DashboardFilters } from './DashboardFilters';
import { behindKpi, behindValueMap, describeFilter, describePeriod, findDefinition, type Definition } from './definition';
import { DefinitionPanel, type DefinitionPanelProps } from './DefinitionPanel';
import { periodLabel, previousPeriod, resolvePeriod, restoreFilters, STORAGE_KEY, toQuery, type DashboardFilters as Filters, type Period } from './filters';
import { KpiCard } from './KpiCard';
import { buildKpis, KPI_SPECS, type KpiId } from './kpis';

type ChartId = 'npsTrend' | 'csatByChannel' | 'supportTimes' | 'topics' | 'cohorts' | 'health' | 'valueMap';
type Panel = { kind: 'kpi'; id: KpiId } | { kind: 'chart'; id: ChartId };

const CHART_DEFINITIONS: Record<ChartId, { title: string; ids: string[]; note?: string }> = {
  npsTrend: { title: 'NPS trend', ids: ['nps'] },
  csatByChannel: { title: 'CSAT by channel', ids: ['ticketCsat'], note: 'CSAT of the answers about tickets handled through each channel.' },
  supportTimes: { title: 'Support times against SLA', ids: ['firstResponse', 'resolution', 'slaAttainment'], note: 'Median time per period; the dashed lines are the SLA targets per priority from Settings.' },
  topics: { title: 'Top ticket topics', ids: [], note: 'Tickets per topic, most first (a Pareto chart): the bars count tickets, the line is the cumulative share of all tickets in the period.' },
  cohorts: { title: 'Retention by start cohort', ids: ['logoRetention', 'nrr', 'grr'] },
  health: { title: 'Health distribution', ids: ['health'], note: 'Accounts by the band of their latest health snapshot.' },
  valueMap: {
    title: 'Customer value map',
    ids: ['valueMap', 'valueAdvantage'],
    note: 'From the value-map survey in Settings (one for the workspace: it does not follow the period or the filter). Above the fair-value line is better value.',
  },
};

const MEASURE_KEY = 'fulcrum.dashboard.supportMeasure';

export function DashboardScreen() {
  const today = useMemo(() => new Date(), []);
  const [filters, setFilters] = useStoredState<Filters>(session(), STORAGE_KEY, (stored) => restoreFilters(stored, today));
  const [measure, setMeasure] = useStoredState<SupportMeasure>(session(), MEASURE_KEY, (stored) => (stored === 'resolution' ? 'resolution' : 'firstResponse'));
  const [panel, setPanel] = useState<Panel>();

  // A custom period being typed (to before from) keeps the last good one on screen.
  const resolved = resolvePeriod(filters, today);
  const lastGood = useRef<Period>(undefined);
  if (resolved.ok) lastGood.current = resolved.period;
  const fallback = resolvePeriod({ ...filters, preset: 'last12' }, today);
  const period = resolved.ok ? resolved.period : (lastGood.current ?? (fallback.ok ? fallback.period : undefined)!);
  const query = toQuery(period, filters.segment);

  const portfolio = useQuery('metrics.portfolio', query, METRIC_DOMAINS);
  const previous = useQuery('metrics.portfolio', toQuery(previousPeriod(period), filters.segment), METRIC_DOMAINS);
  const npsTrend = useQuery('metrics.trend', { ...query, metric: 'nps' }, METRIC_DOMAINS);
  const supportTrend = useQuery('metrics.trend', { ...query, metric: measure === 'firstResponse' ? 'firstResponseMedian' : 'resolutionMedian' }, METRIC_DOMAINS);
  const settings = useQuery('settings.get', {}, ['settings']);
  const definitions = useQuery('metrics.definitions', {});
  const facets = useQuery('accounts.facets', {}, ['accounts']);

  const p = portfolio.data;
  const kpis = useMemo(() => (p ? buildKpis(p, previous.data) : undefined), [p, previous.data]);
  const npsOption = useMemo(() => (npsTrend.data ? npsTrendOption(npsTrend.data.points) : undefined), [npsTrend.data]);
  const csatOption = useMemo(() => (p ? csatByChannelOption(p.support.byChannel) : undefined), [p]);
  const supportOption = useMemo(
    () => (supportTrend.data ? supportTimesOption(measure, supportTrend.data.points, settings.data?.slaTargets ?? {}) : undefined),
    [supportTrend.data, settings.data, measure],
  );
  const topicOption = useMemo(() => (p ? topicsOption(p.support.topics) : undefined), [p]);
  const cohortOption = useMemo(() => (p ? cohortsOption(p.retention.cohorts) : undefined), [p]);
  const healthOption = useMemo(() => (p ? healthDistributionOption(p.health.bands) : undefined), [p]);
  const customerValue = p?.value.customerValue;
  const valueOption = useMemo(() => (customerValue ? valueMapOption(customerValue) : undefined), [customerValue]);

  const change = (patch: Partial<Filters>) => setFilters((current) => ({ ...current, ...patch }));
  const firstLoad = (state: { data?: unknown; loading: boolean }) => state.loading && state.data === undefined;
  const errorOf = (state: { error?: { message: string } }) => state.error?.message;
  const bandsTotal = p ? Object.values(p.health.bands).reduce((a, b) => a + b, 0) : 0;

  return (
    <section className="screen dashboard" data-testid="dashboard" aria-labelledby="dashboard-title" aria-busy={portfolio.loading}>
      <header className="screen-header">
        <div>
          <h1 id="dashboard-title">Dashboard</h1>
          <p className="subtitle" data-testid="dashboard-scope">
            {p ? `${formatInteger(p.accounts)} accounts · ` : ''}
            {periodLabel(p?.scope ?? period)} · {filters.segment ? segmentLabel(filters.segment) : 'All segments'}
            {p && (p.scope.from.slice(0, 10) !== period.from || p.scope.to.slice(0, 10) !== period.to) && (
              <span className="scope-note" data-testid="scope-rounded" title={`You chose ${periodLabel(period)}.`}>
                {' '}
                · figures cover whole {p.scope.granularity === 'quarter' ? 'quarters' : 'months'}
              </span>
            )}
          </p>
        </div>
        <DashboardExport query={query} disabled={!p} />
      </header>
      <DashboardFilters
        filters={filters}
        segments={facets.data?.segments ?? []}
        error={resolved.ok ? undefined : resolved.message}
        busy={portfolio.loading && p !== undefined}
        onChange={change}
      />
      {portfolio.error && (
        <div className="form-error error-banner" role="alert" data-testid="dashboard-error">
          <span>The dashboard could not be computed: {portfolio.error.message}</span>
          <button type="button" className="button small" onClick={portfolio.reload}>
            Try again
          </button>
        </div>
      )}
      {p && p.accounts === 0 && (
        <div className="banner" role="status" data-testid="dashboard-no-accounts">
          <span>No accounts match this selection{filters.segment ? ` in ${segmentLabel(filters.segment)}` : ''}, so there is nothing to measure yet.</span>
          <a className="button small" href="#/accounts">
            Go to accounts
          </a>
        </div>
      )}

      <div className={`kpi-grid${portfolio.loading && p ? ' stale' : ''}`} data-testid="kpi-grid">
        {kpis
          ? kpis.map((kpi) => <KpiCard key={kpi.id} kpi={kpi} onOpen={() => setPanel({ kind: 'kpi', id: kpi.id })} />)
          : KPI_SPECS.map((spec) => (
              <article key={spec.id} className="kpi-card placeholder" data-testid={`kpi-${spec.id}`} aria-busy="true">
                <header className="kpi-header">
                  <h3>{spec.label}</h3>
                </header>
                <div className="kpi-value">
                  <span className="skeleton" />
                </div>
              </article>
            ))}
      </div>

      <div className={`dashboard-grid${portfolio.loading && p ? ' stale' : ''}`}>
        <ChartCard
          title="NPS trend"
          subtitle="with its 95% interval"
          testId="chart-nps-trend"
          state={{
            error: errorOf(npsTrend),
            loading: firstLoad(npsTrend),
            empty: npsTrend.data && npsTrend.data.points.every((pt) => pt.value.value === null) && 'No NPS answers in this period.',
          }}
          onHelp={() => setPanel({ kind: 'chart', id: 'npsTrend' })}
        >
          {npsOption && npsTrend.data && <EChart option={npsOption} height={260} label={npsTrendSummary(npsTrend.data.points)} />}
        </ChartCard>

        <ChartCard
          title="CSAT by channel"
          subtitle="share satisfied (4-5), n answers"
          testId="chart-csat-channel"
          state={{ error: errorOf(portfolio), loading: firstLoad(portfolio), empty: p && channelRows(p.support.byChannel).length === 0 && 'No tickets or answers in this period.' }}
          onHelp={() => setPanel({ kind: 'chart', id: 'csatByChannel' })}
        >
          {csatOption && p && (
            <EChart
              option={csatOption}
              height={Math.max(160, channelRows(p.support.byChannel).length * 34 + 30)}
              label={`CSAT by channel: ${channelRows(p.support.byChannel)
                .map((r) => `${r.channel} ${r.csat.value === null ? 'no answers' : formatMetric(r.csat.value, 'percent')}`)
                .join(', ')}`}
            />
          )}
        </ChartCard>

        <ChartCard
          title="Support times against SLA"
          subtitle={measure === 'firstResponse' ? 'median first response per period' : 'median resolution per period'}
          testId="chart-support-times"
          state={{
            error: errorOf(supportTrend),
            loading: firstLoad(supportTrend),
            empty: supportTrend.data && supportTrend.data.points.every((pt) => pt.value.value === null) && 'No answered tickets in this period.',
          }}
          onHelp={() => setPanel({ kind: 'chart', id: 'supportTimes' })}
          actions={
            <div className="toggle" role="group" aria-label="Which time">
              {(['firstResponse', 'resolution'] as const).map((m) => (
                <button key={m} type="button" className={measure === m ? 'on' : ''} aria-pressed={measure === m} onClick={() => setMeasure(m)} data-testid={`support-measure-${m}`}>
                  {m === 'firstResponse' ? 'First response' : 'Resolution'}
                </button>
              ))}
            </div>
          }
          footer={
            p && p.support.sla.length > 0 ? (
              <ul className="sla-list" data-testid="sla-attainment" aria-label="SLA attainment per priority">
                {[...p.support.sla]
                  .sort((a, b) => TICKET_PRIORITIES.indexOf(b.priority) - TICKET_PRIORITIES.indexOf(a.priority))
                  .map((s) => {
                    const resolution = measure === 'resolution';
                    const attainment = resolution ? s.resolutionAttainment : s.attainment;
                    const target = resolution ? s.resolutionTargetHours : s.targetHours;
                    return (
                      <li key={s.priority} title={attainment && attainment.value !== null ? `n = ${formatInteger(attainment.n)} tickets${attainment.approximate ? ', approximate' : ''}` : attainment?.reason}>
                        <span className={`prio prio-${s.priority}`}>{humanize(s.priority)}</span>
                        <strong>{!attainment || attainment.value === null ? '—' : formatMetric(attainment.value, 'percent')}</strong>
                        <span className="muted small">{target === undefined ? 'no target' : `within ${formatHours(target)}`}</span>
                      </li>
                    );
                  })}
              </ul>
            ) : undefined
          }
        >
          {supportOption && <EChart option={supportOption} height={260} label={`${measure === 'firstResponse' ? 'First response' : 'Resolution'} time per period against the SLA target of each priority.`} />}
        </ChartCard>

        <ChartCard
          title="Top ticket topics"
          subtitle={`Pareto of the top ${TOP_TOPICS}`}
          testId="chart-topics"
          state={{ error: errorOf(portfolio), loading: firstLoad(portfolio), empty: p && p.support.topics.length === 0 && 'No tickets with a topic in this period.' }}
          onHelp={() => setPanel({ kind: 'chart', id: 'topics' })}
        >
          {topicOption && p && (
            <EChart option={topicOption} height={280} label={`Top ticket topics: ${p.support.topics.slice(0, 5).map((t) => `${t.topic} ${t.count}`).join(', ')}`} />
          )}
        </ChartCard>

        <ChartCard
          title="Retention by start cohort"
          subtitle={
            p ? (
              <span data-testid="cohort-figures">
                NRR {p.retention.netRevenueRetention.value === null ? '—' : formatMetric(p.retention.netRevenueRetention.value, 'percent')} · GRR{' '}
                {p.retention.grossRevenueRetention.value === null ? '—' : formatMetric(p.retention.grossRevenueRetention.value, 'percent')}
              </span>
            ) : undefined
          }
          testId="chart-cohorts"
          state={{ error: errorOf(portfolio), loading: firstLoad(portfolio), empty: p && visibleCohorts(p.retention.cohorts).length === 0 && 'No customer cohorts in this selection.' }}
          onHelp={() => setPanel({ kind: 'chart', id: 'cohorts' })}
        >
          {cohortOption && <EChart option={cohortOption} height={280} label="Share of each start quarter's accounts still customers, quarter by quarter." />}
        </ChartCard>

        <ChartCard
          title="Health distribution"
          subtitle={p ? `${formatInteger(bandsTotal)} accounts by band` : undefined}
          testId="chart-health"
          state={{ error: errorOf(portfolio), loading: firstLoad(portfolio), empty: p && bandsTotal === 0 && 'No accounts in this selection.' }}
          onHelp={() => setPanel({ kind: 'chart', id: 'health' })}
        >
          {healthOption && p && (
            <EChart
              option={healthOption}
              height={280}
              label={`Health: ${p.health.bands.red} red, ${p.health.bands.amber} amber, ${p.health.bands.green} green, ${p.health.bands.insufficient} with insufficient data.`}
            />
          )}
        </ChartCard>

        <ChartCard
          title="Customer value map"
          subtitle={customerValue?.competitor ? `against ${customerValue.competitor}` : 'relative quality against relative price'}
          testId="chart-value-map"
          state={{
            error: errorOf(portfolio),
            loading: firstLoad(portfolio),
            empty: p && !valueOption && `${customerValue ? valueMapSummary(customerValue) : 'No value-map survey'}.`,
          }}
          onHelp={() => setPanel({ kind: 'chart', id: 'valueMap' })}
          footer={
            customerValue && valueOption ? (
              <p className="small" data-testid="value-map-summary">
                {valueMapSummary(customerValue)}
              </p>
            ) : undefined
          }
        >
          {valueOption && customerValue && <EChart option={valueOption} height={280} label={`Customer value map: ${valueMapSummary(customerValue)}`} />}
        </ChartCard>

        <ChartCard
          title="Accounts at risk"
          subtitle="lowest health first, with the reasons that moved the score"
          testId="at-risk"
          wide
          state={{ error: errorOf(portfolio), loading: firstLoad(portfolio) }}
        >
          {p && <AtRiskTable rows={p.health.atRisk} currency={p.value.currency} loading={portfolio.loading} />}
        </ChartCard>
      </div>

      {panel && p && (
        <DefinitionPanel {...panelProps(panel, p, previous.data, npsTrend.data?.points, definitions.data)} onClose={() => setPanel(undefined)} />
      )}
    </section>
  );
}

type PortfolioData = NonNullable<ReturnType<typeof useQuery<'metrics.portfolio'>>['data']>;
type TrendPoints = NonNullable<ReturnType<typeof useQuery<'metrics.trend'>>['data']>['points'];

function panelProps(
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
    warning: panel.id === 'valueMap' ? [p.value.customerValue?.relativeQuality.warning, p.value.customerValue?.priceSatisfaction.warning].filter(Boolean).join('; ') || undefined : undefined,
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
