import { describe, expect, it } from 'vitest';
import { requestActionProblem, requestAge } from './lifecycle';

describe('the request lifecycle', () => {
  it.each([
    ['requested', 'approve'],
    ['approved', 'schedule'],
    ['scheduled', 'schedule'],
    ['scheduled', 'complete'],
    ['requested', 'decline'],
    ['approved', 'decline'],
    ['scheduled', 'cancel'],
    ['requested', 'cancel'],
  ] as const)('allows %s -> %s', (status, action) => {
    expect(requestActionProblem(1, status, action)).toBeNull();
  });

  it.each([
    ['requested', 'schedule', 'only an approved request can be scheduled'],
    ['approved', 'complete', 'only a scheduled request can be completed'],
    ['approved', 'approve', 'only a requested request can be approved'],
    ['completed', 'cancel', 'only an open request (requested, approved or scheduled) can be cancelled'],
    ['cancelled', 'decline', 'only an open request (requested, approved or scheduled) can be declined'],
  ] as const)('refuses %s -> %s', (status, action, hint) => {
    expect(requestActionProblem(7, status, action)).toBe(`request 7 is ${status}: ${hint}`);
  });
});

describe('a request’s age and SLA', () => {
  const now = new Date('2026-03-10T12:00:00.000Z');
  it('counts whole days while open and flags more than 3', () => {
    expect(requestAge({ status: 'requested', requestedAt: '2026-03-07T12:00:00.000Z', closedAt: null }, { now, slaDays: 3 })).toEqual({
      daysOpen: 3,
      overdueSla: false,
      slaDays: 3,
    });
    expect(requestAge({ status: 'approved', requestedAt: '2026-03-07T11:59:59.000Z', closedAt: null }, { now, slaDays: 3 })).toEqual({
      daysOpen: 3,
      overdueSla: true,
      slaDays: 3,
    });
  });

  it('does not flag a scheduled request: it has had its answer, though it stays open', () => {
    expect(requestAge({ status: 'scheduled', requestedAt: '2026-03-01T12:00:00.000Z', closedAt: null }, { now, slaDays: 3 })).toEqual({
      daysOpen: 9,
      overdueSla: false,
      slaDays: 3,
    });
  });

  it('stops the clock at closing, and never flags a closed request', () => {
    expect(requestAge({ status: 'completed', requestedAt: '2026-03-01T12:00:00.000Z', closedAt: '2026-03-03T12:00:00.000Z' }, { now, slaDays: 3 })).toEqual({
      daysOpen: 2,
      overdueSla: false,
      slaDays: 3,
    });
    expect(requestAge({ status: 'cancelled', requestedAt: '2026-02-01T12:00:00.000Z', closedAt: '2026-03-01T12:00:00.000Z' }, { now, slaDays: 3 })).toEqual({
      daysOpen: 28,
      overdueSla: false,
      slaDays: 3,
    });
  });
});
