import { useMemo, useState } from 'react';
import { useQuery } from '../../api/useQuery';
import { ChartCard } from '../../components/ChartCard';
import { EChart } from '../../components/EChart';
import { segmentLabel } from '../../lib/labels';
import { coverageHeatmapOption, heatmapHeight, supplyDemandOption } from './coverageCharts';
import { LEVERAGE_DOMAINS } from './labels';
import './leverage.css';

/** Where the program has ready references and where it has none, and supply against demand per segment. */
export function CoveragePanel() {
  const [product, setProduct] = useState('');
  const coverage = useQuery('leverage.coverage', product ? { product } : {}, LEVERAGE_DOMAINS);
  const capacity = useQuery('leverage.capacity', {}, LEVERAGE_DOMAINS);
  const data = coverage.data;
  // The heatmap and visual map are registered in ./heatmap; the shared option type does not list them.
  const heatmap = useMemo(() => (data && data.cells.length ? coverageHeatmapOption(data) : undefined), [data]);
  const supply = useMemo(() => (capacity.data?.segments.length ? supplyDemandOption(capacity.data.segments) : undefined), [capacity.data]);

  return (
    <div className="coverage" data-testid="coverage">
      <div className="toolbar">
        <label className="inline-field">
          Product
          <select className="input select" value={product} onChange={(e) => setProduct(e.target.value)} data-testid="coverage-product">
            <option value="">All products</option>
            {(data?.products ?? []).map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        {data && (
          <span className="muted small">
            {data.ready} ready reference{data.ready === 1 ? '' : 's'} · {data.definition}
          </span>
        )}
      </div>
      <div className="coverage-grid">
        <ChartCard
          title="Ready references by industry, segment and region"
          subtitle="cells with customers, open deals or references; red is a gap"
          testId="coverage-heatmap"
          wide
          state={{ error: coverage.error?.message, loading: !data && !coverage.error, empty: data && data.cells.length === 0 && 'No customers, deals or references yet.' }}
        >
          {heatmap && data && (
            <EChart
              option={heatmap}
              height={heatmapHeight(data)}
              label={`Ready references for ${data.industries.length} industries; ${data.gaps.length} gaps`}
              testId="coverage-chart"
            />
          )}
        </ChartCard>
        <section className="card gaps" aria-labelledby="gaps-title" data-testid="coverage-gaps">
          <header className="card-header">
            <h2 id="gaps-title">Gaps{data ? ` (${data.gapCount})` : ''}</h2>
            <span className="muted small">{data && data.gapCount > data.gaps.length ? `the ${data.gaps.length} with most demand` : 'open deals first'}</span>
          </header>
          {data && data.gaps.length === 0 && (
            <p className="muted" data-testid="coverage-no-gaps">
              {/* "Every place is covered" only when there is something covered: an empty programme has no gaps to list, and no coverage either. */}
              {data.cells.length === 0
                ? 'No customers or open deals yet: nothing to cover.'
                : data.ready === 0
                  ? 'No ready references yet: no place is covered.'
                  : 'Every place with customers or open deals has a ready reference.'}
            </p>
          )}
          <ul className="gap-list">
            {data?.gaps.map((g) => (
              <li key={`${g.industry}|${g.segment}|${g.region}`} data-testid="coverage-gap">
                <span>{g.message}</span>
                <span className="muted small">
                  {g.openDeals} open deal{g.openDeals === 1 ? '' : 's'} · {g.customers} customer{g.customers === 1 ? '' : 's'}
                </span>
              </li>
            ))}
          </ul>
        </section>
        <ChartCard
          title="Supply and demand of reference asks"
          subtitle={capacity.data ? `per segment, over the ${capacity.data.windowDays}-day fatigue window` : undefined}
          testId="coverage-capacity"
          state={{
            error: capacity.error?.message,
            loading: !capacity.data && !capacity.error,
            empty: capacity.data && capacity.data.segments.length === 0 && 'No active references or open deals yet.',
          }}
          footer={capacity.data && <p className="muted small">Forecast: {capacity.data.forecastMethod}.</p>}
        >
          {supply && <EChart option={supply} height={220} label="Supply of asks against open requests and forecast per segment" testId="capacity-chart" />}
          {capacity.data && (
            <table className="capacity-table" data-testid="capacity-table">
              <thead>
                <tr>
                  <th scope="col">Segment</th>
                  <th scope="col" className="num">
                    Active refs
                  </th>
                  <th scope="col" className="num">
                    Supply
                  </th>
                  <th scope="col" className="num">
                    Open requests
                  </th>
                  <th scope="col" className="num">
                    Forecast
                  </th>
                  <th scope="col" className="num">
                    Balance
                  </th>
                </tr>
              </thead>
              <tbody>
                {capacity.data.segments.map((s) => (
                  <tr key={s.segment} data-testid="capacity-row">
                    <th scope="row">{segmentLabel(s.segment)}</th>
                    <td className="num">{s.activeReferences}</td>
                    <td className="num">{s.supply}</td>
                    <td className="num">{s.openRequests}</td>
                    <td className="num">{s.forecast.toFixed(1)}</td>
                    <td className={`num ${s.balance < 0 ? 'tone-bad' : 'tone-ok'}`}>
                      {s.balance > 0 ? '+' : ''}
                      {s.balance.toFixed(1)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </ChartCard>
      </div>
    </div>
  );
}
