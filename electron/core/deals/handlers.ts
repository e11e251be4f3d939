import { crudHandlers } from '../crud/handlers';
import { dealsTable } from './repo';
import type { ChannelsOf, Handlers } from '../handlerTypes';

export const dealsHandlers = crudHandlers('deals', dealsTable) satisfies Handlers<ChannelsOf<'deals'>>;
