import { useMemo } from 'react';
import type { Input } from '../../../../shared/contract';
import type { ContactTableRow } from '../../../../shared/contract/contacts';
import { call } from '../../api/client';
import { navigate } from '../../app/router';
import { TableScreen, type TableFilter } from '../../components/TableScreen';
import { CONTACT_SORT_FIELDS, contactColumns } from './contactColumns';

const FILTERS: TableFilter[] = [
  {
    name: 'isChampion',
    label: 'Champion',
    options: [
      { value: 'true', label: 'Champions' },
      { value: 'false', label: 'Not champions' },
    ],
  },
];
const DEFAULT_SORT = { field: 'name', direction: 'asc' } as const;

/** `#/contacts`: every contact, with its account (a link to the account's page) and its custom fields. */
export function ContactsScreen() {
  const columns = useMemo(() => contactColumns(), []);
  return (
    <TableScreen<ContactTableRow>
      id="contacts"
      title="Contacts"
      noun={{ one: 'contact', many: 'contacts' }}
      // The input is built from this screen's own sort fields and filters, which are the channel's.
      fetchPage={(input) => call('contacts.table', input as Input<'contacts.table'>)}
      domains={['contacts', 'accounts', 'customFields']}
      columns={columns}
      sortFields={CONTACT_SORT_FIELDS}
      defaultSort={DEFAULT_SORT}
      filters={FILTERS}
      searchPlaceholder="Search name, title, e-mail"
      customKind="contacts"
      exportTable="contacts"
      onOpen={(contact) => navigate(`accounts/${contact.accountId}`)}
      getRowId={(contact) => String(contact.id)}
      emptyText="This workspace has no contacts yet. Import them from a CRM export, or add them on an account's page."
      emptyAction={{ label: 'Import contacts', href: '#/import' }}
    />
  );
}
