import type { ParsedInput } from '../../../shared/contract';
import type { Context } from '../context';
import { crudHandlers } from '../crud/handlers';
import { withAccountAndCustom } from '../crud/tableRows';
import { contactsTable } from './repo';
import type { ChannelsOf, Handlers } from '../handlerTypes';

const crud = crudHandlers('contacts', contactsTable);

export const contactsHandlers = {
  ...crud,
  // The table screen: the list's page, each contact with its account's name and custom values.
  'contacts.table': async (input: ParsedInput<'contacts.table'>, ctx: Context) => {
    const page = await crud['contacts.list'](input, ctx);
    return { ...page, rows: withAccountAndCustom(ctx.sqlite, 'contacts', page.rows) };
  },
  // contacts.erase and contacts.erasePlan: electron/core/privacy (above derived), added by the handler table.
} satisfies Handlers<Exclude<ChannelsOf<'contacts'>, 'contacts.erase' | 'contacts.erasePlan'>>;
