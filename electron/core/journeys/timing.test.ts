import { describe, expect, it } from 'vitest';
import { journeyTiming } from './timing';

const END = Date.parse('2026-07-01T00:00:00.000Z');
const day = (iso: string) => Date.parse(iso);

describe('journey timing across stages', () => {
  it('measures time in stage, position, drop-off and duration on known accounts', () => {
    const events = [
      // Account 1: stage 0 on Jan 1, stage 1 on Jan 11, stage 2 on Jan 31, still active in June.
      { accountId: 1, stage: 0, at: day('2026-01-01') },
      { accountId: 1, stage: 1, at: day('2026-01-11') },
      { accountId: 1, stage: 1, at: day('2026-01-05') }, // an earlier record in stage 1: the first one counts
      { accountId: 1, stage: 2, at: day('2026-01-31') },
      { accountId: 1, stage: 2, at: day('2026-06-15') },
      // Account 2: stage 0 on Jan 1, stage 1 on Jan 21, then silence: stalled in stage 1.
      { accountId: 2, stage: 0, at: day('2026-01-01') },
      { accountId: 2, stage: 1, at: day('2026-01-21') },
      // Account 3: only stage 0, churned on Feb 10.
      { accountId: 3, stage: 0, at: day('2026-02-01') },
      // After the period end: ignored.
      { accountId: 3, stage: 2, at: day('2026-08-01') },
    ];
    const churn = new Map([[3, day('2026-02-10')]]);
    const timing = journeyTiming(events, 3, (id) => churn.get(id) ?? null, END);

    expect(timing.accounts).toBe(3);
    // Stage 0: account 1 spent 4 days (Jan 1 -> Jan 5), account 2 spent 20: median 12.
    expect(timing.stages[0]).toEqual({ daysInStage: 12, daysInStageN: 2, accountsHere: 1, dropOff: 1 });
    // Stage 1: account 1 spent 26 days (Jan 5 -> Jan 31); account 2 stops here and stalled.
    expect(timing.stages[1]).toEqual({ daysInStage: 26, daysInStageN: 1, accountsHere: 1, dropOff: 1 });
    expect(timing.stages[2]).toEqual({ daysInStage: null, daysInStageN: 0, accountsHere: 1, dropOff: 0 });
    // Durations: account 1 Jan 1 -> Jun 15 = 165 days, account 2 20 days, account 3 9 days (to churn).
    expect(timing.durationMedianDays).toBe(20);
    expect(timing.durationP25Days).toBeCloseTo(14.5, 10);
    expect(timing.durationP75Days).toBeCloseTo(92.5, 10);
  });

  it('has no numbers without records', () => {
    const timing = journeyTiming([], 2, () => null, END);
    expect(timing.accounts).toBe(0);
    expect(timing.durationMedianDays).toBeNull();
    expect(timing.stages.map((s) => s.accountsHere)).toEqual([0, 0]);
  });
});
