import { describe, expect, it } from 'vitest';
import { moveRefusal, resultChange, resultDelta, resultDeltaText, resultHeadlineSize, resultPeriod, resultVerification } from './stories';

describe('story moves', () => {
  it.each([
    ['idea', 'drafting', false],
    ['drafting', 'idea', false],
    ['drafting', 'customer_review', false],
    ['customer_review', 'drafting', false],
    ['customer_review', 'approved', true],
    ['approved', 'published', true],
    ['published', 'retired', false],
    ['retired', 'published', true],
    ['published', 'approved', true],
    ['approved', 'customer_review', false],
  ] as const)('%s -> %s is allowed (customer approval %s)', (from, to, approved) => {
    expect(moveRefusal(from, to, approved)).toBeNull();
  });

  it('refuses skipping a stage, naming the stages it may go to', () => {
    expect(moveRefusal('idea', 'customer_review', true)).toBe('A story moves one stage at a time: from idea it can go forward to drafting, not to customer review.');
    expect(moveRefusal('published', 'drafting', true)).toBe('A story moves one stage at a time: from published it can go forward to retired or back to approved, not to drafting.');
    expect(moveRefusal('retired', 'idea', true)).toContain('back to published');
  });

  it('refuses approved and published without the customer approval, in either direction', () => {
    expect(moveRefusal('customer_review', 'approved', false)).toBe("A story cannot be approved without the customer's approval: record the customer's approval first.");
    expect(moveRefusal('approved', 'published', false)).toMatch(/cannot be published/);
    expect(moveRefusal('retired', 'published', false)).toMatch(/cannot be published/);
    expect(moveRefusal('customer_review', 'drafting', false)).toBeNull();
  });

  it('treats staying where it is as no move', () => {
    expect(moveRefusal('approved', 'approved', false)).toBeNull();
  });
});

describe('how a result reads', () => {
  const base = { baseline: 12, achieved: 4, unit: 'hours' };
  it('shows baseline to achieved with the unit', () => {
    expect(resultChange(base)).toBe('12 → 4 hours');
    expect(resultChange({ ...base, baseline: null })).toBe('→ 4 hours');
    expect(resultChange({ baseline: 1250.5, achieved: 2000, unit: null })).toBe('1,250.5 → 2,000');
    expect(resultChange({ ...base, achieved: null })).toBeNull();
  });

  it('reads money in its currency and percentages with their sign on both sides', () => {
    expect(resultChange({ baseline: 18.6, achieved: 15.7, unit: 'USD' })).toBe('$18.60 → $15.70');
    expect(resultChange({ baseline: 18.6, achieved: 15.7, unit: 'EUR' }, 'de-DE')).toBe('18,60\u00a0€ → 15,70\u00a0€');
    expect(resultChange({ baseline: 12.4, achieved: 51.6, unit: '%' })).toBe('12.4 % → 51.6 %');
    expect(resultChange({ baseline: null, achieved: 51.6, unit: '%' })).toBe('→ 51.6 %');
    // Three capitals that are no currency stay a plain unit.
    expect(resultChange({ baseline: 3, achieved: 5, unit: 'FTE' })).toBe('3 → 5 FTE');
  });

  it('changes a percentage in points, never relatively; anything else relatively', () => {
    expect(resultDeltaText({ baseline: 12.4, achieved: 51.6, unit: '%' })).toBe('+39.2 pp');
    expect(resultDeltaText({ baseline: 80, achieved: 72.5, unit: '%' })).toBe('−7.5 pp');
    expect(resultDelta({ baseline: 12.4, achieved: 51.6, unit: '%' })).toBeNull();
    expect(resultDeltaText({ baseline: 12, achieved: 4, unit: 'hours' })).toBe('−67 %');
    expect(resultDeltaText({ baseline: 18.6, achieved: 15.7, unit: 'USD' })).toBe('−16 %');
    expect(resultDeltaText({ baseline: 0, achieved: 4, unit: 'hours' })).toBeNull();
    expect(resultHeadlineSize({ baseline: 12.4, achieved: 51.6, unit: '%' })).toBe('from 12 % to 52 %');
    expect(resultHeadlineSize({ baseline: 20, achieved: 12, unit: 'hours' })).toBe('by 40 %');
  });

  it('gives the relative change only when there is a non-zero baseline', () => {
    expect(resultDelta(base)).toBeCloseTo(-2 / 3);
    expect(resultDelta({ baseline: -10, achieved: -5 })).toBeCloseTo(0.5);
    expect(resultDelta({ baseline: 0, achieved: 5 })).toBeNull();
    expect(resultDelta({ baseline: null, achieved: 5 })).toBeNull();
  });

  it('names the period and who verified it', () => {
    expect(resultPeriod({ periodStart: '2026-01-01', periodEnd: '2026-06-30' })).toBe('Jan 2026 – Jun 2026');
    expect(resultPeriod({ periodStart: '2026-01-01', periodEnd: null })).toBe('from Jan 2026');
    expect(resultPeriod({ periodStart: null, periodEnd: null })).toBeNull();
    expect(resultVerification({ verifiedBy: 'Ana Ruiz', verifiedAt: '2026-02-10' })).toBe('Verified by Ana Ruiz on 2026-02-10');
    expect(resultVerification({ verifiedBy: 'Ana Ruiz', verifiedAt: null })).toBe('Verified by Ana Ruiz');
    expect(resultVerification({ verifiedBy: null, verifiedAt: '2026-02-10' })).toBeNull();
  });
});
