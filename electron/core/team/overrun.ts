import { DAY_MS } from '../../../shared/dates';
import { type Ask, dayOf, type FatigueRules, startOfDay } from '../leverage/fatigue';

/**
 * A reference's fatigue budgets it exceeds on day `on` (YYYY-MM-DD, the workspace's day), counted
 * as leverage/fatigue.ts counts them: the asks of days on − window + 1 … on (scheduled ones after
 * `on` too), per activity against its budget and all together against the total (the reference's
 * usage limit when set). A laptop never lets an ask past a budget, so an overrun here is asks
 * merged from several laptops (team/budget.ts). Pure: the callers read the asks.
 */
export interface Overrun<A extends Ask = Ask> {
  /** The activity, `total`, or `usage_limit_per_quarter`. */
  field: string;
  asks: number;
  budget: number;
  /** YYYY-MM-DD: the first day the count is back within the budget, as the asks stand. */
  withinBudgetOn: string;
  /** The counted asks, oldest first. */
  counted: A[];
}

const dayOfAsk = (a: Ask) => startOfDay(a.day ?? a.at);

export function overrunsOf<A extends Ask>(asks: readonly A[], rules: FatigueRules, on: string, usageLimit: number | null): Overrun<A>[] {
  const windowMs = rules.windowDays * DAY_MS;
  const from = startOfDay(on) - windowMs;
  const counted = asks
    .map((ask) => ({ ask, t: dayOfAsk(ask) }))
    .filter((a) => a.t > from)
    .sort((a, b) => a.t - b.t);
  const over: Overrun<A>[] = [];
  const check = (field: string, list: typeof counted, budget: number) => {
    if (list.length <= budget) return;
    // The count is back within budget when the (n − budget)-th oldest ask leaves the window.
    const leaving = list[list.length - budget - 1]!.t;
    over.push({ field, asks: list.length, budget, withinBudgetOn: dayOf(leaving + windowMs), counted: list.map((a) => a.ask) });
  };
  for (const activity of new Set(counted.map((a) => a.ask.activity))) {
    check(
      activity,
      counted.filter((a) => a.ask.activity === activity),
      rules.budgets[activity],
    );
  }
  check(usageLimit !== null ? 'usage_limit_per_quarter' : 'total', counted, usageLimit ?? rules.totalBudget);
  return over;
}
