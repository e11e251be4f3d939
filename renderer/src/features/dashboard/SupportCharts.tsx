import { useMemo } from 'react';
import type { Input } from '../../../../shared/contract';
import { METRIC_DOMAINS } from '../../api/metrics';
import { useQuery, type QueryState } from '../../api/useQuery';
import { ChartCard } from '../../components/ChartCard';
import { EChart } from '../../components/EChart';
import { session } from '../../lib/storage';
import { useStoredState } from '../../lib/useStoredState';
import { errorOf, firstLoad, type PortfolioData } from './cardState';
import { supportTimesOption, type SupportMeasure } from './charts/supportTimes';
import { topicsOption, TOP_TOPICS } from './charts/topics';
import type { ChartId } from './panel';
import { SlaList } from './SlaList';

const MEASURE_KEY = 'fulcrum.dashboard.supportMeasure';

/** Support: first response or resolution times against the SLA targets, and the topics tickets are about. */
export function SupportCharts({ portfolio, query, onHelp }: { portfolio: QueryState<PortfolioData>; query: Input<'metrics.portfolio'>; onHelp: (id: ChartId) => void }) {
  const p = portfolio.data;
  // Which time the chart shows is kept for the session, like the filters.
  const [measure, setMeasure] = useStoredState<SupportMeasure>(session(), MEASURE_KEY, (stored) => (stored === 'resolution' ? 'resolution' : 'firstResponse'));
  const supportTrend = useQuery('metrics.trend', { ...query, metric: measure === 'firstResponse' ? 'firstResponseMedian' : 'resolutionMedian' }, METRIC_DOMAINS);
  const settings = useQuery('settings.get', {}, ['settings']);
  const supportOption = useMemo(
    () => (supportTrend.data ? supportTimesOption(measure, supportTrend.data.points, settings.data?.slaTargets ?? {}) : undefined),
    [supportTrend.data, settings.data, measure],
  );
  const topicOption = useMemo(() => (p ? topicsOption(p.support.topics) : undefined), [p]);
  return (
    <>
      <ChartCard
        title="Support times against SLA"
        subtitle={measure === 'firstResponse' ? 'median first response per period' : 'median resolution per period'}
        testId="chart-support-times"
        state={{
          error: errorOf(supportTrend),
          loading: firstLoad(supportTrend),
          empty: supportTrend.data && supportTrend.data.points.every((pt) => pt.value.value === null) && 'No answered tickets in this period.',
        }}
        onHelp={() => onHelp('supportTimes')}
        actions={
          <div className="toggle" role="group" aria-label="Which time">
            {(['firstResponse', 'resolution'] as const).map((m) => (
              <button key={m} type="button" className={measure === m ? 'on' : ''} aria-pressed={measure === m} onClick={() => setMeasure(m)} data-testid={`support-measure-${m}`}>
                {m === 'firstResponse' ? 'First response' : 'Resolution'}
              </button>
            ))}
          </div>
        }
        footer={p && p.support.sla.length > 0 ? <SlaList sla={p.support.sla} measure={measure} /> : undefined}
      >
        {supportOption && (
          <EChart
            option={supportOption}
            height={260}
            label={`${measure === 'firstResponse' ? 'First response' : 'Resolution'} time per period against the SLA target of each priority.`}
          />
        )}
      </ChartCard>

      <ChartCard
        title="Top ticket topics"
        subtitle={`Pareto of the top ${TOP_TOPICS}`}
        testId="chart-topics"
        state={{ error: errorOf(portfolio), loading: firstLoad(portfolio), empty: p && p.support.topics.length === 0 && 'No tickets with a topic in this period.' }}
        onHelp={() => onHelp('topics')}
      >
        {topicOption && p && (
          <EChart
            option={topicOption}
            height={280}
            label={`Top ticket topics: ${p.support.topics
              .slice(0, 5)
              .map((t) => `${t.topic} ${t.count}`)
              .join(', ')}`}
          />
        )}
      </ChartCard>
    </>
  );
}
