import { useMemo } from 'react';
import { useQuery } from '../../api/useQuery';
import { ChartCard } from '../../components/ChartCard';
import { EChart } from '../../components/EChart';
import { benchmarkLines, radarOption } from '../../../../shared/charts/assessments';
import { formatScore } from './format';
import { formatDate } from '../../../../shared/format/format';

/** This client against the consultant's other clients on the same template; the others stay anonymous. */
export function ComparisonCard({ id }: { id: number }) {
  const comparison = useQuery('assessments.compare', { id }, ['assessments']);
  const data = comparison.data;
  const option = useMemo(
    () =>
      data
        ? radarOption(
            data.dimensions.map((d) => d.name),
            benchmarkLines(data),
          )
        : undefined,
    [data],
  );
  const empty = data && data.rows.length < 2 ? 'No other client has been assessed with this template yet: the benchmark appears with the second client.' : false;
  return (
    <ChartCard
      title="Benchmark across clients"
      subtitle="other clients anonymised"
      testId="results-benchmark"
      state={{ error: comparison.error?.message, loading: !data, empty }}
      wide
    >
      {option && data && (
        <div className="benchmark-layout">
          <EChart option={option} height={340} label="Radar of this client against the mean of other clients" testId="benchmark-chart" />
          <div className="benchmark-table-scroll">
            <table className="assessment-table compact" data-testid="benchmark-table">
              <thead>
                <tr>
                  <th>Client</th>
                  <th>Date</th>
                  <th className="num">Overall</th>
                  {data.dimensions.map((d) => (
                    <th key={d.dimensionKey} className="num" title={d.name}>
                      {d.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.rows.map((row) => (
                  <tr key={row.label} className={row.current ? 'current' : undefined}>
                    <td>{row.label}</td>
                    <td>{formatDate(row.assessedOn)}</td>
                    <td className="num">{formatScore(row.overall)}</td>
                    {data.dimensions.map((d) => (
                      <td key={d.dimensionKey} className="num">
                        {formatScore(row.dimensions[d.dimensionKey])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </ChartCard>
  );
}
