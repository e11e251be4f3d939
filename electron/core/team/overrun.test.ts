import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/contract/settings';
import type { Ask } from '../leverage/fatigue';
import { overrunsOf } from './overrun';

const rules = DEFAULT_SETTINGS.leverage.fatigue; // window 90, calls 2, others 1, total 4
const call = (day: string): Ask => ({ activity: 'reference_call', at: `${day}T15:00:00.000Z`, completed: false, day });

describe('overrunsOf (the budgets asks merged from several laptops exceed)', () => {
  it('within every budget: none', () => {
    expect(overrunsOf([call('2026-03-01'), call('2026-03-05')], rules, '2026-03-10', null)).toEqual([]);
  });

  it('three calls of a budget of 2: over until the oldest but one leaves the window', () => {
    const asks = [call('2026-03-05'), call('2026-03-01'), call('2026-03-08')];
    const [over] = overrunsOf(asks, rules, '2026-03-10', null);
    // Back within 2 when the oldest (1 March) leaves: 1 March + 90 days.
    expect(over).toMatchObject({ field: 'reference_call', asks: 3, budget: 2, withinBudgetOn: '2026-05-30' });
    expect(over!.counted.map((a) => a.day)).toEqual(['2026-03-01', '2026-03-05', '2026-03-08']);
    expect(overrunsOf(asks, rules, '2026-05-29', null)).toHaveLength(1);
    expect(overrunsOf(asks, rules, '2026-05-30', null)).toEqual([]);
  });

  it('a usage limit replaces the total: two calls over a limit of one, and the day counts, not the instant', () => {
    const [over] = overrunsOf([call('2026-03-01'), call('2026-03-01')], rules, '2026-03-02', 1);
    expect(over).toMatchObject({ field: 'usage_limit_per_quarter', asks: 2, budget: 1, withinBudgetOn: '2026-05-30' });
  });

  it('a budget of 0: over until every ask has left', () => {
    const asks: Ask[] = [{ activity: 'site_visit', at: '2026-03-01T10:00:00.000Z', completed: false }];
    const [over] = overrunsOf(asks, { ...rules, budgets: { ...rules.budgets, site_visit: 0 } }, '2026-03-02', null);
    expect(over).toMatchObject({ field: 'site_visit', asks: 1, budget: 0, withinBudgetOn: '2026-05-30' });
  });
});
