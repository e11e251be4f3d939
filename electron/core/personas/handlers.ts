import { crudHandlers } from '../crud/handlers';
import { personasTable } from './repo';

export const personasHandlers = crudHandlers('personas', personasTable);
