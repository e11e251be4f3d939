import { crudHandlers } from '../crud/handlers';
import { outcomesTable } from './repo';

export const outcomesHandlers = crudHandlers('outcomes', outcomesTable);
