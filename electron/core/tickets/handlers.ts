import { crudHandlers } from '../crud/handlers';
import { ticketsTable } from './repo';

export const ticketsHandlers = crudHandlers('tickets', ticketsTable);
