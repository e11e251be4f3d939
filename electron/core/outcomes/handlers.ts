import { crudHandlers } from '../crud/handlers';
import { outcomesTable } from './repo';
import type { ChannelsOf, Handlers } from '../handlerTypes';

export const outcomesHandlers = crudHandlers('outcomes', outcomesTable) satisfies Handlers<ChannelsOf<'outcomes'>>;
