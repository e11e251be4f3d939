import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/contract/settings';
import { similarity } from '../metrics/matching';
import { blendScore, byRank, freshness, rankScore } from './rank';

const weights = DEFAULT_SETTINGS.leverage.scoreWeights; // 60 / 25 / 15

describe('freshness', () => {
  it.each([
    [null, 100, 'never used yet'],
    [0, 0, 'last used 0 days ago'],
    [45, 25, 'last used 45 days ago'],
    [1, 100 / 180, 'last used 1 day ago'],
    [400, 100, 'last used 400 days ago'],
  ])('%s days -> %s', (days, score, reason) => {
    expect(freshness(days)).toEqual({ score, reason });
  });
});

describe('the finder score', () => {
  const match = similarity({ industry: 'Banking', region: 'EMEA', competitor: 'Acme' }, { industry: 'banking', region: 'APAC', competitorsDisplaced: ['Acme'] });

  it('blends similarity, readiness and freshness by their weights, each part shown', () => {
    // similarity (30 + 10) / 100 = 40; readiness 80; 45 days -> 25
    const r = rankScore(match, 80, 45, weights);
    expect(match.value).toBe(40);
    expect(r.score).toBeCloseTo((60 * 40 + 25 * 80 + 15 * 25) / 100, 10); // 47.75
    expect(r.parts.map((p) => [p.id, p.score, p.points])).toEqual([
      ['similarity', 40, 24],
      ['readiness', 80, 20],
      ['freshness', 25, 3.75],
    ]);
    expect(r.reasons).toEqual(['same industry (Banking)', 'also replaced competitor Acme', 'readiness 80', 'last used 45 days ago']);
    expect(r.parts[0]!.reason).toBe('2 of 3 asked criteria match');
  });

  it('the blended score alone equals the sum of the parts', () => {
    expect(blendScore(40, 80, 45, weights)).toBeCloseTo(rankScore(match, 80, 45, weights).score, 10);
    expect(blendScore(40, null, null, weights)).toBeCloseTo(rankScore(match, null, null, weights).score, 10);
    expect(blendScore(null, null, null, { similarity: 1, readiness: 1, freshness: 0 })).toBe(0);
  });

  it('a missing readiness is left out and the rest renormalised', () => {
    expect(rankScore(match, null, null, weights).score).toBeCloseTo((60 * 40 + 15 * 100) / 75, 10);
  });

  it('orders by score, then similarity, then id', () => {
    const rows = [
      { referenceId: 3, score: 50, similarity: 40 },
      { referenceId: 1, score: 50, similarity: 40 },
      { referenceId: 2, score: 50, similarity: 60 },
      { referenceId: 4, score: 70, similarity: 0 },
    ];
    expect(rows.sort(byRank).map((r) => r.referenceId)).toEqual([4, 2, 1, 3]);
  });
});
