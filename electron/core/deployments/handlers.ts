import { crudHandlers } from '../crud/handlers';
import { deploymentsTable } from './repo';

export const deploymentsHandlers = crudHandlers('deployments', deploymentsTable);
