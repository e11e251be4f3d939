import { expect, it } from 'vitest';
import { dayText, gateLabel, percentText, pointsText, readinessTone, scoreText } from './labels';

it('formats scores, points, shares and days for the leverage screens', () => {
  expect(scoreText(69.6)).toBe('70');
  expect(scoreText(null)).toBe('—');
  expect(pointsText(24.04)).toBe('24.0');
  expect(pointsText(null)).toBe('—');
  expect(percentText(66.666, 1)).toBe('66.7 %');
  expect(percentText(null)).toBe('—');
  expect(dayText('2026-04-11')).toBe('11 Apr 2026');
  expect(dayText(null)).toBe('—');
  expect(gateLabel('fatigue')).toBe('Fatigued');
});

it('tones readiness against the candidate threshold', () => {
  expect(readinessTone(70, 70)).toBe('ok');
  expect(readinessTone(60, 70)).toBe('warn');
  expect(readinessTone(54.9, 70)).toBe('bad');
  expect(readinessTone(null, 70)).toBe('neutral');
});
