import { crudHandlers } from '../crud/handlers';
import { touchpointsTable } from './repo';
import type { ChannelsOf, Handlers } from '../handlerTypes';

export const touchpointsHandlers = crudHandlers('touchpoints', touchpointsTable) satisfies Handlers<ChannelsOf<'touchpoints'>>;
