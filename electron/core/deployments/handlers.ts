import { crudHandlers } from '../crud/handlers';
import { deploymentsTable } from './repo';
import type { ChannelsOf, Handlers } from '../handlerTypes';

export const deploymentsHandlers = crudHandlers('deployments', deploymentsTable) satisfies Handlers<ChannelsOf<'deployments'>>;
