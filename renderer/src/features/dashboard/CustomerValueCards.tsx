import type { Output } from '../../../../shared/contract';
import { useQuery, type QueryState } from '../../api/useQuery';
import { ChartCard } from '../../components/ChartCard';
import { formatInteger, formatMoney } from '../../../../shared/format/format';
import { errorOf, firstLoad, type PortfolioData } from './cardState';
import './customerValueCards.css';

// Issue 16 on the dashboard's value area: Gale's customer value added and the weighted customer
// value ratio from the value-map survey, the CLV convention in force, and the customers without
// contracts valued from their purchase histories (BG/NBD × Gamma-Gamma, `purchases.model`).

type Model = Output<'purchases.model'>;
type Definitions = Output<'metrics.definitions'>;

const ratio = (value: number | null) => (value === null ? '—' : value.toFixed(2));
const percent = (value: number) => `${(value * 100).toFixed(1)} %`;

function Definition({ id, definitions }: { id: string; definitions: Definitions | undefined }) {
  const d = definitions?.find((x) => x.id === id);
  if (!d) return null;
  return (
    <li data-testid={`definition-${id}`}>
      <strong>{d.name}</strong>: {d.formula} <span className="muted">({d.source})</span>
    </li>
  );
}

export function CustomerValueCards({ portfolio }: { portfolio: QueryState<PortfolioData> }) {
  const settings = useQuery('settings.get', {}, ['settings']);
  const definitions = useQuery('metrics.definitions', {});
  const model = useQuery('purchases.model', { limit: 10 }, ['purchases', 'settings', 'accounts']);
  const cv = portfolio.data?.value.customerValue;
  const s = settings.data?.customerValue;
  const currency = settings.data?.currency ?? 'USD';
  const clvDefinition = s?.survival === 'present' ? 'clvPresent' : 'clv';
  return (
    <>
      <ChartCard
        title="Customer value added"
        subtitle={cv?.competitor ? `against ${cv.competitor}; 1 = parity` : 'worth of our offer against a competitor’s; 1 = parity'}
        testId="card-value-ratios"
        state={{ error: errorOf(portfolio), loading: firstLoad(portfolio) }}
      >
        <dl className="figure-list" data-testid="value-ratios">
          <dt>Customer value added (CVA)</dt>
          <dd data-testid="cva" data-value={cv?.customerValueAdded?.value ?? ''} className={cv?.customerValueAdded?.value == null ? 'reason' : undefined}>
            {cv?.customerValueAdded?.value == null ? (cv?.customerValueAdded?.reason ?? '—') : ratio(cv.customerValueAdded.value)}
          </dd>
          <dt>
            Customer value ratio (quality {cv?.customerValueRatio?.qualityWeight ?? s?.cvrWeights.quality} / price {cv?.customerValueRatio?.priceWeight ?? s?.cvrWeights.price})
          </dt>
          <dd data-testid="cvr" data-value={cv?.customerValueRatio?.value ?? ''} className={cv?.customerValueRatio?.value == null ? 'reason' : undefined}>
            {cv?.customerValueRatio?.value == null ? (cv?.customerValueRatio?.reason ?? '—') : ratio(cv.customerValueRatio.value)}
          </dd>
        </dl>
        <p className="small">
          CLV convention:{' '}
          <strong data-testid="clv-convention">
            {s ? `${s.survival === 'present' ? 'present in year 1, r^(t−1)' : 'retained to year 1, r^t'}; acquisition cost ${formatMoney(s.acquisitionCostMinor, currency)}` : '—'}
          </strong>
        </p>
        <ul className="small definitions-list">
          <Definition id="customerValueAdded" definitions={definitions.data} />
          <Definition id="customerValueRatio" definitions={definitions.data} />
          <Definition id={clvDefinition} definitions={definitions.data} />
        </ul>
      </ChartCard>

      <ChartCard
        title="Customers without contracts"
        subtitle="value from purchase histories: BG/NBD purchases × Gamma-Gamma spend"
        testId="card-purchase-model"
        wide
        state={{
          error: model.error?.message,
          loading: model.loading && !model.data,
          empty: model.data && model.data.status !== 'ok' && emptyText(model.data),
        }}
      >
        {model.data?.status === 'ok' && <ModelBody m={model.data} definitions={definitions.data} />}
      </ChartCard>
    </>
  );
}

function emptyText(m: Model): string {
  if (m.status === 'empty')
    return `No purchases yet (${m.reason ?? 'none'}). Import a purchase history (Import › Purchases) to see each customer's expected purchases, probability of being a customer still, and CLV.`;
  return `Not enough purchase history to fit the models: ${m.reason ?? ''}.`;
}

function ModelBody({ m, definitions }: { m: Model; definitions: Definitions | undefined }) {
  const money = (minor: number | null) => (minor === null ? '—' : formatMoney(minor, m.currency));
  const t = m.totals!;
  const bg = m.bgnbd!;
  const gg = m.gammaGamma!;
  return (
    <div data-testid="purchase-model">
      <dl className="figure-list">
        <dt>Customer equity (Σ CLV, {m.clvYears} years)</dt>
        <dd data-testid="purchase-equity" data-value={t.customerEquityMinor ?? ''}>
          {money(t.customerEquityMinor)}
        </dd>
        <dt>Median CLV (net of acquisition cost)</dt>
        <dd data-testid="purchase-clv-median" data-value={t.clvMedianMinor ?? ''}>
          {money(t.clvMedianMinor)}
        </dd>
        <dt>Expected purchases, next {m.horizonWeeks} weeks</dt>
        <dd data-testid="purchase-expected" data-value={t.expectedPurchases}>
          {t.expectedPurchases.toFixed(1)}
        </dd>
        <dt>Mean probability still a customer</dt>
        <dd data-testid="purchase-alive" data-value={t.meanPAlive}>
          {percent(t.meanPAlive)}
        </dd>
      </dl>
      <p className="small muted" data-testid="purchase-fit">
        {formatInteger(m.customers)} customers ({formatInteger(m.repeatCustomers)} bought again) to {m.calibrationEnd}; BG/NBD r {bg.r.toFixed(3)}, α {bg.alpha.toFixed(3)}, a{' '}
        {bg.a.toFixed(3)}, b {bg.b.toFixed(3)} (log-likelihood {bg.logLikelihood.toFixed(1)}); Gamma-Gamma p {gg.p.toFixed(2)}, q {gg.q.toFixed(2)}, γ {gg.gamma.toFixed(2)}; margin{' '}
        {m.marginPct} %, discount {(m.discountRate * 100).toFixed(1)} % a year
        {m.otherCurrencyPurchases > 0 ? `; ${formatInteger(m.otherCurrencyPurchases)} purchases in other currencies left out` : ''}.
      </p>
      <table className="mini-table" data-testid="purchase-customers">
        <caption className="small muted">Highest CLV first</caption>
        <thead>
          <tr>
            <th scope="col">Customer</th>
            <th scope="col">Repeat purchases</th>
            <th scope="col">Expected purchases</th>
            <th scope="col">P(alive)</th>
            <th scope="col">CLV</th>
          </tr>
        </thead>
        <tbody>
          {m.rows.map((r) => (
            <tr key={r.accountId} data-account={r.accountId}>
              <td>
                <a href={`#/accounts/${r.accountId}`}>{r.accountName}</a>
              </td>
              <td>{r.x}</td>
              <td data-value={r.expectedPurchases}>{r.expectedPurchases.toFixed(2)}</td>
              <td data-value={r.pAlive}>{percent(r.pAlive)}</td>
              <td data-value={r.clvMinor ?? ''}>{money(r.clvMinor)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="small definitions-list">
        <Definition id={m.definitions.purchases} definitions={definitions} />
        <Definition id={m.definitions.alive} definitions={definitions} />
        <Definition id={m.definitions.clv} definitions={definitions} />
      </ul>
    </div>
  );
}
