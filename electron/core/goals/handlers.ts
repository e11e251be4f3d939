import type { ParsedInput } from '../../../shared/contract';
import type { Context } from '../context';
import { crudHandlers } from '../crud/handlers';
import type { ChannelsOf, Handlers } from '../handlerTypes';
import { goalsTable } from './repo';
import { goalsStanding } from './standing';

export const goalsHandlers = {
  ...crudHandlers('goals', goalsTable),
  'goals.standing': (input: ParsedInput<'goals.standing'>, ctx: Context) => goalsStanding(ctx, input),
} satisfies Handlers<ChannelsOf<'goals'>>;
