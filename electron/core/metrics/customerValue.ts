import type { CustomerValueSettings, ValueMapSettings } from '../../../shared/contract/settings';
import { DEFAULT_SETTINGS } from '../../../shared/contract/settings';
import { figure } from './figure';
import { noValue } from './types';
import { RATIO_ROUNDING_LABELS, relativePrice, relativeScore, valueMapPosition } from './valueMap';

/**
 * Customer value from the value-map survey stored in settings (Gale 1994; the arithmetic is in
 * valueMap.ts). Quality attributes give relative perceived quality; price attributes the
 * price-satisfaction score, from which relative price = 100 · 100 / score. The value advantage is
 * the distance above the fair-value line (slope 1 through parity (100, 100)): quality − price.
 * Without a survey every figure is null with the reason, so the dashboard can say what to enter.
 */

const NO_SURVEY = 'no value-map survey entered (Settings › Customer value)';

/**
 * Customer value added (Gale 1994, ch. 4): the perceived worth of our offer relative to the
 * competitor's, worth = quality for the price paid, so CVA = (Q/100) / (P/100) = Q / P with Q the
 * relative quality and P the relative price index. A ratio: 1 is parity, above 1 more worth.
 */
export function customerValueAdded(relativeQuality: number, relativePriceIndex: number): number | null {
  return relativePriceIndex > 0 && Number.isFinite(relativeQuality) ? relativeQuality / relativePriceIndex : null;
}

/**
 * Weighted customer value ratio: w_q · (Q / 100) + w_p · (S / 100), weights rescaled to sum 1, with Q
 * the relative (perceived) quality and S the price-satisfaction score; 1 is parity. E.g. 80/20.
 */
export function customerValueRatio(relativeQuality: number, priceSatisfaction: number, weights: { quality: number; price: number }): number | null {
  const sum = weights.quality + weights.price;
  if (!(sum > 0)) return null;
  return ((weights.quality / sum) * relativeQuality + (weights.price / sum) * priceSatisfaction) / 100;
}

export function customerValueFigures(survey: ValueMapSettings, weights: CustomerValueSettings['cvrWeights'] = DEFAULT_SETTINGS.customerValue.cvrWeights) {
  const competitor = survey.competitor;
  const quality = survey.quality.length ? relativeScore(survey.quality, survey.rounding) : noValue(`${NO_SURVEY}: no quality attributes`, 0, { contributions: [] });
  const price = survey.price.length ? relativeScore(survey.price, survey.rounding) : noValue(`${NO_SURVEY}: no price attributes`, 0, { contributions: [] });
  const relPrice = price.value === null ? noValue(price.reason ?? NO_SURVEY, price.n) : relativePrice(price);
  const place = quality.value !== null && relPrice.value !== null ? valueMapPosition(quality.value, relPrice.value) : null;
  const n = quality.n + price.n;
  const advantage = place ? { value: place.advantage, n } : noValue(quality.value === null ? (quality.reason ?? NO_SURVEY) : (relPrice.reason ?? NO_SURVEY), n);
  return {
    competitor,
    rounding: survey.rounding,
    roundingLabel: RATIO_ROUNDING_LABELS[survey.rounding],
    relativeQuality: { ...figure('valueMap', quality), contributions: quality.contributions },
    priceSatisfaction: { ...figure('valueMap', price), contributions: price.contributions },
    relativePrice: figure('valueMap', relPrice),
    valueAdvantage: figure('valueAdvantage', advantage),
    position: place?.position ?? null,
    customerValueAdded: figure('customerValueAdded', place ? { value: customerValueAdded(quality.value!, relPrice.value!), n } : noValue(advantage.reason ?? NO_SURVEY, n)),
    customerValueRatio: {
      ...figure(
        'customerValueRatio',
        quality.value !== null && price.value !== null
          ? { value: customerValueRatio(quality.value, price.value, weights), n }
          : noValue(quality.value === null ? (quality.reason ?? NO_SURVEY) : (price.reason ?? NO_SURVEY), n),
      ),
      qualityWeight: weights.quality,
      priceWeight: weights.price,
    },
  };
}
