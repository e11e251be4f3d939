import type { EvaluationDto } from '../../../../shared/contract/churn';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useJob } from '../../api/useJob';
import { JobProgress } from '../../components/JobProgress';
import { useQuery } from '../../api/useQuery';
import { ChartCard } from '../../components/ChartCard';
import { formatDate, formatInteger } from '../../../../shared/format/format';
import { ChurnModelDetails } from './ChurnModelDetails';
import { describeChurnPhase } from './phases';

// Issue 16: the churn model proves itself on the workspace's own history. The backtest (trained on
// what was known before the cut-off, scored after it) sits beside the rule health score judged on
// the very same accounts, so the user sees which ranks better; then the calibration table.

const CHURN_DOMAINS = ['churn', 'accounts', 'tickets', 'surveyResponses', 'touchpoints', 'deployments'];
const fixed = (x: number | null | undefined, digits = 3) => (x === null || x === undefined ? '—' : x.toFixed(digits));
const pct = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(1)} %`);

function verdict(model: EvaluationDto | null, health: EvaluationDto | null): string {
  if (model?.auc == null || health?.auc == null) return '';
  const gap = model.auc - health.auc;
  if (Math.abs(gap) < 0.01) return 'The model and the rule score rank about equally well on this history.';
  return gap > 0
    ? `The model ranks churners better than the rule health score (AUC ${fixed(model.auc)} against ${fixed(health.auc)}).`
    : `The rule health score ranks churners better than the model (AUC ${fixed(health.auc)} against ${fixed(model.auc)}).`;
}

/** The dashboard's churn model card: train or retrain, then the backtest and calibration (a trained model also reloads on `churn.changed`). */
export function ChurnModelSection() {
  const model = useQuery('churn.model', {}, CHURN_DOMAINS);
  const train = useAction(() => call('churn.train', {}));
  // Training reads the whole history (tens of seconds on a large workspace): its bar and Cancel.
  const job = useJob('churn.train', train.busy);
  const cancelled = train.failure?.error.code === 'CANCELLED';
  const m = model.data;
  const b = m?.backtest;
  // In the card's actions: the body is an empty state until a first model exists.
  const trainButton = train.busy ? (
    <JobProgress label="Training the churn model" job={job} describe={describeChurnPhase} testId="churn-train-progress" />
  ) : (
    <>
      {cancelled && (
        <span className="muted small" role="status" data-testid="churn-train-cancelled">
          Training was cancelled; {m ? 'the previous model and its predictions are kept' : 'no model was saved'}.
        </span>
      )}
      <button type="button" className="button" data-testid="churn-train" disabled={train.busy} onClick={() => void train.run().then((r) => r.ok && model.reload())}>
        {m ? 'Retrain' : 'Train the churn model'}
      </button>
    </>
  );
  return (
    <ChartCard
      title="Churn model"
      subtitle="trained on this workspace's history and tested after a cut-off, beside the rule health score on the same accounts"
      testId="churn-model"
      wide
      actions={trainButton}
      state={{
        error: model.error?.message ?? (cancelled ? undefined : train.error),
        loading: model.loading && !m,
        empty: !m && 'No churn model yet. Train one to see how well it predicts churn at the next renewal on your own history.',
      }}
    >
      {m && b && (
        <div className="churn-model" data-testid="churn-model-body" aria-busy={train.busy}>
          <p className="muted small">
            Model <code data-testid="churn-model-version">{m.version}</code> · trained on {formatInteger(m.trainingRows)} customer-snapshots ({formatInteger(m.trainingChurners)}{' '}
            churned) · predictions for {formatInteger(m.predictions)} customers as of {formatDate(m.asOf)}
          </p>
          {b.reason ? (
            <p className="muted" data-testid="churn-backtest-reason">
              No backtest: {b.reason}.
            </p>
          ) : (
            <>
              <p data-testid="churn-verdict">{verdict(b.model, b.health)}</p>
              <p className="muted small">
                Backtest: trained on customers of {b.trainedAsOf.map((d) => formatDate(d)).join(', ')}; scored the {formatInteger(b.model?.n ?? 0)} customers of{' '}
                {formatDate(b.cutOff)} ({formatInteger(b.model?.churners ?? 0)} churned by their next renewal + {m.options.graceDays} days).
              </p>
              <table className="mini-table" data-testid="churn-backtest">
                <thead>
                  <tr>
                    <th scope="col">On the same accounts</th>
                    <th scope="col">AUC</th>
                    <th scope="col">Brier score</th>
                    <th scope="col">Top-decile lift</th>
                  </tr>
                </thead>
                <tbody>
                  <tr data-testid="churn-backtest-model">
                    <th scope="row">Churn model</th>
                    <td data-value={b.model?.auc ?? ''}>{fixed(b.model?.auc)}</td>
                    <td data-value={b.model?.brier ?? ''}>{fixed(b.model?.brier)}</td>
                    <td data-value={b.model?.topDecileLift ?? ''}>{fixed(b.model?.topDecileLift, 2)}×</td>
                  </tr>
                  <tr data-testid="churn-backtest-health">
                    <th scope="row">Rule health score{b.healthUnscored > 0 ? ` (${formatInteger(b.healthUnscored)} unscored, ranked in the middle)` : ''}</th>
                    <td data-value={b.health?.auc ?? ''}>{fixed(b.health?.auc)}</td>
                    <td>— (not a probability)</td>
                    <td data-value={b.health?.topDecileLift ?? ''}>{fixed(b.health?.topDecileLift, 2)}×</td>
                  </tr>
                </tbody>
              </table>
              <table className="mini-table" data-testid="churn-calibration">
                <caption>Calibration: accounts in ten groups by predicted risk, riskiest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Decile</th>
                    <th scope="col">Accounts</th>
                    <th scope="col">Predicted</th>
                    <th scope="col">Observed</th>
                  </tr>
                </thead>
                <tbody>
                  {b.model?.calibration.map((row) => (
                    <tr key={row.decile}>
                      <td>{row.decile}</td>
                      <td>{formatInteger(row.n)}</td>
                      <td>{pct(row.meanPredicted)}</td>
                      <td>{pct(row.observedRate)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          <ChurnModelDetails model={m} />
        </div>
      )}
    </ChartCard>
  );
}
