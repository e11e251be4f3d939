import { expect, it } from 'vitest';
import { capacityBySegment } from './capacity';

it('supply of asks against open requests and forecast demand, per segment (hand-computed)', () => {
  const refs = [
    { segment: 'enterprise', budget: 4, asks: 1 },
    { segment: 'enterprise', budget: 3, asks: 5 }, // over budget: adds nothing
    { segment: 'smb', budget: 4, asks: 0 },
  ];
  const requests = [{ segment: 'enterprise' }, { segment: 'enterprise' }, { segment: 'mid_market' }];
  const deals = [
    // enterprise: 4 closed recently, 1 with a request -> share 1/4; 2 open without a request -> forecast 0.5
    { segment: 'enterprise', open: false, recentlyClosed: true, hasRequest: true },
    { segment: 'enterprise', open: false, recentlyClosed: true, hasRequest: false },
    { segment: 'enterprise', open: false, recentlyClosed: true, hasRequest: false },
    { segment: 'enterprise', open: false, recentlyClosed: true, hasRequest: false },
    { segment: 'enterprise', open: false, recentlyClosed: false, hasRequest: true },
    { segment: 'enterprise', open: true, recentlyClosed: false, hasRequest: false },
    { segment: 'enterprise', open: true, recentlyClosed: false, hasRequest: false },
    { segment: 'enterprise', open: true, recentlyClosed: false, hasRequest: true },
    // smb: no closed deals -> no forecast
    { segment: 'smb', open: true, recentlyClosed: false, hasRequest: false },
  ];
  expect(capacityBySegment(refs, requests, deals)).toEqual([
    { segment: 'enterprise', activeReferences: 2, supply: 3, openRequests: 2, forecast: 0.5, demand: 2.5, balance: 0.5 },
    { segment: 'mid_market', activeReferences: 0, supply: 0, openRequests: 1, forecast: 0, demand: 1, balance: -1 },
    { segment: 'smb', activeReferences: 1, supply: 4, openRequests: 0, forecast: 0, demand: 0, balance: 4 },
  ]);
});

it('nothing in the workspace: no segments', () => {
  expect(capacityBySegment([], [], [])).toEqual([]);
});
