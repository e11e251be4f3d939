import { describe, expect, it } from 'vitest';
import { cardFigure, describeRule, formatTarget, formatValue, sourceTabLabel } from './journeyFormat';

describe('journey map words and numbers', () => {
  it.each([
    ['csat', 4.333, '4.33'],
    ['first_response_hours', 3.25, '3.25 h'],
    ['first_response_hours', 26.4, '26.4 h'],
    ['time_to_go_live_days', 58.4, '58 days'],
    ['on_time_go_live_pct', 81.6, '82 %'],
    ['nps', 12.4, '+12'],
    ['nps', -8, '-8'],
  ] as const)('%s %d reads %s', (metric, value, text) => {
    expect(formatValue(metric, value)).toBe(text);
  });

  it('shows actual against target, or why there is no number', () => {
    const target = { metric: 'csat', operator: '>=', value: 4.5 } as const;
    const measure = { journeyTouchpointId: 1, volume: 10, actual: 4.1, n: 8, gap: -0.4, verdict: 'near', answers: 8, satisfaction: 70 } as const;
    expect(cardFigure(target, measure)).toBe('4.1 · target ≥ 4.5 (1–5)');
    expect(cardFigure(target, { ...measure, actual: null, n: 0 })).toBe('— · target ≥ 4.5 (1–5)');
    // A number without a unit says its scale: "0.7 vs ≥ 1" said nothing.
    expect(cardFigure({ metric: 'sentiment', operator: '>=', value: 1 }, { ...measure, actual: 0.7 })).toBe('0.7 · target ≥ 1 (−2 to +2)');
    expect(cardFigure({ metric: 'first_response_hours', operator: '<=', value: 4 }, { ...measure, actual: 3.2 })).toBe('3.2 h · target ≤ 4 h');
    expect(cardFigure(null, measure)).toBe('No target set');
    expect(formatTarget({ metric: 'first_response_hours', operator: '<=', value: 4 })).toBe('≤ 4 h');
  });

  it('describes rules in words', () => {
    expect(describeRule({ source: 'tickets', priority: 'urgent', topic: 'Billing' })).toBe('Tickets · urgent · Billing');
    expect(describeRule({ source: 'touchpoints', kind: 'onboarding' })).toBe('Interactions · Onboarding');
    expect(describeRule({ source: 'surveyResponses', surveyKind: 'csat', triggeredBy: 'ticket' })).toBe('Survey answers · CSAT · after a ticket');
    expect(describeRule(null)).toBe('Linked by hand only');
  });

  it('names the sources of the unmapped tabs with their counts once measured', () => {
    expect(sourceTabLabel('surveyResponses', 1234)).toBe('Survey answers (1,234)');
    expect(sourceTabLabel('tickets', 0)).toBe('Tickets (0)');
    expect(sourceTabLabel('touchpoints', undefined)).toBe('Interactions');
  });
});
