import { describe, expect, it } from 'vitest';
import { BASE_FEATURES } from './features';
import { stepText, valueText } from './units';

const feature = (key: string) => BASE_FEATURES.find((f) => f.key === key)!;

describe('churn feature values with their units (hand-computed)', () => {
  it('days, hours, years, counts, percentages, scores on their scale, sentiment', () => {
    expect(valueText(feature('daysSinceTouchpoint'), 45, 'USD')).toBe('45 days');
    expect(valueText(feature('goLiveDelayDays'), 1, 'USD')).toBe('1 day');
    expect(valueText(feature('firstResponseHours'), 5.25, 'USD')).toBe('5.3 hours');
    expect(valueText(feature('tenureYears'), 2.04, 'USD')).toBe('2 years');
    expect(valueText(feature('tickets90d'), 9, 'USD')).toBe('9');
    expect(valueText(feature('arrChange12m'), -12.5, 'USD')).toBe('-12.5 %');
    expect(valueText(feature('npsLast'), 7, 'USD')).toBe('7 on 0–10');
    expect(valueText(feature('csatMean12m'), 4.25, 'USD')).toBe('4.3 on 1–5');
    expect(valueText(feature('sentiment180d'), 0.5, 'USD')).toBe('+0.5 on -2–2');
    expect(valueText(feature('npsLast'), null, 'USD')).toBe('none');
    expect(valueText({ key: 'segment', label: 'segment', category: true }, null, 'USD')).toBe('unknown');
  });

  it('ARR in the workspace currency and employees as a count, the log undone', () => {
    // The model reads ln(1 + ARR in major units): ln(12,001) is ARR 12,000.
    expect(valueText(feature('logArr'), Math.log1p(12_000), 'USD')).toBe('$12,000');
    expect(valueText(feature('logArr'), Math.log1p(12_000), 'EUR')).toBe('€12,000');
    expect(valueText(feature('logEmployees'), Math.log1p(250), 'USD')).toBe('250');
  });

  it('one standard deviation in the unit; a factor for log features; none for a category', () => {
    expect(stepText(feature('daysSinceTouchpoint'), 30.4, 'USD')).toBe('30.4 days');
    expect(stepText(feature('logArr'), 1, 'USD')).toBe('×2.7');
    expect(stepText(feature('sentiment180d'), 0.8, 'USD')).toBe('0.8');
    expect(stepText({ key: 'segment', label: 'segment', category: true }, 1, 'USD')).toBeNull();
  });
});
