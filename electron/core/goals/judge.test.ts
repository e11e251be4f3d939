import { describe, expect, it } from 'vitest';
import { judgeGoal } from './judge';

const figure = (value: number | null, n: number, low?: number, high?: number) => ({ definition: 'x', value, n, ...(low !== undefined ? { low, high } : {}) });

describe('judgeGoal', () => {
  it('meets a higher-is-better goal only when the whole interval is at or above it', () => {
    expect(judgeGoal('nps', 30, figure(40, 200, 32, 48)).status).toBe('met');
    expect(judgeGoal('nps', 30, figure(40, 20, 10, 70)).status).toBe('not_yet_clear');
    expect(judgeGoal('nps', 30, figure(10, 200, 2, 18)).status).toBe('missed');
  });
  it('turns round for lower-is-better KPIs', () => {
    // Median first response is every ticket, read from the sketch within 0.99 %: 3.5 lies in 3.4657–3.5350.
    const judged = judgeGoal('first_response_median', 4, figure(3.5, 100));
    expect(judged).toMatchObject({ status: 'met', direction: 'lower', interval: { kind: 'sketch' } });
    expect(judged.interval!.low).toBeCloseTo(3.4657, 4);
    expect(judged.interval!.high).toBeCloseTo(3.535, 4);
    expect(judgeGoal('first_response_median', 4, figure(4.5, 100)).status).toBe('missed');
  });
  it('gives a share without an interval a Wilson interval on its count', () => {
    // 9 of 10 renewed: 90 %, Wilson 95 % 59.6–98.2, so a goal of 85 % is not yet clear; 90 of 100 clears it.
    const small = judgeGoal('renewal_rate', 85, figure(90, 10));
    expect(small.status).toBe('not_yet_clear');
    expect(small.interval!.low).toBeCloseTo(59.58, 1);
    expect(small.interval!.high).toBeCloseTo(98.21, 1);
    expect(judgeGoal('renewal_rate', 80, figure(90, 100)).status).toBe('met');
  });
  it('never calls a survey figure without an interval met, and says when there is no figure', () => {
    expect(judgeGoal('nsat', 100, figure(150, 3)).status).toBe('not_yet_clear');
    expect(judgeGoal('csat', 80, { ...figure(null, 0), reason: 'no answers' })).toMatchObject({ status: 'no_data', explanation: 'no answers' });
  });
});

describe('census KPIs', () => {
  it('compares NRR and GRR as exact figures, even when a figure brings bounds; the median first response within its sketch band', () => {
    for (const kpi of ['nrr', 'grr'] as const) {
      const judged = judgeGoal(kpi, 100, figure(101, 40, 90, 110));
      expect(judged).toMatchObject({ status: 'met', interval: { kind: 'exact', low: 101, high: 101 } });
      expect(judged.explanation).toContain("every account's ARR");
      expect(judgeGoal(kpi, 102, figure(101, 40)).status).toBe('missed');
    }
    // 2 is read within 1 %: the true median lies in 1.9804–2.0200. A goal of at most 2.03 is met, 1.97 missed, 2 not yet clear.
    expect(judgeGoal('first_response_median', 2.03, figure(2, 30)).status).toBe('met');
    expect(judgeGoal('first_response_median', 1.97, figure(2, 30)).status).toBe('missed');
    expect(judgeGoal('first_response_median', 2, figure(2, 30))).toMatchObject({ status: 'not_yet_clear' });
    expect(judgeGoal('first_response_median', 2, figure(2, 30)).explanation).toContain('read within 1 %');
  });
});

describe('NSAT', () => {
  it('is judged on the interval its figure brings (metrics/nsat.ts)', () => {
    expect(judgeGoal('nsat', 120, figure(140, 100, 124.3, 155.7))).toMatchObject({ status: 'met', interval: { kind: 'metric', low: 124.3, high: 155.7 } });
    expect(judgeGoal('nsat', 140, figure(140, 100, 124.3, 155.7)).status).toBe('not_yet_clear');
    expect(judgeGoal('nsat', 160, figure(140, 100, 124.3, 155.7)).status).toBe('missed');
  });
});
