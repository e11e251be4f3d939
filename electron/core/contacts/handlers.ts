import { crudHandlers } from '../crud/handlers';
import { contactsTable } from './repo';

export const contactsHandlers = crudHandlers('contacts', contactsTable);
