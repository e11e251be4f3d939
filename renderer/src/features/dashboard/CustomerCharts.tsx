import { useMemo } from 'react';
import type { QueryState } from '../../api/useQuery';
import { ChartCard } from '../../components/ChartCard';
import { EChart } from '../../components/EChart';
import { asOfText, countOf } from '../../../../shared/format/format';
import { formatMetric } from '../../../../shared/format/metric';
import { errorOf, firstLoad, type PortfolioData } from './cardState';
import { cohortsOption, visibleCohorts } from './charts/cohorts';
import { healthDistributionOption } from './charts/healthDistribution';
import { valueMapOption, valueMapSummary } from './charts/valueMap';
import { CustomerValueCards } from './CustomerValueCards';
import type { ChartId } from './panel';

/** The customers themselves: who stays (cohorts), how healthy they are, and the value they see against a competitor. */
export function CustomerCharts({ portfolio, onHelp }: { portfolio: QueryState<PortfolioData>; onHelp: (id: ChartId) => void }) {
  const p = portfolio.data;
  const cohortOption = useMemo(() => (p ? cohortsOption(p.retention.cohorts) : undefined), [p]);
  const healthOption = useMemo(() => (p ? healthDistributionOption(p.health.bands) : undefined), [p]);
  const customerValue = p?.value.customerValue;
  const valueOption = useMemo(() => (customerValue ? valueMapOption(customerValue) : undefined), [customerValue]);
  const bandsTotal = p ? Object.values(p.health.bands).reduce((a, b) => a + b, 0) : 0;
  return (
    <>
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
        state={{
          error: errorOf(portfolio),
          loading: firstLoad(portfolio),
          empty: p && visibleCohorts(p.retention.cohorts).length === 0 && 'No customer cohorts in this selection.',
        }}
        onHelp={() => onHelp('cohorts')}
      >
        {cohortOption && <EChart option={cohortOption} height={280} label="Share of each start quarter's accounts still customers, quarter by quarter." />}
      </ChartCard>

      <ChartCard
        title="Health distribution"
        subtitle={
          p ? (
            <span data-testid="health-bands-as-of">
              {countOf(bandsTotal, 'account')} by band{p.health.takenAt ? `, ${asOfText(p.health.takenAt)}` : ''}
            </span>
          ) : undefined
        }
        testId="chart-health"
        state={{ error: errorOf(portfolio), loading: firstLoad(portfolio), empty: p && bandsTotal === 0 && 'No accounts in this selection.' }}
        onHelp={() => onHelp('health')}
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
        onHelp={() => onHelp('valueMap')}
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
      <CustomerValueCards portfolio={portfolio} />
    </>
  );
}
