import { crudHandlers } from '../crud/handlers';
import { dealsTable } from './repo';

export const dealsHandlers = crudHandlers('deals', dealsTable);
