import { useMemo, type ReactNode } from 'react';
import type { MetricValueDto } from '../../../../shared/contract/metrics';
import { SURVEY_SCALES } from '../../../../shared/contract/surveyResponses';
import { TICKET_PRIORITIES } from '../../../../shared/contract/tickets';
import { METRIC_DOMAINS } from '../../api/metrics';
import { useQuery } from '../../api/useQuery';
import { EChart } from '../../components/EChart';
import { formatInteger } from '../../../../shared/format/format';
import { humanize } from '../../lib/labels';
import { formatHours, formatMetric, type MetricUnit } from '../../../../shared/format/metric';
import { periodLabel } from '../dashboard/filters';
import { satisfactionHistoryHeight, satisfactionHistoryOption } from './charts/satisfactionHistory';

/** One figure with its n, or why there is none (never a 0 for missing). */
function Figure({
  label,
  metric,
  unit,
  currency,
  testId,
  nUnit,
  scale,
}: {
  label: string;
  metric: MetricValueDto;
  unit: MetricUnit;
  currency?: string;
  testId: string;
  nUnit: string;
  /** The range the figure lives on, said beside it ("1–7"). */
  scale?: string;
}) {
  const missing = metric.value === null;
  return (
    <div className="figure" data-testid={testId}>
      <span className="figure-label">{label}</span>
      <span className={missing ? 'figure-missing' : 'figure-value'} data-testid={`${testId}-value`}>
        {missing ? (metric.n === 0 ? `No ${nUnit}` : 'Insufficient data') : formatMetric(metric.value!, unit, { currency })}
        {metric.approximate && !missing && (
          <span className="approx" title="Approximate, from a sketch within 1 % of the exact value">
            ≈
          </span>
        )}
      </span>
      <span className="figure-n">
        {missing && metric.n > 0 && metric.reason ? metric.reason : `n = ${formatInteger(metric.n)}`}
        {scale && !missing && <span data-testid={`${testId}-scale`}> · scale {scale}</span>}
      </span>
      {metric.warning && !missing && (
        <span className="figure-warning" title={metric.warning}>
          ⚠ {metric.warning}
        </span>
      )}
    </div>
  );
}

/** "87% · 1 hr": the share handled within the target, and the target. */
function Attainment({ metric, targetHours }: { metric: MetricValueDto | undefined; targetHours: number | undefined }) {
  if (!metric || metric.value === null)
    return (
      <span className="muted" title={metric?.reason}>
        —
      </span>
    );
  return (
    <span title={`n = ${metric.n}${metric.approximate ? ', approximate' : ''}`}>
      <strong>{formatMetric(metric.value, 'percent')}</strong>
      {targetHours !== undefined && <span className="muted small"> ≤ {formatHours(targetHours)}</span>}
    </span>
  );
}

/** The account's satisfaction history, its support times against the SLA targets, and its lifetime value. */
export function AccountMetricsCard({ accountId, currency }: { accountId: number; currency: string }) {
  const metrics = useQuery('metrics.account', { id: accountId }, METRIC_DOMAINS);
  const settings = useQuery('settings.get', {}, ['settings']);
  const data = metrics.data;
  const history = data?.satisfactionHistory;
  const scored = history?.filter((a) => a.score !== null) ?? [];
  const option = useMemo(() => (history && history.some((a) => a.score !== null) ? satisfactionHistoryOption(history) : undefined), [history]);

  let body: ReactNode;
  if (metrics.error) {
    body = (
      <p className="form-error" role="alert" data-testid="account-metrics-error">
        The account's metrics could not be computed: {metrics.error.message}
      </p>
    );
  } else if (!data) {
    body = (
      <p className="muted" data-testid="account-metrics-loading">
        Computing metrics…
      </p>
    );
  } else {
    const s = data.support;
    body = (
      <>
        <h3 className="section-title">Satisfaction</h3>
        <div className="figures">
          <Figure label="NPS" metric={data.satisfaction.nps} unit="points" testId="account-nps" nUnit="answers" scale="−100 to +100" />
          <Figure label="CSAT" metric={data.satisfaction.csat} unit="percent" testId="account-csat" nUnit="answers" />
          <Figure
            label="Effort (CES)"
            metric={data.satisfaction.ces}
            unit="mean"
            testId="account-ces"
            nUnit="answers"
            scale={`${SURVEY_SCALES.ces.min}–${SURVEY_SCALES.ces.max}, higher is easier`}
          />
        </div>
        {option ? (
          <EChart
            option={option}
            height={satisfactionHistoryHeight(history!)}
            label={`${scored.length} survey answers over time, by kind; green good, grey neutral, red poor.`}
            testId="satisfaction-history"
          />
        ) : (
          <p className="chart-empty small" data-testid="satisfaction-history-empty">
            No survey answers in this period.
          </p>
        )}

        <h3 className="section-title">Support against targets</h3>
        <table className="support-table" data-testid="account-support">
          <thead>
            <tr>
              <th scope="col" />
              <th scope="col" className="num">
                Median
              </th>
              <th scope="col" className="num">
                p90
              </th>
            </tr>
          </thead>
          <tbody>
            {(['firstResponse', 'resolution'] as const).map((measure) => (
              <tr key={measure}>
                <th scope="row">{measure === 'firstResponse' ? 'First response' : 'Resolution'}</th>
                {(['median', 'p90'] as const).map((q) => {
                  const m = s[measure][q];
                  return (
                    <td key={q} className="num" title={m.value === null ? m.reason : `n = ${m.n}${m.approximate ? ', approximate' : ''}`}>
                      {m.value === null ? <span className="muted">—</span> : formatMetric(m.value, 'minutes')}
                      {m.approximate && m.value !== null && <span className="approx">≈</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        <table className="support-table sla-table-compact" data-testid="account-sla">
          <caption className="visually-hidden">Tickets handled within the SLA targets, per priority</caption>
          <thead>
            <tr>
              <th scope="col">Priority</th>
              <th scope="col" className="num">
                Answered in time
              </th>
              <th scope="col" className="num">
                Resolved in time
              </th>
              <th scope="col" className="num">
                Tickets
              </th>
            </tr>
          </thead>
          <tbody>
            {[...s.sla]
              .sort((a, b) => TICKET_PRIORITIES.indexOf(b.priority) - TICKET_PRIORITIES.indexOf(a.priority))
              .map((row) => (
                <tr key={row.priority}>
                  <th scope="row">
                    <span className={`prio prio-${row.priority}`}>{humanize(row.priority)}</span>
                  </th>
                  <td className="num">
                    <Attainment metric={row.attainment} targetHours={row.targetHours} />
                  </td>
                  <td className="num">
                    <Attainment metric={row.resolutionAttainment} targetHours={row.resolutionTargetHours ?? settings.data?.slaTargets[row.priority].resolutionHours} />
                  </td>
                  <td className="num muted">{formatInteger(row.attainment.n)}</td>
                </tr>
              ))}
          </tbody>
        </table>
        <p className="muted small" title={`Quantiles: ${s.quantileMethod}`}>
          {s.volume.value === null ? 'No tickets' : `${formatInteger(s.volume.value)} tickets`} in the period ·{' '}
          {s.backlog.value === null ? 'backlog unknown' : `${formatInteger(s.backlog.value)} open now`}
          {(s.firstResponse.median.approximate || s.resolution.median.approximate) && ' · ≈ times from sketches, within 1 %'}
        </p>

        <h3 className="section-title">Value</h3>
        <div className="figures">
          <Figure label="Customer lifetime value" metric={data.clv} unit="money" currency={currency} testId="account-clv" nUnit="data" />
        </div>
      </>
    );
  }

  return (
    <section className="card account-metrics" aria-labelledby="account-metrics-title" data-testid="account-metrics">
      <header className="card-header">
        <h2 id="account-metrics-title">Experience and value</h2>
        {data && <span className="muted small">{periodLabel(data.scope)}</span>}
      </header>
      {body}
    </section>
  );
}
