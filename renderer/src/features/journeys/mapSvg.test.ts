import { describe, expect, it } from 'vitest';
import type { JourneyMap, MeasureResult } from '../../../../shared/contract/journeys';
import { mapSvg } from './mapSvg';

const stamps = { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };
const card = (id: number, stageId: number, name: string, lane: 'front' | 'back', isMomentOfTruth = false) => ({
  id,
  journeyStageId: stageId,
  position: 1,
  name,
  channel: null,
  ownerTeam: null,
  lane,
  isMomentOfTruth,
  idealExperience: null,
  target: { metric: 'csat' as const, operator: '>=' as const, value: 4.5 },
  matchRule: null,
  ...stamps,
});
const map: JourneyMap = {
  id: 1,
  personaId: null,
  personaName: null,
  name: 'Support <lead> & co',
  description: null,
  stageCount: 2,
  touchpointCount: 2,
  archivedAt: null,
  ...stamps,
  stages: [
    { id: 10, journeyMapId: 1, position: 1, name: 'Onboard', description: null, touchpoints: [card(100, 10, 'Kickoff', 'front', true)], ...stamps },
    { id: 11, journeyMapId: 1, position: 2, name: 'Get support', description: null, touchpoints: [card(101, 11, 'Survey', 'back')], ...stamps },
  ],
};
const measure: MeasureResult = {
  journeyMapId: 1,
  scope: { from: '2025-04-01', to: '2026-04-01', segment: null },
  touchpoints: [
    { journeyTouchpointId: 100, volume: 12, actual: 4.7, n: 10, gap: 0.2, verdict: 'met', answers: 10, satisfaction: 90 },
    { journeyTouchpointId: 101, volume: 5, actual: 3.1, n: 5, gap: -1.4, verdict: 'missed', answers: 5, satisfaction: 40 },
  ],
  stages: [
    { journeyStageId: 10, satisfaction: 90, satisfactionN: 10, daysInStage: 20, daysInStageN: 3, accountsHere: 2, dropOff: 0 },
    { journeyStageId: 11, satisfaction: 40, satisfactionN: 5, daysInStage: null, daysInStageN: 0, accountsHere: 1, dropOff: 1 },
  ],
  journey: { durationMedianDays: 20, durationP25Days: 10, durationP75Days: 30, accounts: 3 },
  unmapped: { touchpoints: 0, tickets: 0, surveyResponses: 0 },
};

describe('the map as an SVG drawing', () => {
  it('draws stages, cards coloured by verdict with their numbers, and the emotion line', () => {
    const { svg, width, height } = mapSvg(map, measure, 'Last 12 months');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(width).toBeGreaterThan(400);
    expect(height).toBeGreaterThan(200);
    expect(svg).toContain('Support &#60;lead&#62; &#38; co'); // escaped, still well-formed
    expect(svg).toContain('★ Kickoff');
    expect(svg).toContain('4.7 · target ≥ 4.5 (1–5)');
    expect(svg).toContain('n 10 · 12 records');
    expect(svg).toContain('fill="#e6f4ec"'); // met
    expect(svg).toContain('fill="#fbe7e6"'); // missed
    expect(svg).toMatch(/<polyline points="[\d.]+,[\d.]+ [\d.]+,[\d.]+"/);
    expect(new DOMParser().parseFromString(svg, 'image/svg+xml').querySelector('parsererror')).toBeNull();
  });

  it('draws a map without numbers yet', () => {
    const { svg } = mapSvg(map, undefined, '');
    expect(svg).toContain('— · target ≥ 4.5 (1–5)');
    expect(svg).not.toContain('<polyline');
  });
});
