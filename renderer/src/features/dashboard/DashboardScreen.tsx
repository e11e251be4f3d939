// Named dashboard/ though it speaks metrics.*: it keeps the name of the screen users know; see docs/architecture.md (Names that differ).
import { useMemo, useRef, useState } from 'react';
import { METRIC_DOMAINS } from '../../api/metrics';
import { useQuery } from '../../api/useQuery';
import { ChartCard } from '../../components/ChartCard';
import { session } from '../../lib/storage';
import { useStoredState } from '../../lib/useStoredState';
import { AtRiskTable } from './AtRiskTable';
import { errorOf, firstLoad } from './cardState';
import { CustomerCharts } from './CustomerCharts';
import { DashboardFilters } from './DashboardFilters';
import { DashboardHeader } from './DashboardHeader';
import { DashboardNotices } from './DashboardNotices';
import { DefinitionPanel } from './DefinitionPanel';
import { ownerKeys } from '../../../../shared/contract/identity';
import { myOwners, previousPeriod, resolvePeriod, restoreFilters, STORAGE_KEY, toQuery, toScope, type DashboardFilters as Filters, type Period } from './filters';
import { KpiGrid } from './KpiGrid';
import { buildKpis } from './kpis';
import { panelProps, type ChartId, type Panel } from './panel';
import { SatisfactionCharts } from './SatisfactionCharts';
import { SupportCharts } from './SupportCharts';
import { SatisfactionWorth } from './SatisfactionWorth';
import { ChurnModelSection } from '../churn/ChurnModelSection';
import { GoalsCard } from '../goals/GoalsCard';

/** The portfolio at a glance: the period and segment filters, the KPIs, the charts and the accounts at risk. */
export function DashboardScreen() {
  const today = useMemo(() => new Date(), []);
  const [filters, setFilters] = useStoredState<Filters>(session(), STORAGE_KEY, (stored) => restoreFilters(stored, today));
  const [panel, setPanel] = useState<Panel>();

  // A custom period being typed (to before from) keeps the last good one on screen.
  const resolved = resolvePeriod(filters, today);
  const lastGood = useRef<Period>(undefined);
  if (resolved.ok) lastGood.current = resolved.period;
  const fallback = resolvePeriod({ ...filters, preset: 'last12' }, today);
  const period = resolved.ok ? resolved.period : (lastGood.current ?? (fallback.ok ? fallback.period : undefined)!);
  const facets = useQuery('accounts.facets', {}, ['accounts']);
  const anyAccount = useQuery('accounts.list', { pageSize: 1 }, ['accounts']);
  const me = useQuery('identity.get', {}, ['identity']);
  const mine = me.data ? myOwners(facets.data?.owners ?? [], ownerKeys(me.data)) : [];
  const query = toQuery(period, filters, mine);

  const portfolio = useQuery('metrics.portfolio', query, METRIC_DOMAINS);
  const previous = useQuery('metrics.portfolio', toQuery(previousPeriod(period), filters, mine), METRIC_DOMAINS);
  const npsTrend = useQuery('metrics.trend', { ...query, metric: 'nps' }, METRIC_DOMAINS);
  const definitions = useQuery('metrics.definitions', {});

  const p = portfolio.data;
  const kpis = useMemo(() => (p ? buildKpis(p, previous.data) : undefined), [p, previous.data]);
  // A reload keeps the last figures on screen, dimmed, until the new ones arrive.
  const stale = portfolio.loading && p !== undefined;
  const help = (id: ChartId) => setPanel({ kind: 'chart', id });

  const change = (patch: Partial<Filters>) => setFilters((current) => ({ ...current, ...patch }));

  return (
    <section className="screen dashboard" data-testid="dashboard" aria-labelledby="dashboard-title" aria-busy={portfolio.loading}>
      <DashboardHeader p={p} period={period} segment={filters.segment} query={query} />
      <DashboardFilters
        filters={filters}
        segments={facets.data?.segments ?? []}
        owners={facets.data?.owners}
        regions={facets.data?.regions}
        me={me.data}
        error={resolved.ok ? undefined : resolved.message}
        busy={stale}
        onChange={change}
      />
      <DashboardNotices error={portfolio.error?.message} p={p} segment={filters.segment} workspaceEmpty={anyAccount.data?.total === 0} onRetry={portfolio.reload} />

      <KpiGrid kpis={kpis} stale={stale} onOpen={(id) => setPanel({ kind: 'kpi', id })} />
      <GoalsCard />

      <div className={`dashboard-grid${stale ? ' stale' : ''}`}>
        <SatisfactionCharts portfolio={portfolio} npsTrend={npsTrend} onHelp={help} />
        <SupportCharts portfolio={portfolio} query={query} onHelp={help} />
        <CustomerCharts portfolio={portfolio} onHelp={help} />

        <ChartCard
          title="Accounts at risk"
          subtitle="every account of the red (or amber) band under these filters, lowest health first, with what moved the score"
          testId="at-risk"
          wide
          state={{ error: errorOf(portfolio), loading: firstLoad(portfolio) }}
        >
          {p && <AtRiskTable scope={toScope(filters)} currency={p.value.currency} />}
        </ChartCard>
        {p && <SatisfactionWorth from={p.scope.from} to={p.scope.to} filters={filters} currency={p.value.currency} />}
        <ChurnModelSection />
      </div>

      {panel && p && <DefinitionPanel {...panelProps(panel, p, previous.data, npsTrend.data?.points, definitions.data)} onClose={() => setPanel(undefined)} />}
    </section>
  );
}
