import type Database from 'better-sqlite3';
import type { ParsedInput } from '../../../shared/contract';
import type { PurchaseModel } from '../../../shared/contract/purchases';
import type { Settings } from '../../../shared/contract/settings';
import { type BgNbdFit, fitBgNbd } from './bgnbd';
import { fitGammaGamma, type GammaGammaFit } from './gammaGamma';
import { scoreCustomer } from './score';
import { type CustomerSummary, minorDigits, summarisePurchases } from './summary';

/**
 * `purchases.model`: the BG/NBD and Gamma-Gamma fits on the workspace's purchases in its currency,
 * and each customer's expected purchases, P(alive) and CLV. Fits are computed on demand and kept
 * in memory per connection while the purchases are unchanged (same count, last id and last update),
 * so no migration stores them.
 */

/** Fewer customers than this, or fewer with repeats, is no basis for a fit. */
const MIN_CUSTOMERS = 20;
const MIN_REPEAT_CUSTOMERS = 5;

interface Fitted {
  key: string;
  summary: CustomerSummary;
  bgnbd: BgNbdFit & { seconds: number };
  gammaGamma: GammaGammaFit & { seconds: number };
}
const cache = new WeakMap<Database.Database, Fitted>();

function timed<T>(fit: () => T): T & { seconds: number } {
  const start = performance.now();
  const result = fit();
  return { ...result, seconds: (performance.now() - start) / 1000 };
}

export function purchaseModel(sqlite: Database.Database, input: ParsedInput<'purchases.model'>, settings: Settings): PurchaseModel {
  const currency = settings.currency;
  const { purchaseMarginPct, acquisitionCostMinor } = settings.customerValue;
  const stats = sqlite
    .prepare<[{ c: string }], { n: number | null; other: number | null; lastDay: string | null; lastId: number | null; lastUpdate: string | null }>(
      `SELECT sum(currency = @c) AS n, sum(currency <> @c) AS other, max(CASE WHEN currency = @c THEN purchased_on END) AS lastDay, max(id) AS lastId, max(updated_at) AS lastUpdate FROM purchases`,
    )
    .get({ c: currency })!;
  const calibrationEnd = input.calibrationEnd ?? stats.lastDay;
  const base: PurchaseModel = {
    status: 'empty',
    reason: null,
    currency,
    otherCurrencyPurchases: stats.other ?? 0,
    calibrationEnd,
    customers: 0,
    repeatCustomers: 0,
    bgnbd: null,
    gammaGamma: null,
    horizonWeeks: input.horizonWeeks,
    clvYears: input.clvYears,
    discountRate: settings.discountRate,
    marginPct: purchaseMarginPct,
    acquisitionCostMinor,
    totals: null,
    rows: [],
    definitions: { purchases: 'bgnbdPurchases', alive: 'bgnbdAlive', clv: 'clvPurchases' },
  };
  if (!stats.n || calibrationEnd === null) return { ...base, reason: `no purchases in ${currency}${stats.other ? ` (${stats.other} in other currencies)` : ''}` };

  const scale = 10 ** minorDigits(currency);
  const key = [currency, calibrationEnd, stats.n, stats.lastId, stats.lastUpdate].join('|');
  let fitted = cache.get(sqlite);
  if (fitted?.key !== key) {
    const rows = sqlite
      .prepare<[string, string], { accountId: number; day: string; amount: number }>(
        `SELECT account_id AS accountId, purchased_on AS day, amount_minor AS amount FROM purchases WHERE currency = ? AND purchased_on <= ? ORDER BY account_id, purchased_on`,
      )
      .all(currency, calibrationEnd);
    const summary = summarisePurchases(
      rows.map((r) => ({ ...r, amount: r.amount / scale })),
      calibrationEnd,
    );
    const repeats = summary.x.filter((x) => x > 0).length;
    if (summary.accountIds.length < MIN_CUSTOMERS || repeats < MIN_REPEAT_CUSTOMERS) {
      return {
        ...base,
        status: 'tooFew',
        customers: summary.accountIds.length,
        repeatCustomers: repeats,
        reason: `${summary.accountIds.length} customers with purchases, ${repeats} of them buying again, by ${calibrationEnd}: the models need at least ${MIN_CUSTOMERS} customers and ${MIN_REPEAT_CUSTOMERS} who bought again`,
      };
    }
    fitted = { key, summary, bgnbd: timed(() => fitBgNbd(summary)), gammaGamma: timed(() => fitGammaGamma(summary)) };
    cache.set(sqlite, fitted);
  }
  return { ...base, ...scoreAll(sqlite, fitted, input, settings, scale) };
}

function scoreAll(sqlite: Database.Database, fitted: Fitted, input: ParsedInput<'purchases.model'>, settings: Settings, scale: number): Partial<PurchaseModel> {
  const { summary, bgnbd, gammaGamma } = fitted;
  const options = {
    horizonWeeks: input.horizonWeeks,
    clvYears: input.clvYears,
    discount: settings.discountRate,
    margin: settings.customerValue.purchaseMarginPct / 100,
    acquisitionCost: settings.customerValue.acquisitionCostMinor / scale,
  };
  const scored = summary.accountIds.map((accountId, i) => {
    const c = { x: summary.x[i]!, tx: summary.tx[i]!, T: summary.T[i]!, zbar: summary.zbar[i]! };
    return { accountId, c, s: scoreCustomer(bgnbd.params, gammaGamma.params, c, options) };
  });
  let purchases = 0;
  let alive = 0;
  let equity = 0;
  for (const { s } of scored) {
    purchases += s.expectedPurchases;
    alive += s.pAlive;
    if (s.clv !== null) equity += s.clv + options.acquisitionCost;
  }
  const clvs = scored.map(({ s }) => s.clv).filter((v): v is number => v !== null);
  const sortedClv = [...clvs].sort((a, b) => a - b);
  const mid = sortedClv.length / 2;
  const median = sortedClv.length === 0 ? null : sortedClv.length % 2 ? sortedClv[Math.floor(mid)]! : (sortedClv[mid - 1]! + sortedClv[mid]!) / 2;
  const page =
    input.accountId === undefined
      ? [...scored].sort((a, b) => (b.s.clv ?? -Infinity) - (a.s.clv ?? -Infinity) || a.accountId - b.accountId).slice(input.offset, input.offset + input.limit)
      : scored.filter((row) => row.accountId === input.accountId);
  const names = new Map(
    page.length
      ? sqlite
          .prepare<number[], { id: number; name: string }>(`SELECT id, name FROM accounts WHERE id IN (${page.map(() => '?').join(',')})`)
          .all(...page.map((p) => p.accountId))
          .map((r) => [r.id, r.name])
      : [],
  );
  return {
    status: 'ok',
    customers: summary.accountIds.length,
    repeatCustomers: gammaGamma.n,
    bgnbd: { ...bgnbd.params, logLikelihood: bgnbd.logLikelihood, n: bgnbd.n, converged: bgnbd.converged, seconds: bgnbd.seconds },
    gammaGamma: { ...gammaGamma.params, logLikelihood: gammaGamma.logLikelihood, n: gammaGamma.n, converged: gammaGamma.converged, seconds: gammaGamma.seconds },
    totals: {
      expectedPurchases: purchases,
      meanPAlive: alive / scored.length,
      customerEquityMinor: clvs.length ? equity * scale : null,
      clvMedianMinor: median === null ? null : median * scale,
    },
    rows: page.map(({ accountId, c, s }) => ({
      accountId,
      accountName: names.get(accountId) ?? `#${accountId}`,
      x: c.x,
      tx: c.tx,
      T: c.T,
      zbarMinor: c.zbar * scale,
      expectedPurchases: s.expectedPurchases,
      pAlive: s.pAlive,
      expectedSpendMinor: s.expectedSpend === null ? null : s.expectedSpend * scale,
      clvMinor: s.clv === null ? null : s.clv * scale,
    })),
  };
}
