import { crudHandlers } from '../crud/handlers';
import { ticketsTable } from './repo';
import type { ChannelsOf, Handlers } from '../handlerTypes';

export const ticketsHandlers = crudHandlers('tickets', ticketsTable) satisfies Handlers<ChannelsOf<'tickets'>>;
