import { type BgNbdParams, expectedPurchases, probabilityAlive } from './bgnbd';
import { expectedSpend, type GammaGammaParams } from './gammaGamma';

/**
 * Per-customer value from the two fitted models (Fader, Hardie & Lee 2005, "RFM and CLV"):
 * expected purchases in the next `horizonWeeks`, P(alive), the expected value of a purchase and
 * CLV = margin × E[spend] × Σ_k (E[Y(t_k)] − E[Y(t_(k−1))]) / (1 + i)^(t_k / 52), months t_k up to
 * `clvYears`, minus the acquisition cost. Money in the currency's major unit.
 */

export interface ScoreOptions {
  horizonWeeks: number;
  clvYears: number;
  /** Yearly discount rate, a fraction. */
  discount: number;
  /** Margin on purchases, a fraction. */
  margin: number;
  acquisitionCost: number;
}

export interface CustomerScore {
  expectedPurchases: number;
  pAlive: number;
  /** Null when the spend model has no population mean (q ≤ 1). */
  expectedSpend: number | null;
  /** Net of the acquisition cost; null without an expected spend. */
  clv: number | null;
  /** Σ discounted expected purchases over the CLV horizon (what the spend and margin multiply). */
  discountedPurchases: number;
}

const WEEKS_PER_MONTH = 52 / 12;

export function scoreCustomer(bg: BgNbdParams, gg: GammaGammaParams, c: { x: number; tx: number; T: number; zbar: number }, o: ScoreOptions): CustomerScore {
  let discounted = 0;
  let previous = 0;
  for (let k = 1; k <= o.clvYears * 12; k++) {
    const cumulative = expectedPurchases(bg, c.x, c.tx, c.T, k * WEEKS_PER_MONTH);
    discounted += (cumulative - previous) / (1 + o.discount) ** (k / 12);
    previous = cumulative;
  }
  const spend = expectedSpend(gg, c.x, c.zbar);
  return {
    expectedPurchases: expectedPurchases(bg, c.x, c.tx, c.T, o.horizonWeeks),
    pAlive: probabilityAlive(bg, c.x, c.tx, c.T),
    expectedSpend: spend,
    clv: spend === null ? null : o.margin * spend * discounted - o.acquisitionCost,
    discountedPurchases: discounted,
  };
}
