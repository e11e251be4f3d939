import { crudHandlers } from '../crud/handlers';
import { contactsTable } from './repo';
import type { ChannelsOf, Handlers } from '../handlerTypes';

export const contactsHandlers = crudHandlers('contacts', contactsTable) satisfies Handlers<ChannelsOf<'contacts'>>;
