import { useQuery } from '../../api/useQuery';
import { formatDate, formatMoney, formatNumber } from '../../../../shared/format/format';
import { formatPercentValue } from '../../../../shared/format/metric';
import './purchaseValue.css';

/**
 * Issue 16: a customer without a contract (a purchase history) on its own page: the BG/NBD expected
 * purchases and probability of still being a customer, the Gamma-Gamma spend and the CLV, from
 * purchases.model for this account (the fits are the whole workspace's). Accounts without purchases
 * show nothing: their value is the contract's (the metrics card's CLV).
 */
export function PurchaseValueCard({ accountId }: { accountId: number }) {
  const bought = useQuery('purchases.list', { accountId, limit: 1 }, ['purchases']);
  const has = (bought.data?.total ?? 0) > 0;
  const model = useQuery('purchases.model', { accountId, limit: 1 }, ['purchases', 'settings']);
  if (!has) return null;
  const m = model.data;
  const row = m?.rows[0];
  return (
    <section className="card purchase-value-card" aria-labelledby="purchase-value-title" data-testid="purchase-value-card">
      <header className="card-header">
        <h2 id="purchase-value-title">Purchase value</h2>
        {m?.status === 'ok' && (
          <span className="muted small">
            BG/NBD and Gamma-Gamma, fitted on {formatNumber(m.customers)} customers&apos; purchases up to {m.calibrationEnd && formatDate(m.calibrationEnd)}
          </span>
        )}
      </header>
      {model.error && (
        <p className="form-error" role="alert">
          The purchase model could not be read: {model.error.message}
        </p>
      )}
      {model.loading && !m && <p className="muted">Fitting the purchase model…</p>}
      {m && m.status !== 'ok' && (
        <p className="muted" data-testid="purchase-value-reason">
          No purchase model yet: {m.reason}.
        </p>
      )}
      {m?.status === 'ok' && !row && (
        <p className="muted" data-testid="purchase-value-reason">
          This account&apos;s purchases are in another currency than the workspace&apos;s ({m.currency}) or after {m.calibrationEnd && formatDate(m.calibrationEnd)}, so the model
          does not score it.
        </p>
      )}
      {m?.status === 'ok' && row && (
        <>
          <dl className="purchase-value" data-testid="purchase-value">
            <div>
              <dt>Expected purchases in the next {m.horizonWeeks} weeks</dt>
              <dd data-testid="purchase-expected" data-value={row.expectedPurchases}>
                {formatNumber(Math.round(row.expectedPurchases * 10) / 10)}
              </dd>
            </div>
            <div>
              <dt>Probability still a customer</dt>
              <dd data-testid="purchase-alive" data-value={row.pAlive}>
                {formatPercentValue(100 * row.pAlive, undefined, 0)}
              </dd>
            </div>
            <div>
              <dt>Expected spend per purchase</dt>
              <dd data-testid="purchase-spend" data-value={row.expectedSpendMinor ?? ''}>
                {row.expectedSpendMinor === null ? '— (no repeat purchase yet)' : formatMoney(Math.round(row.expectedSpendMinor), m.currency)}
              </dd>
            </div>
            <div>
              <dt>
                CLV over {m.clvYears} years{m.acquisitionCostMinor > 0 ? ', net of acquisition cost' : ''}
              </dt>
              <dd data-testid="purchase-clv" data-value={row.clvMinor ?? ''}>
                {row.clvMinor === null ? '—' : formatMoney(Math.round(row.clvMinor), m.currency, undefined, true)}
              </dd>
            </div>
          </dl>
          <p className="muted small">
            From {formatNumber(row.x)} repeat purchase{row.x === 1 ? '' : 's'} over {formatNumber(Math.round(row.T))} weeks as a customer ({m.marginPct} % margin,{' '}
            {formatPercentValue(100 * m.discountRate, undefined, 1)} yearly discount rate).
          </p>
        </>
      )}
    </section>
  );
}
