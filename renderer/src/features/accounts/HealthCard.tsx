import { useMemo } from 'react';
import { DEFAULT_SETTINGS } from '../../../../shared/contract/settings';
import { METRIC_DOMAINS } from '../../api/metrics';
import { useQuery } from '../../api/useQuery';
import { EChart } from '../../components/EChart';
import { ScoreBreakdown } from '../../components/ScoreBreakdown';
import { asOfText } from '../../../../shared/format/format';
import { formatMetric, formatPercentValue } from '../../../../shared/format/metric';
import { BAND_COLORS } from '../dashboard/charts/theme';
import { healthGaugeOption } from './charts/healthGauge';
import { BAND_NAMES, componentRows, healthTrend, scoreBand } from './health';

/** Why the account scores what it does: the gauge, the band, the trend and every component's part. */
export function HealthCard({ accountId }: { accountId: number }) {
  const health = useQuery('health.explain', { id: accountId }, METRIC_DOMAINS);
  const settings = useQuery('settings.get', {}, ['settings']);
  const thresholds = settings.data?.health ?? DEFAULT_SETTINGS.health;
  const data = health.data;
  const option = useMemo(() => (data && data.score !== null ? healthGaugeOption(data.score, thresholds) : undefined), [data, thresholds]);

  return (
    <section className="card health-card" aria-labelledby="health-title" data-testid="health-card">
      <header className="card-header">
        <h2 id="health-title">Health</h2>
        {data && (
          <span className="muted small" data-testid="health-model">
            Model <code data-testid="health-model-version">{data.modelVersion}</code> · <span data-testid="health-as-of">{asOfText(data.asOf)}</span>
          </span>
        )}
      </header>
      {health.error && (
        <p className="form-error" role="alert" data-testid="health-error">
          The health score could not be computed: {health.error.message}
        </p>
      )}
      {!data && !health.error && (
        <p className="muted" data-testid="health-loading">
          Computing health…
        </p>
      )}
      {data && (
        <>
          <div className="health-summary">
            <div className="health-gauge">
              {option ? (
                <EChart option={option} height={132} label={`Health score ${Math.round(data.score!)} of 100, ${BAND_NAMES[data.band]}`} testId="health-gauge" />
              ) : (
                <div className="health-none" data-testid="health-insufficient">
                  <span>No score</span>
                </div>
              )}
            </div>
            <dl className="health-facts">
              <div>
                <dt>Score</dt>
                <dd>
                  <strong className="health-score" data-testid="health-score">
                    {/* The health definition's unit, as on the dashboard's at-risk pill and in metrics.display. */}
                    {data.score === null ? '—' : formatMetric(data.score, 'score')}
                  </strong>{' '}
                  <span className={`health-pill band-${data.band}`} data-testid="health-band">
                    {BAND_NAMES[data.band]}
                  </span>
                </dd>
              </div>
              {data.reason && (
                <div>
                  <dt>Why no score</dt>
                  <dd data-testid="health-reason">{data.reason}</dd>
                </div>
              )}
              <div>
                <dt>Coverage</dt>
                <dd data-testid="health-coverage">
                  {formatPercentValue(data.coveragePct, undefined, 0)} of the weight has data
                  <span className="muted small"> (floor {formatPercentValue(thresholds.coverageFloorPct, undefined, 0)})</span>
                </dd>
              </div>
              <div>
                <dt>Trend</dt>
                <dd className={`tone-${healthTrend(data).tone}`} data-testid="health-trend">
                  {healthTrend(data).text}
                </dd>
              </div>
            </dl>
          </div>
          <ScoreBreakdown
            testId="health-components"
            caption="Health components, with the reason each scored what it did"
            bars
            rows={componentRows(data).map((row) => ({
              id: row.id,
              label: row.label,
              // The sentence first (as the at-risk list says it), the rule's numbers beside it.
              reason:
                row.sentences.length > 0 ? (
                  <>
                    <span data-testid="component-sentence">{row.sentences.join('; ')}</span>
                    <span className="muted"> · {row.reason}</span>
                  </>
                ) : (
                  row.reason
                ),
              weight: row.weight,
              score: row.score,
              bar: row.scoreValue === null ? undefined : { value: row.scoreValue, color: BAND_COLORS[scoreBand(row.scoreValue, thresholds)] },
              points: row.contribution,
              counted: row.counted,
              testId: `health-component-${row.id}`,
            }))}
          />
          <p className="muted small health-note">Points are each component's weight × score ÷ the weight of the components with data; they add up to the score.</p>
        </>
      )}
    </section>
  );
}
