import { useState } from 'react';
import type { ChurnModel } from '../../../../shared/contract/churn';
import type { Output } from '../../../../shared/contract';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useJob } from '../../api/useJob';
import { JobProgress } from '../../components/JobProgress';
import { describeChurnPhase } from './phases';
import { formatNumber } from '../../../../shared/format/format';

// Issue 16: what the churn model weighs and how it was checked, under its backtest: each feature's
// weight with what it means in words, the L2 strength chosen by cross-validation by time (the
// model's lambdaSearch), and on demand churn.crossValidate (random stratified splits of the
// accounts as they are today, for files without history) with the spread of its AUCs.

/**
 * The model's λ search (engineer N's issue 16 work adds it to the model as `lambdaSearch`): typed
 * here by its shape so this screen reads it when present and builds either way.
 */
interface LambdaSearchShape {
  chosen: number;
  grid: { lambda: number; logLoss: number | null; auc: number | null }[];
  folds: unknown[];
  reason?: string;
}

const fixed = (x: number | null | undefined, digits = 3) => (x === null || x === undefined ? '—' : x.toFixed(digits));

/** A coefficient on the standardised scale in words: which way one standard deviation more moves the churn odds, and by how much. */
export function weightInWords(label: string, coefficient: number, step?: string | null): string {
  const ratio = Math.exp(coefficient);
  if (Math.abs(coefficient) < 0.01) return `${label}: barely matters to churn`;
  const way = coefficient > 0 ? 'raises' : 'lowers';
  // A "missing" column is an indicator: what it says is that having no value moves the odds.
  if (/ missing$/.test(label)) return `${label.replace(/ missing$/, '')} unknown: having no value ${way} the churn odds (×${ratio.toFixed(2)} per standard deviation)`;
  // `step`: the core's words for one standard deviation in the feature's unit ("45 days", "$8,000", "×2.7").
  return `${label}: one standard deviation more${step ? ` (${step})` : ''} ${way} the churn odds ×${ratio.toFixed(2)}`;
}

/** The AUCs' mean and the range the middle 95 % of splits fall in (2.5th to 97.5th percentile, linear between ranks). */
export function splitSpread(aucs: readonly (number | null)[]): { mean: number; low: number; high: number; n: number } | null {
  const known = aucs.filter((a): a is number => a !== null).sort((a, b) => a - b);
  if (known.length === 0) return null;
  const at = (q: number) => {
    const pos = q * (known.length - 1);
    const below = Math.floor(pos);
    return known[below]! + (known[Math.min(below + 1, known.length - 1)]! - known[below]!) * (pos - below);
  };
  return { mean: known.reduce((s, a) => s + a, 0) / known.length, low: at(0.025), high: at(0.975), n: known.length };
}

function FeatureWeights({ model }: { model: ChurnModel }) {
  const [all, setAll] = useState(false);
  const shown = all ? model.coefficients : model.coefficients.slice(0, 10);
  return (
    <div data-testid="churn-features">
      <h3 className="churn-subhead">What the model weighs</h3>
      <p className="muted small">
        Each feature&apos;s weight on the standardised scale (largest first): positive raises the churn odds, negative lowers them. A feature&apos;s &ldquo;missing&rdquo; column is
        its own weight for accounts with no value.
      </p>
      <table className="mini-table">
        <thead>
          <tr>
            <th scope="col">Feature</th>
            <th scope="col">Weight</th>
            <th scope="col">What it means</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((c) => (
            <tr key={c.column} data-testid="churn-feature" data-column={c.column}>
              <th scope="row">{c.label}</th>
              <td data-value={c.coefficient} className={c.coefficient > 0 ? 'tone-bad' : 'tone-ok'}>
                {c.coefficient > 0 ? '+' : c.coefficient < 0 ? '−' : ''}
                {Math.abs(c.coefficient).toFixed(3)}
              </td>
              <td data-step={c.step ?? ''}>{weightInWords(c.label, c.coefficient, c.step)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {model.coefficients.length > 10 && (
        <button type="button" className="button small" onClick={() => setAll(!all)} data-testid="churn-features-all">
          {all ? 'Show the ten largest' : `Show all ${model.coefficients.length}`}
        </button>
      )}
    </div>
  );
}

function LambdaSearch({ search }: { search: LambdaSearchShape }) {
  return (
    <div data-testid="churn-lambda">
      <h3 className="churn-subhead">Regularisation chosen by cross-validation by time</h3>
      <p className="muted small">
        {search.reason ??
          `Each strength trained on earlier snapshots and validated on the next (${search.folds.length} folds, never across time); the lowest validation log-loss wins: λ ${formatNumber(search.chosen)}.`}
      </p>
      <table className="mini-table">
        <thead>
          <tr>
            <th scope="col">λ</th>
            <th scope="col">Validation log-loss</th>
            <th scope="col">Mean AUC</th>
          </tr>
        </thead>
        <tbody>
          {search.grid.map((g) => (
            <tr
              key={g.lambda}
              data-testid="churn-lambda-row"
              aria-current={g.lambda === search.chosen ? 'true' : undefined}
              className={g.lambda === search.chosen ? 'cell-strong' : undefined}
            >
              <td>
                {formatNumber(g.lambda)}
                {g.lambda === search.chosen ? ' (chosen)' : ''}
              </td>
              <td>{fixed(g.logLoss, 4)}</td>
              <td>{fixed(g.auc)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CrossValidation() {
  const [result, setResult] = useState<Output<'churn.crossValidate'>>();
  const run = useAction(async () => {
    const r = await call('churn.crossValidate', { splits: 20, testShare: 0.3 });
    setResult(r);
    return r;
  });
  // A job in the core: its bar (splits done of 20) and Cancel; a cancel keeps the last result shown.
  const job = useJob('churn.crossValidate', run.busy);
  const cancelled = run.failure?.error.code === 'CANCELLED';
  const spread = result ? splitSpread(result.auc) : null;
  return (
    <div data-testid="churn-cv">
      <h3 className="churn-subhead">Cross-validation on today&apos;s accounts</h3>
      <p className="muted small">
        20 random 70/30 splits of the accounts, stratified by whether they churned, each fitted on 70 % and scored on the rest: how well the account&apos;s columns and custom
        fields separate churners, for data without a history. Not a backtest: nothing here is ordered in time.
      </p>
      {run.busy ? (
        <JobProgress label="Cross-validating" job={job} describe={describeChurnPhase} testId="churn-cv-progress" />
      ) : (
        <button type="button" className="button" data-testid="churn-cv-run" disabled={job.elsewhere} onClick={() => void run.run()}>
          {result ? 'Run again' : 'Run cross-validation'}
        </button>
      )}
      {cancelled && !run.busy && (
        <p className="muted small" role="status" data-testid="churn-cv-cancelled">
          Cross-validation was cancelled; {result ? 'the result below is from the last full run' : 'nothing was changed'}.
        </p>
      )}
      {run.error && !cancelled && (
        <p className="form-error" role="alert">
          Cross-validation failed: {run.error}
        </p>
      )}
      {result && !run.busy && (
        <div data-testid="churn-cv-result">
          {spread ? (
            <p>
              Mean AUC{' '}
              <strong data-testid="churn-cv-mean" data-value={result.meanAuc ?? ''}>
                {fixed(result.meanAuc)}
              </strong>{' '}
              over {spread.n} splits; the middle 95 % of splits between{' '}
              <span data-testid="churn-cv-interval" data-low={spread.low} data-high={spread.high}>
                {fixed(spread.low)} and {fixed(spread.high)}
              </span>
              .
            </p>
          ) : (
            <p className="muted" data-testid="churn-cv-none">
              No split had both churners and customers who stayed in its test part, so there is no AUC.
            </p>
          )}
          <p className="muted small">
            Features: {result.features.join(', ')}.
            {result.restated.length > 0 && ` Restated to remove what others already say: ${result.restated.map((r) => `${r.feature} (R² ${r.r2.toFixed(2)})`).join(', ')}.`}
          </p>
        </div>
      )}
    </div>
  );
}

/** Under the backtest: the feature weights, the λ search (when the model has one) and the snapshot cross-validation. */
export function ChurnModelDetails({ model }: { model: ChurnModel }) {
  const search = (model as ChurnModel & { lambdaSearch?: LambdaSearchShape }).lambdaSearch;
  return (
    <div className="churn-details">
      <FeatureWeights model={model} />
      {search && <LambdaSearch search={search} />}
      <CrossValidation />
    </div>
  );
}
