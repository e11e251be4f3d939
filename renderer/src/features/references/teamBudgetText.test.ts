import { describe, expect, it } from 'vitest';
import type { TeamBudget } from '../../../../shared/contract/references';
import { teamBudgetAskText, teamBudgetClears, teamBudgetHeadline, teamBudgetShort } from './teamBudgetText';

const budget: TeamBudget = {
  budgetOf: 'usage_limit_per_quarter',
  asks: 2,
  budget: 1,
  windowDays: 90,
  withinBudgetOn: '2026-05-31',
  laptops: 2,
  asked: [
    { requester: 'Mia Sales', activity: 'reference_call', day: '2026-03-02', thisLaptop: true, laptop: 'a' },
    { requester: 'Max Sales', activity: 'reference_call', day: '2026-03-10', thisLaptop: false, laptop: 'b' },
  ],
};

describe('the words of a team budget warning', () => {
  it('names the budget, the asks, the laptops and the day it clears', () => {
    expect(teamBudgetHeadline(budget)).toBe('Over its usage limit: 2 asks in the last 90 days, limit 1, from 2 laptops while offline');
    expect(teamBudgetShort(budget)).toBe('Over its usage limit: 2 asks, limit 1, from 2 laptops');
    expect(teamBudgetClears(budget, 'en-GB')).toBe('Back within budget on 31 May 2026');
    expect(teamBudgetAskText(budget.asked[1]!, 'en-GB')).toBe('Max Sales · Reference call · 10 Mar 2026 · another laptop');
  });

  it("an activity's budget and the total", () => {
    expect(teamBudgetHeadline({ ...budget, budgetOf: 'reference_call', asks: 3, budget: 2 })).toBe(
      'Over its budget for reference calls: 3 asks in the last 90 days, budget 2, from 2 laptops while offline',
    );
    expect(teamBudgetShort({ ...budget, budgetOf: 'total', asks: 5, budget: 4, laptops: 1 })).toBe('Over its total budget: 5 asks, budget 4');
  });
});
