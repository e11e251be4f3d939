import { describe, expect, it } from 'vitest';
import { healthScore } from './health';
import { DEFAULT_HEALTH_WEIGHTS, adoptionComponent, engagementRecencyComponent, renewalProximityComponent, satisfactionComponent, supportComponent } from './healthComponents';

describe('engagement recency (≤ 30 days 100, ≤ 60 days 50, else 0)', () => {
  it.each([
    { days: 0, score: 100, reason: 'last touchpoint 0 days ago (≤ 30)' },
    { days: 1, score: 100, reason: 'last touchpoint 1 day ago (≤ 30)' },
    { days: 30, score: 100, reason: 'last touchpoint 30 days ago (≤ 30)' },
    { days: 31, score: 50, reason: 'last touchpoint 31 days ago (> 30)' },
    { days: 60, score: 50, reason: 'last touchpoint 60 days ago (> 30)' },
    { days: 95, score: 0, reason: 'last touchpoint 95 days ago (> 60)' },
    { days: null, score: null, reason: 'no touchpoint recorded' },
  ])('$days days -> $score', ({ days, score, reason }) => {
    expect(engagementRecencyComponent(days)).toEqual({ score, reason });
  });
});

describe('renewal proximity (passed 0, ≤ 30 days 25, ≤ 90 days 60, else 100)', () => {
  it.each([
    { days: -12, score: 0, reason: 'renewal date passed 12 days ago' },
    { days: 0, score: 25, reason: 'renewal in 0 days (≤ 30)' },
    { days: 20, score: 25, reason: 'renewal in 20 days (≤ 30)' },
    { days: 90, score: 60, reason: 'renewal in 90 days (≤ 90)' },
    { days: 200, score: 100, reason: 'renewal in 200 days (> 90)' },
    { days: null, score: null, reason: 'no renewal date' },
  ])('$days days -> $score', ({ days, score, reason }) => {
    expect(renewalProximityComponent(days)).toEqual({ score, reason });
  });
});

describe('support experience (median first response vs SLA, open backlog)', () => {
  const t = { slaMinutes: 60, backlogLimit: 5 };
  it.each([
    { median: 42, open: 3, score: 100, reason: 'median first response 42 min (≤ SLA 1 hr); 3 open tickets (≤ 5)' },
    { median: 90, open: 3, score: 75, reason: 'median first response 1.5 hr (> SLA 1 hr); 3 open tickets (≤ 5)' },
    { median: 150, open: 12, score: 0, reason: 'median first response 2.5 hr (> 2 × SLA 2 hr); 12 open tickets (> 10)' },
    { median: null, open: 7, score: 50, reason: '7 open tickets (> 5)' },
    { median: 30, open: null, score: 100, reason: 'median first response 30 min (≤ SLA 1 hr)' },
    { median: null, open: null, score: null, reason: 'no support data' },
  ])('median $median min, $open open -> $score', ({ median, open, score, reason }) => {
    expect(supportComponent({ medianFirstResponseMinutes: median, openTickets: open }, t)).toEqual({ score, reason });
  });
});

describe('satisfaction (NPS → (NPS + 100) / 2, CSAT % as is)', () => {
  it.each([
    { input: { nps: 25 }, score: 62.5, reason: 'NPS +25 → 62.5' },
    { input: { nps: -100 }, score: 0, reason: 'NPS -100 → 0' },
    { input: { csat: 69.16 }, score: 69.16, reason: 'CSAT 69.2 %' },
    { input: { nps: 50, csat: 65 }, score: 70, reason: 'NPS +50 → 75; CSAT 65 %' },
    { input: { nps: 50, csat: 65, npsN: 1, csatN: 14 }, score: 70, reason: 'NPS +50 → 75 (1 answer); CSAT 65 % (14 answers)' },
    { input: { nps: null, csat: undefined }, score: null, reason: 'no survey answers' },
  ])('$input -> $score', ({ input, score, reason }) => {
    expect(satisfactionComponent(input)).toEqual({ score, reason });
  });
});

describe('adoption (licences used / purchased, live / all deployments)', () => {
  it.each([
    { input: { licencesUsed: 45, licencesPurchased: 100 }, score: 45, reason: '45 of 100 licences used (45 %)' },
    { input: { licencesUsed: 120, licencesPurchased: 100 }, score: 100, reason: '120 of 100 licences used (100 %)' },
    { input: { liveDeployments: 1, deployments: 4 }, score: 25, reason: '1 of 4 deployments live (25 %)' },
    {
      input: { licencesUsed: 80, licencesPurchased: 100, liveDeployments: 1, deployments: 1 },
      score: 90,
      reason: '80 of 100 licences used (80 %); 1 of 1 deployment live (100 %)',
    },
    { input: { licencesUsed: 5, licencesPurchased: 0 }, score: null, reason: 'no licence or deployment data' },
    { input: {}, score: null, reason: 'no licence or deployment data' },
  ])('%# -> $score', ({ input, score, reason }) => {
    expect(adoptionComponent(input)).toEqual({ score, reason });
  });
});

describe('components feed the health score', () => {
  it('explains a red account', () => {
    const w = DEFAULT_HEALTH_WEIGHTS;
    const parts = {
      satisfaction: satisfactionComponent({ nps: -40 }),
      support: supportComponent({ medianFirstResponseMinutes: 600, openTickets: 14 }),
      adoption: adoptionComponent({ licencesUsed: 30, licencesPurchased: 100 }),
      engagement: engagementRecencyComponent(95),
      renewal: renewalProximityComponent(null),
    };
    const r = healthScore(Object.entries(parts).map(([id, p]) => ({ id, weight: w[id as keyof typeof w], ...p })));
    // (25·30 + 20·0 + 25·30 + 15·0) / 85 = 17.65; renewal has no data: coverage 85 %.
    expect(r.value).toBeCloseTo(1500 / 85, 12);
    expect(r.coveragePct).toBe(85);
    expect(r.band).toBe('red');
    expect(r.contributions.find((c) => c.id === 'engagement')?.reason).toBe('last touchpoint 95 days ago (> 60)');
    expect(r.missing).toEqual(['renewal']);
    expect(Object.values(w).reduce((s, x) => s + x, 0)).toBe(100);
  });
});
