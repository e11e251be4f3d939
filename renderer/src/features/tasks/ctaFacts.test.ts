import { describe, expect, it } from 'vitest';
import { factLabel, factValue, shownFacts } from './ctaFacts';

describe("a call to action's facts as read", () => {
  it('turns keys into words', () => {
    expect(factLabel('plannedGoLive')).toBe('Planned go live');
    expect(factLabel('daysLate')).toBe('Days late');
    expect(factLabel('moment2')).toBe('Moment 2');
    expect(factLabel('band')).toBe('Band');
  });

  it('writes dates in the locale, codes as words, numbers grouped, names as they are', () => {
    expect(factValue('2026-10-22', 'en-US')).toBe('Oct 22, 2026');
    expect(factValue('2026-10-22', 'de-DE')).toBe('22.10.2026');
    expect(factValue('2026-11-18T09:30:00.000Z', 'en-US', 'UTC')).toBe('Nov 18, 2026, 9:30 AM');
    expect(factValue('in_progress', 'en-US')).toBe('In progress');
    expect(factValue('reference_call', 'en-US')).toBe('Reference call');
    expect(factValue(12345, 'en-US')).toBe('12,345');
    expect(factValue('Helio Service Desk', 'en-US')).toBe('Helio Service Desk');
    expect(factValue('red', 'en-US')).toBe('red');
  });

  it('leaves out record ids and empty facts, in the order recorded', () => {
    const shown = shownFacts({ deploymentId: 177, product: 'Helio', plannedGoLive: '2026-10-22', daysLate: 27, status: 'in_progress', previousBand: null }, 'en-US');
    expect(shown).toEqual([
      { key: 'product', label: 'Product', value: 'Helio' },
      { key: 'plannedGoLive', label: 'Planned go live', value: 'Oct 22, 2026' },
      { key: 'daysLate', label: 'Days late', value: '27' },
      { key: 'status', label: 'Status', value: 'In progress' },
    ]);
  });
});
