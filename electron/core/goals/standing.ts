import type { Output, ParsedInput } from '../../../shared/contract';
import type { Goal } from '../../../shared/contract/goals';
import { addMonths } from '../../../shared/dates';
import type { Context } from '../context';
import { exclusive } from '../db/exclusive';
import { goalFigures, type GoalFigures } from './figures';
import { judgeGoal } from './judge';

/** `2026-Q4` → [2026-10-01, 2027-01-01). */
export function quarterRange(quarter: string): { from: string; to: string } {
  const [year, q] = [Number(quarter.slice(0, 4)), Number(quarter.slice(6))];
  const from = `${year}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`;
  return { from, to: addMonths(from, 3) };
}

export const quarterOf = (date: string) => `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;

export async function goalsStanding(ctx: Context, input: ParsedInput<'goals.standing'>): Promise<Output<'goals.standing'>> {
  const quarter = input.quarter ?? quarterOf(ctx.now().toISOString().slice(0, 10));
  const { from, to } = quarterRange(quarter);
  const goals = (await ctx.db
    .selectFrom('goals')
    .selectAll()
    .where('archivedAt', 'is', null)
    .where('periodStart', '<', to)
    .where('periodEnd', '>', from)
    .orderBy('kpi')
    .orderBy('periodStart')
    .orderBy('id')
    .execute()) as Goal[];
  // One computation of the figures per distinct period and scope, however many KPIs share it.
  const figures = new Map<string, GoalFigures>();
  const rows = [];
  for (const goal of goals) {
    const key = JSON.stringify([goal.periodStart, goal.periodEnd, goal.segment, goal.owner]);
    let figuresOf = figures.get(key);
    if (!figuresOf) {
      const query = {
        from: goal.periodStart,
        to: goal.periodEnd,
        granularity: 'month' as const,
        ...(goal.segment !== null ? { segment: [goal.segment] } : {}),
        ...(goal.owner !== null ? { owner: [goal.owner] } : {}),
      };
      figuresOf = await exclusive(ctx, (sqlite) => goalFigures(sqlite, query, ctx.now()));
      figures.set(key, figuresOf);
    }
    const figure = figuresOf.figures[goal.kpi];
    rows.push({ goal, figure, ...judgeGoal(goal.kpi, goal.target, figure) });
  }
  return { quarter, from, to, rows };
}
