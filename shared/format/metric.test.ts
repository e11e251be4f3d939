import { describe, expect, it } from 'vitest';
import { formatDuration } from './duration';
import { describeChange, formatHours, formatInterval, formatMetric, roundAs, type RoundedUnit } from './metric';

describe('metric figures', () => {
  it('formats each unit for the locale', () => {
    expect(formatMetric(32.4, 'points', { locale: 'en-US' })).toBe('32');
    expect(formatMetric(-12.6, 'points', { locale: 'en-US' })).toBe('-13');
    expect(formatMetric(84.25, 'percent', { locale: 'en-US' })).toBe('84.3%');
    expect(formatMetric(84.25, 'percent', { locale: 'de-DE' })).toBe('84,3\u00a0%');
    expect(formatMetric(5.4, 'mean', { locale: 'en-US' })).toBe('5.4');
    expect(formatMetric(1520, 'count', { locale: 'en-US' })).toBe('1,520');
    expect(formatMetric(1_234_567_800, 'money', { locale: 'en-US', currency: 'USD', compact: true })).toBe('$12.3M');
    expect(formatMetric(1_234_567_800, 'money', { locale: 'en-US', currency: 'USD' })).toBe('$12,345,678');
    expect(formatMetric(500_000, 'money', { locale: 'en-US', currency: 'JPY' })).toBe('¥500,000');
  });

  it('says durations in the unit a person would use', () => {
    expect(formatDuration(45, 'en-US')).toBe('45 min');
    expect(formatDuration(135, 'en-US')).toBe('2.3 hr');
    expect(formatDuration(2880, 'en-US')).toBe('2 days');
    expect(formatHours(168, 'en-US')).toBe('7 days');
    expect(formatHours(1, 'en-US')).toBe('1 hr');
  });

  it('writes intervals in the figure’s unit', () => {
    expect(formatInterval(24.5, 39.5, 'points', { locale: 'en-US' })).toBe('25 – 40');
    expect(formatInterval(80.4, 87.5, 'percent', { locale: 'en-US' })).toBe('80.4% – 87.5%');
  });
});

describe('change against the previous period', () => {
  it('uses points and percentage points, and colours by which way is better', () => {
    expect(describeChange(32, 28, 'points', 'up', { locale: 'en-US' })).toMatchObject({ text: '+4 pts', tone: 'ok' });
    expect(describeChange(84.25, 86.5, 'percent', 'up', { locale: 'en-US' })).toMatchObject({ text: '−2.3 pp', tone: 'bad' });
    expect(describeChange(135, 150, 'minutes', 'down', { locale: 'en-US' })).toMatchObject({ text: '−15 min', tone: 'ok' });
    expect(describeChange(8, 6, 'percent', 'down', { locale: 'en-US' })).toMatchObject({ text: '+2 pp', tone: 'bad' });
    expect(describeChange(1520, 1400, 'count', 'none', { locale: 'en-US' })).toMatchObject({ text: '+120', tone: 'neutral' });
  });

  it('calls a change too small to show no change', () => {
    const change = describeChange(6.21, 6.2, 'percent', 'down', { locale: 'en-US' });
    expect(change).toMatchObject({ text: '±0', tone: 'neutral' });
    expect(change.description).toBe('unchanged from 6.2% in the previous period');
  });
});

describe('roundAs: the number a screen shows, for readable exports', () => {
  it.each([
    [84.25, 'percent', 84.3],
    [29.607020221289584, 'score', 30],
    [-12.5, 'points', -13],
    [12.5, 'points', 13],
    [5.04, 'mean', 5],
    [-0.4, 'points', 0],
    [1520.6, 'count', 1521],
  ] as [number, RoundedUnit, number][])('%d as %s is %d', (value, unit, expected) => expect(roundAs(value, unit)).toBe(expected));

  it('never writes a negative zero', () => {
    expect(formatMetric(-0.05, 'points', { locale: 'en-US' })).toBe('0');
    expect(formatMetric(-0.04, 'percent', { locale: 'en-US' })).toBe('0%');
  });

  it('agrees with the text formatMetric writes, for every unit it rounds', () => {
    for (const unit of ['points', 'percent', 'index', 'score', 'mean', 'count'] as const) {
      for (const value of [-50.55, -12.5, -0.05, 0, 0.45, 3.25, 49.95, 84.25, 99.99, 1234.5]) {
        expect(formatMetric(roundAs(value, unit), unit, { locale: 'en-US' }), `${value} ${unit}`).toBe(formatMetric(value, unit, { locale: 'en-US' }));
      }
    }
  });
});
