import { describe, expect, it } from 'vitest';
import { formFrom, inputOf, metricsFor } from './touchpointForm';

describe('the touchpoint form', () => {
  it('turns the inputs into a target and a rule, leaving out what is empty', () => {
    const form = {
      ...formFrom(undefined, 7),
      name: 'Urgent ticket',
      source: 'tickets',
      priority: 'urgent',
      targetMetric: 'first_response_hours',
      targetOperator: '<=' as const,
      targetValue: '4',
    };
    const result = inputOf(form, 'en-US');
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({
        name: 'Urgent ticket',
        journeyStageId: 7,
        lane: 'front',
        channel: null,
        target: { metric: 'first_response_hours', operator: '<=', value: 4 },
        matchRule: { source: 'tickets', priority: 'urgent' },
      }),
    });
  });

  it('names the field that is wrong', () => {
    const base = { ...formFrom(undefined, 1), name: 'X', targetMetric: 'csat' };
    expect(inputOf({ ...base, targetValue: '' })).toMatchObject({ ok: false, field: 'targetValue' });
    expect(inputOf({ ...base, targetValue: 'high' })).toMatchObject({ ok: false, field: 'targetValue' });
    expect(inputOf({ ...base, targetValue: '4', source: 'deployments' })).toMatchObject({ ok: false, field: 'targetMetric' });
  });

  it('offers only the metrics the records can give', () => {
    expect(metricsFor('deployments')).toEqual(['time_to_go_live_days', 'on_time_go_live_pct', 'adoption_pct']);
    expect(metricsFor('tickets')).toContain('first_response_hours');
    expect(metricsFor('touchpoints')).not.toContain('first_response_hours');
  });

  it('round-trips a stored touchpoint', () => {
    const stored = {
      id: 1,
      journeyStageId: 3,
      position: 1,
      name: 'Kickoff',
      channel: 'in_person' as const,
      ownerTeam: 'CS',
      lane: 'back' as const,
      isMomentOfTruth: true,
      idealExperience: 'A plan',
      target: { metric: 'sentiment' as const, operator: '>=' as const, value: 1 },
      matchRule: { source: 'touchpoints' as const, kind: 'onboarding' as const },
      createdAt: '',
      updatedAt: '',
    };
    const result = inputOf(formFrom(stored, 9));
    expect(result.ok && result.value).toMatchObject({
      journeyStageId: 3,
      lane: 'back',
      channel: 'in_person',
      isMomentOfTruth: true,
      target: stored.target,
      matchRule: stored.matchRule,
    });
  });
});
