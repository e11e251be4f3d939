import { useMemo } from 'react';
import type { QueryState } from '../../api/useQuery';
import { ChartCard } from '../../components/ChartCard';
import { EChart } from '../../components/EChart';
import { formatMetric } from '../../../../shared/format/metric';
import { errorOf, firstLoad, type PortfolioData, type TrendPoints } from './cardState';
import { channelRows, csatByChannelOption } from './charts/csatByChannel';
import { npsTrendOption, npsTrendSummary } from './charts/npsTrend';
import type { ChartId } from './panel';

/** How satisfied customers are: NPS over the period, and CSAT per support channel. */
export function SatisfactionCharts({
  portfolio,
  npsTrend,
  onHelp,
}: {
  portfolio: QueryState<PortfolioData>;
  npsTrend: QueryState<{ points: TrendPoints }>;
  onHelp: (id: ChartId) => void;
}) {
  const p = portfolio.data;
  const npsOption = useMemo(() => (npsTrend.data ? npsTrendOption(npsTrend.data.points) : undefined), [npsTrend.data]);
  const csatOption = useMemo(() => (p ? csatByChannelOption(p.support.byChannel) : undefined), [p]);
  return (
    <>
      <ChartCard
        title="NPS trend"
        subtitle="with its 95% interval"
        testId="chart-nps-trend"
        state={{
          error: errorOf(npsTrend),
          loading: firstLoad(npsTrend),
          empty: npsTrend.data && npsTrend.data.points.every((pt) => pt.value.value === null) && 'No NPS answers in this period.',
        }}
        onHelp={() => onHelp('npsTrend')}
      >
        {npsOption && npsTrend.data && <EChart option={npsOption} height={260} label={npsTrendSummary(npsTrend.data.points)} />}
      </ChartCard>

      <ChartCard
        title="CSAT by channel"
        subtitle="share satisfied (4-5), n answers"
        testId="chart-csat-channel"
        state={{ error: errorOf(portfolio), loading: firstLoad(portfolio), empty: p && channelRows(p.support.byChannel).length === 0 && 'No tickets or answers in this period.' }}
        onHelp={() => onHelp('csatByChannel')}
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
    </>
  );
}
