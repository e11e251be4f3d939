import { crudHandlers } from '../crud/handlers';
import { touchpointsTable } from './repo';

export const touchpointsHandlers = crudHandlers('touchpoints', touchpointsTable);
