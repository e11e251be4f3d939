import type { ValueMapSettings } from '../../../shared/contract/settings';
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

export function customerValueFigures(survey: ValueMapSettings) {
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
  };
}
