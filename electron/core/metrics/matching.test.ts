import { describe, expect, it } from 'vitest';
import { MATCH_WEIGHTS, type MatchRequest, type ReferenceProfile, checkGates, rankReferences, similarity } from './matching';

const reference = (over: Partial<ReferenceProfile> = {}): ReferenceProfile => ({
  id: 1,
  industry: 'Banking',
  products: ['Ledger', 'Payments'],
  useCases: ['fraud detection'],
  sizeBand: 'enterprise',
  region: 'EMEA',
  competitorsDisplaced: ['Acme'],
  consents: ['call', 'case_study'],
  health: 85,
  recentRequests: 1,
  requestLimit: 3,
  ...over,
});

describe('reference matching fixture (metrics.md)', () => {
  it('weights: industry 30, product 20, use case 15, size band 15, region 10, competitor displaced 10', () => {
    expect(MATCH_WEIGHTS).toEqual({ industry: 30, product: 20, useCase: 15, sizeBand: 15, region: 10, competitor: 10 });
  });

  it('a reference matching industry, product and region scores 60 / 100', () => {
    const request: MatchRequest = {
      activity: 'call',
      industry: 'banking',
      products: ['Ledger'],
      useCases: ['onboarding'],
      sizeBand: 'mid-market',
      region: 'emea',
      competitor: 'Globex',
    };
    const r = similarity(request, reference());
    expect(r.value).toBe(60);
    expect(r.n).toBe(6);
    expect(r.contributions.map((c) => [c.criterion, c.points])).toEqual([
      ['industry', 30],
      ['product', 20],
      ['useCase', 0],
      ['sizeBand', 0],
      ['region', 10],
      ['competitor', 0],
    ]);
    expect(r.contributions.find((c) => c.criterion === 'competitor')?.reason).toBe('displaced Globex: no match');
  });
});

describe('similarity', () => {
  it.each([
    {
      name: 'everything matches',
      request: {
        industry: 'Banking',
        products: ['Ledger'],
        useCases: ['fraud detection'],
        sizeBand: 'enterprise',
        region: 'EMEA',
        competitor: 'acme',
      },
      value: 100,
      n: 6,
    },
    { name: 'nothing specified', request: {}, value: 0, n: 0 },
    { name: 'half the products', request: { products: ['Ledger', 'CRM'] }, value: 10, n: 1 },
    { name: 'industry only', request: { industry: ' BANKING ' }, value: 30, n: 1 },
    { name: 'competitor displaced', request: { competitor: 'Acme', region: 'APAC' }, value: 10, n: 2 },
  ])('$name -> $value', ({ request, value, n }) => {
    const r = similarity({ activity: 'call', ...request }, reference());
    expect(r.value).toBeCloseTo(value, 12);
    expect(r.n).toBe(n);
    expect(r.contributions.reduce((s, c) => s + c.points, 0)).toBeCloseTo(value, 12);
  });

  it('a criterion the request leaves empty says so', () => {
    const r = similarity({ activity: 'call' }, reference());
    expect(r.contributions.every((c) => c.reason === 'not specified by the request')).toBe(true);
  });
});

describe('hard gates, before the score', () => {
  it.each([
    { name: 'consented, healthy, not fatigued', ref: {}, activity: 'call', gate: null },
    { name: 'no consent for the activity', ref: {}, activity: 'site_visit', gate: 'consent' },
    { name: 'health below the threshold', ref: { health: 55 }, activity: 'call', gate: 'health' },
    { name: 'no health score', ref: { health: null }, activity: 'call', gate: 'health' },
    { name: 'fatigued', ref: { recentRequests: 3 }, activity: 'call', gate: 'fatigue' },
    { name: 'consent checked first', ref: { health: 10, recentRequests: 9 }, activity: 'site_visit', gate: 'consent' },
    { name: 'health before fatigue', ref: { health: 10, recentRequests: 9 }, activity: 'call', gate: 'health' },
  ])('$name -> $gate', ({ ref, activity, gate }) => {
    expect(checkGates({ activity }, reference(ref))?.gate ?? null).toBe(gate);
  });

  it('gives the reason of the gate', () => {
    expect(checkGates({ activity: 'call' }, reference({ health: 55 }))?.reason).toBe('health 55 (< 70)');
    expect(checkGates({ activity: 'call' }, reference({ recentRequests: 4 }))?.reason).toBe('4 recent requests (limit 3)');
    expect(checkGates({ activity: 'call' }, reference({ health: 60 }), 50)).toBeNull();
  });
});

describe('ranking', () => {
  it('ranks eligible references by similarity, then health, then fewer recent requests; lists the excluded', () => {
    const request: MatchRequest = { activity: 'call', industry: 'Banking', region: 'EMEA' };
    const { ranked, excluded } = rankReferences(request, [
      reference({ id: 'a', region: 'APAC' }), // 30
      reference({ id: 'b' }), // 40, health 85
      reference({ id: 'c', health: 95 }), // 40, health 95
      reference({ id: 'd', consents: [] }),
      reference({ id: 'e', recentRequests: 5 }),
      reference({ id: 'f', health: 95, recentRequests: 0 }), // 40, health 95, fresher than c
    ]);
    expect(ranked.map((r) => [r.id, r.similarity.value])).toEqual([
      ['f', 40],
      ['c', 40],
      ['b', 40],
      ['a', 30],
    ]);
    expect(excluded).toEqual([
      { id: 'd', gate: 'consent', reason: 'no consent for call' },
      { id: 'e', gate: 'fatigue', reason: '5 recent requests (limit 3)' },
    ]);
  });

  it('no references -> nothing ranked', () => {
    expect(rankReferences({ activity: 'call' }, [])).toEqual({ ranked: [], excluded: [] });
  });
});
