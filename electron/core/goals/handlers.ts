import type { ParsedInput } from '../../../shared/contract';
import { GOAL_KPI_LABELS, type Goal } from '../../../shared/contract/goals';
import type { Context } from '../context';
import { crudHandlers } from '../crud/handlers';
import { restoreHandler } from '../crud/restore';
import { CoreError } from '../errors';
import type { ChannelsOf, Handlers } from '../handlerTypes';
import { goalsTable } from './repo';
import { goalsStanding } from './standing';

const crud = crudHandlers('goals', goalsTable);

type Key = Pick<Goal, 'kpi' | 'periodStart' | 'periodEnd' | 'segment' | 'owner'>;

/**
 * One open goal per KPI, period and scope: two targets for the same figure would show the same row
 * twice with different verdicts, and neither the dashboard nor a manager could tell which one counts.
 */
async function checkUnique(ctx: Context, goal: Key, id?: number) {
  let query = ctx.db
    .selectFrom('goals')
    .select(['id', 'target'])
    .where('archivedAt', 'is', null)
    .where('kpi', '=', goal.kpi)
    .where('periodStart', '=', goal.periodStart)
    .where('periodEnd', '=', goal.periodEnd)
    .where('segment', goal.segment === null ? 'is' : '=', goal.segment)
    .where('owner', goal.owner === null ? 'is' : '=', goal.owner);
  if (id !== undefined) query = query.where('id', '!=', id);
  const other = await query.executeTakeFirst();
  if (other) {
    throw new CoreError(
      'CONFLICT',
      `kpi: ${GOAL_KPI_LABELS[goal.kpi]} already has a goal of ${other.target} for ${goal.periodStart} – ${goal.periodEnd} and this scope (goal ${other.id}); change that one instead`,
      [{ path: 'kpi', message: `already has a goal of ${other.target} for this period and scope` }],
    );
  }
}

export const goalsHandlers = {
  ...crud,
  'goals.create': async (input: ParsedInput<'goals.create'>, ctx: Context) => {
    await checkUnique(ctx, { kpi: input.kpi, periodStart: input.periodStart, periodEnd: input.periodEnd, segment: input.segment ?? null, owner: input.owner ?? null });
    return crud['goals.create'](input, ctx);
  },
  'goals.update': async (input: ParsedInput<'goals.update'>, ctx: Context) => {
    const stored = await crud['goals.get']({ id: input.id }, ctx);
    // An archived goal holds no place; its restore checks again.
    if (stored.archivedAt === null) {
      const merged: Key = {
        kpi: input.kpi ?? stored.kpi,
        periodStart: input.periodStart ?? stored.periodStart,
        periodEnd: input.periodEnd ?? stored.periodEnd,
        segment: input.segment === undefined ? stored.segment : input.segment,
        owner: input.owner === undefined ? stored.owner : input.owner,
      };
      await checkUnique(ctx, merged, input.id);
    }
    return crud['goals.update'](input, ctx);
  },
  'goals.restore': restoreHandler('goals', goalsTable, (ctx, goal) => checkUnique(ctx, goal, goal.id)),
  'goals.standing': (input: ParsedInput<'goals.standing'>, ctx: Context) => goalsStanding(ctx, input),
} satisfies Handlers<ChannelsOf<'goals'>>;
