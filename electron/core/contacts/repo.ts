import type { Output } from '../../../shared/contract';
import type { TableSpec } from '../crud/table';

export const contactsTable: TableSpec<Output<'contacts.get'>> = {
  table: 'contacts',
  label: 'contact',
  flags: ['isChampion', 'isExecutiveSponsor'],
  search: ['name', 'title', 'email'],
  defaultSort: { field: 'name', direction: 'asc' },
  references: { accountId: { table: 'accounts', label: 'account' }, personaId: { table: 'personas', label: 'persona' } },
};
