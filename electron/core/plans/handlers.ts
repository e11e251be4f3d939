import type { Output, ParsedInput } from '../../../shared/contract';
import type { Context } from '../context';
import { crudHandlers } from '../crud/handlers';
import { restoreHandler } from '../crud/restore';
import { CoreError } from '../errors';
import type { ChannelsOf, Handlers } from '../handlerTypes';
import { objectiveProgress, planProgress } from './progress';
import { milestonesTable, objectivesTable, plansTable } from './repo';

const plans = crudHandlers('plans', plansTable);
const objectives = crudHandlers('planObjectives', objectivesTable);

/** An objective measured by an outcome measures that account's result, never another customer's. */
async function checkOutcomeAccount(ctx: Context, planId: number | undefined, outcomeId: number | null | undefined, objectiveId?: number) {
  if (outcomeId == null) return;
  const plan =
    planId !== undefined
      ? await ctx.db.selectFrom('successPlans').select('accountId').where('id', '=', planId).executeTakeFirst()
      : await ctx.db
          .selectFrom('planObjectives')
          .innerJoin('successPlans', 'successPlans.id', 'planObjectives.planId')
          .select('successPlans.accountId')
          .where('planObjectives.id', '=', objectiveId!)
          .executeTakeFirst();
  const outcome = await ctx.db.selectFrom('outcomes').select('accountId').where('id', '=', outcomeId).executeTakeFirst();
  if (plan && outcome && plan.accountId !== outcome.accountId) {
    throw new CoreError('BAD_INPUT', `outcomeId: outcome ${outcomeId} belongs to another account than the plan`);
  }
}

/** An account's plans with the progress the account page shows. */
async function accountPlans(ctx: Context, accountId: number): Promise<Output<'plans.account'>> {
  const today = ctx.now().toISOString().slice(0, 10);
  const rows = await ctx.db
    .selectFrom('successPlans')
    .selectAll()
    .where('accountId', '=', accountId)
    .where('archivedAt', 'is', null)
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const ids = rows.map((p) => p.id);
  if (ids.length === 0) return [];
  const objectiveRows = await ctx.db
    .selectFrom('planObjectives')
    .leftJoin('outcomes', (join) => join.onRef('outcomes.id', '=', 'planObjectives.outcomeId').on('outcomes.archivedAt', 'is', null))
    .selectAll('planObjectives')
    .select(['outcomes.achieved as outcomeAchieved', 'outcomes.metric as outcomeMetric'])
    .where('planObjectives.planId', 'in', ids)
    .where('planObjectives.archivedAt', 'is', null)
    .orderBy('planObjectives.id')
    .execute();
  const milestoneRows = await ctx.db
    .selectFrom('planMilestones')
    .selectAll()
    .where('planId', 'in', ids)
    .where('archivedAt', 'is', null)
    .orderBy(({ fn, ref }) => fn.coalesce(ref('dueDate'), ref('createdAt')))
    .orderBy('id')
    .execute();
  return rows.map((plan) => {
    const objectivesOf = objectiveRows
      .filter((o) => o.planId === plan.id)
      .map(({ outcomeAchieved, outcomeMetric, ...o }) => {
        const fromOutcome = o.outcomeId !== null && outcomeAchieved !== null;
        const value = fromOutcome ? outcomeAchieved : o.current;
        return {
          ...o,
          value,
          valueSource: fromOutcome ? ('outcome' as const) : o.current !== null ? ('entered' as const) : null,
          outcomeMetric: o.outcomeId !== null ? outcomeMetric : null,
          progress: objectiveProgress(o.baseline, o.target, value),
        };
      });
    const milestonesOf = milestoneRows.filter((m) => m.planId === plan.id).map((m) => ({ ...m, overdue: m.doneAt === null && m.dueDate !== null && m.dueDate < today }));
    return {
      plan,
      objectives: objectivesOf,
      milestones: milestonesOf,
      progress: planProgress(
        objectivesOf.map((o) => o.progress),
        milestonesOf.map((m) => m.doneAt !== null),
      ),
    };
  });
}

export const plansHandlers = {
  ...plans,
  'plans.restore': restoreHandler('plans', plansTable),
  'plans.account': (input: ParsedInput<'plans.account'>, ctx: Context) => accountPlans(ctx, input.accountId),
  ...objectives,
  'planObjectives.create': async (input: ParsedInput<'planObjectives.create'>, ctx: Context) => {
    await checkOutcomeAccount(ctx, input.planId, input.outcomeId);
    return objectives['planObjectives.create'](input, ctx);
  },
  'planObjectives.update': async (input: ParsedInput<'planObjectives.update'>, ctx: Context) => {
    await checkOutcomeAccount(ctx, input.planId, input.outcomeId, input.id);
    return objectives['planObjectives.update'](input, ctx);
  },
  'planObjectives.restore': restoreHandler('planObjectives', objectivesTable),
  ...crudHandlers('planMilestones', milestonesTable),
  'planMilestones.restore': restoreHandler('planMilestones', milestonesTable),
} satisfies Handlers<ChannelsOf<'plans'> | ChannelsOf<'planObjectives'> | ChannelsOf<'planMilestones'>>;
