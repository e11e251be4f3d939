import type { TeamBudget } from '../../../../shared/contract/references';
import { formatDate } from '../../../../shared/format/format';
import { activityLabel } from './labels';

// The words of a team's budget warning (docs/team.md "Budgets"): the core counts, the screen only words it.

/** Which budget: the usage limit, the total, or an activity's. */
function budgetName(budgetOf: string): { name: string; word: string } {
  if (budgetOf === 'usage_limit_per_quarter') return { name: 'usage limit', word: 'limit' };
  if (budgetOf === 'total') return { name: 'total budget', word: 'budget' };
  return { name: `budget for ${activityLabel(budgetOf).toLowerCase()}s`, word: 'budget' };
}

/** "Over its usage limit: 2 asks in the last 90 days, limit 1, from 2 laptops while offline" */
export function teamBudgetHeadline(b: TeamBudget): string {
  const { name, word } = budgetName(b.budgetOf);
  const from = b.laptops > 1 ? `, from ${b.laptops} laptops while offline` : '';
  return `Over its ${name}: ${b.asks} ask${b.asks === 1 ? '' : 's'} in the last ${b.windowDays} days, ${word} ${b.budget}${from}`;
}

/** The card's shorter words: "Over its usage limit: 2 asks, limit 1, from 2 laptops" */
export function teamBudgetShort(b: TeamBudget): string {
  const { name, word } = budgetName(b.budgetOf);
  return `Over its ${name}: ${b.asks} ask${b.asks === 1 ? '' : 's'}, ${word} ${b.budget}${b.laptops > 1 ? `, from ${b.laptops} laptops` : ''}`;
}

/** "Back within budget on 31 May 2026" */
export const teamBudgetClears = (b: TeamBudget, locale?: string) => `Back within budget on ${formatDate(b.withinBudgetOn, locale)}`;

/** One counted ask: "Mia Sales · Reference call · 2 Mar 2026 · this laptop" */
export const teamBudgetAskText = (a: TeamBudget['asked'][number], locale?: string) =>
  `${a.requester} · ${activityLabel(a.activity)} · ${formatDate(a.day, locale)} · ${a.thisLaptop ? 'this laptop' : 'another laptop'}`;
