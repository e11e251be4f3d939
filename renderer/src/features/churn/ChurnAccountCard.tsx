import { useQuery } from '../../api/useQuery';
import { useState } from 'react';
import { formatDate } from '../../../../shared/format/format';
import { PurchaseValueCard } from './PurchaseValueCard';

/**
 * One account's churn probability from the current model, and the features that moved it most, in
 * words; then, for an account with purchase histories, its purchase value (PurchaseValueCard): the
 * account page's customer-economics cards, placed together here so the page lists them once.
 */
export function ChurnAccountCard({ accountId }: { accountId: number }) {
  return (
    <>
      <ChurnRiskCard accountId={accountId} />
      <PurchaseValueCard accountId={accountId} />
    </>
  );
}

function ChurnRiskCard({ accountId }: { accountId: number }) {
  const prediction = useQuery('churn.account', { id: accountId }, ['churn', 'accounts']);
  const p = prediction.data;
  return (
    <section className="card churn-card" aria-labelledby="churn-title" data-testid="churn-card">
      <header className="card-header">
        <h2 id="churn-title">Churn risk</h2>
        {p && (
          <span className="muted small">
            Model <code data-testid="churn-card-model">{p.modelVersion}</code> · as of {formatDate(p.asOf)}
          </span>
        )}
      </header>
      {prediction.error && (
        <p className="form-error" role="alert">
          The churn prediction could not be read: {prediction.error.message}
        </p>
      )}
      {!prediction.error && prediction.data === null && (
        <p className="muted" data-testid="churn-card-empty">
          No prediction: no churn model has been trained yet (Dashboard → Churn model), or this account is not a current customer.
        </p>
      )}
      {p && (
        <>
          <p>
            <strong className="churn-probability" data-testid="churn-probability" data-value={p.probability}>
              {(100 * p.probability).toFixed(1)} %
            </strong>{' '}
            chance of churning by the next renewal
          </p>
          <ul className="churn-reasons" data-testid="churn-reasons">
            {p.reasons.map((r) => (
              <li key={r.feature} className={r.logOdds > 0 ? 'bad' : 'good'}>
                {r.sentence}
              </li>
            ))}
          </ul>
          <ModelInputs accountId={accountId} asOf={p.asOf} />
        </>
      )}
    </section>
  );
}

/** What the model read of this account on its prediction's day (churn.features: rows dated before that day only), read when opened. */
function ModelInputs({ accountId, asOf }: { accountId: number; asOf: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="churn-inputs" data-testid="churn-inputs" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>What the model read of this account on {formatDate(asOf)}</summary>
      {open && <ModelInputsTable accountId={accountId} asOf={asOf} />}
    </details>
  );
}

function ModelInputsTable({ accountId, asOf }: { accountId: number; asOf: string }) {
  const features = useQuery('churn.features', { id: accountId, asOf: asOf.slice(0, 10) }, ['churn', 'accounts']);
  if (features.error)
    return (
      <p className="form-error" role="alert">
        The model&apos;s inputs could not be read: {features.error.message}
      </p>
    );
  if (!features.data) return <p className="muted small">Reading…</p>;
  return (
    <table className="mini-table" data-testid="churn-inputs-table">
      <tbody>
        {features.data.map((f) => (
          <tr key={f.key} data-key={f.key}>
            <th scope="row">{f.label}</th>
            {/* The core's words with the unit ("45 days", "$12,000", "7.5 on 0–10"); data-value keeps what the model reads. */}
            <td data-value={f.value ?? ''} data-unit={f.unit} data-quantity={f.quantity ?? ''}>
              {f.value === null ? 'missing' : f.text}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
