import { describe, expect, it } from 'vitest';
import { MATCH_WEIGHTS, type MatchRequest, type ReferenceProfile, similarity, similarityValue, sizeBandOf } from './matching';

const reference = (over: Partial<ReferenceProfile> = {}): ReferenceProfile => ({
  industry: 'Banking',
  products: ['Ledger', 'Payments'],
  useCases: ['fraud detection'],
  sizeBand: 'enterprise',
  region: 'EMEA',
  competitorsDisplaced: ['Acme'],
  ...over,
});

describe('reference matching fixture (metrics.md)', () => {
  it('weights: industry 30, product 20, use case 15, size band 15, region 10, competitor displaced 10', () => {
    expect(MATCH_WEIGHTS).toEqual({ industry: 30, product: 20, useCase: 15, sizeBand: 15, region: 10, competitor: 10 });
  });

  it('industry, product and region -> 60/100', () => {
    const request: MatchRequest = {
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
    expect(r.contributions.map((c) => c.reason)).toEqual([
      'same industry (banking)',
      'also uses Ledger',
      'no requested use case in common',
      'other size (enterprise)',
      'same region (emea)',
      'did not replace Globex',
    ]);
  });
});

describe('similarity', () => {
  it.each([
    {
      name: 'everything matches',
      request: { industry: 'Banking', products: ['Ledger'], useCases: ['fraud detection'], sizeBand: 'enterprise', region: 'EMEA', competitor: 'acme' },
      value: 100,
      n: 6,
    },
    { name: 'nothing specified', request: {}, value: 0, n: 0 },
    { name: 'half the products', request: { products: ['Ledger', 'CRM'] }, value: 10, n: 1 },
    { name: 'industry only', request: { industry: ' BANKING ' }, value: 30, n: 1 },
    { name: 'competitor displaced', request: { competitor: 'Acme', region: 'APAC' }, value: 10, n: 2 },
  ])('$name -> $value', ({ request, value, n }) => {
    const r = similarity(request, reference());
    expect(r.value).toBeCloseTo(value, 12);
    expect(similarityValue(request, reference())).toBeCloseTo(value, 12);
    expect(r.n).toBe(n);
    expect(r.contributions.reduce((s, c) => s + c.points, 0)).toBeCloseTo(value, 12);
  });

  it('names the reasons a reference manager reads', () => {
    const r = similarity({ competitor: 'Acme', products: ['Ledger', 'CRM'] }, reference());
    expect(r.contributions.find((c) => c.criterion === 'competitor')?.reason).toBe('also replaced competitor Acme');
    expect(r.contributions.find((c) => c.criterion === 'product')?.reason).toBe('also uses Ledger (1 of 2)');
  });

  it('a criterion the request leaves empty says so', () => {
    const r = similarity({}, reference());
    expect(r.contributions.every((c) => c.reason === 'not specified by the request' && !c.specified)).toBe(true);
  });

  it('configurable weights: points stay out of 100', () => {
    const weights = { industry: 1, product: 1, useCase: 0, sizeBand: 0, region: 0, competitor: 0 };
    const r = similarity({ industry: 'Banking', products: ['CRM'] }, reference(), weights);
    expect(r.value).toBe(50);
    expect(r.contributions.find((c) => c.criterion === 'industry')?.points).toBe(50);
    expect(similarity({ industry: 'Banking' }, reference(), { ...weights, industry: 0, product: 0 }).value).toBeNull();
  });
});

describe('size bands', () => {
  it.each([
    [10, null, '1-249 employees'],
    [249, 'smb', '1-249 employees'],
    [250, null, '250-2,499 employees'],
    [2500, null, '2,500+ employees'],
    [null, 'enterprise', 'segment enterprise'],
    [undefined, null, null],
  ])('%s employees, segment %s -> %s', (count, segment, band) => {
    expect(sizeBandOf(count, segment)).toBe(band);
  });
});
