import { useMemo } from 'react';
import type { AccountTableRow } from '../../../../shared/contract/accounts';
import { useQuery } from '../../api/useQuery';
import { customFieldColumns } from '../../components/customFieldColumns';

/**
 * The accounts' custom fields (issue 13): the optional columns they add to the table and the fields
 * its custom-field filter offers. `key` changes when the fields do, so the table re-reads its
 * remembered column choice with the new columns in it.
 */
export function useAccountCustomFields(locale?: string) {
  const query = useQuery('customFields.list', { recordKind: 'accounts' }, ['accounts', 'customFields']);
  const fields = useMemo(() => query.data ?? [], [query.data]);
  const columns = useMemo(() => customFieldColumns<AccountTableRow>(fields, locale), [fields, locale]);
  // `loaded`: the fields are known, so conditions naming others can be forgotten (forgetUnknownFields).
  return { fields, columns, key: fields.map((field) => `${field.id}:${field.name}`).join(','), loaded: query.data !== undefined };
}
