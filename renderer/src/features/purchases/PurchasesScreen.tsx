import { useMemo } from 'react';
import type { Input } from '../../../../shared/contract';
import type { PurchaseTableRow } from '../../../../shared/contract/purchases';
import { call } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { navigate } from '../../app/router';
import { TableScreen, type TableFilter } from '../../components/TableScreen';
import { PURCHASE_TABLE_SORT_FIELDS, purchaseColumns } from './purchaseColumns';

const DEFAULT_SORT = { field: 'purchasedOn', direction: 'desc' } as const;

/**
 * `#/purchases` (issue 13): every order imported or entered, newest first, with its customer (a link)
 * and its custom fields; the input of the value figures of customers without contracts.
 */
export function PurchasesScreen() {
  const columns = useMemo(() => purchaseColumns(), []);
  const facets = useQuery('purchases.facets', {}, ['purchases']);
  // The currency filter offers the currencies there are (none until the first purchase).
  const currencies = facets.data?.currencies;
  const filters = useMemo<TableFilter[]>(() => [{ name: 'currency', label: 'Currency', options: (currencies ?? []).map((value) => ({ value, label: value })) }], [currencies]);
  return (
    <TableScreen<PurchaseTableRow>
      id="purchases"
      title="Purchases"
      noun={{ one: 'purchase', many: 'purchases' }}
      // The input is built from this screen's own sort fields and filters, which are the channel's.
      fetchPage={(input) => call('purchases.table', input as Input<'purchases.table'>)}
      domains={['purchases', 'accounts', 'customFields']}
      columns={columns}
      sortFields={PURCHASE_TABLE_SORT_FIELDS}
      defaultSort={DEFAULT_SORT}
      filters={filters}
      searchPlaceholder="Search order id, customer"
      customKind="purchases"
      exportTable="purchases"
      onOpen={(purchase) => navigate(`accounts/${purchase.accountId}`)}
      getRowId={(purchase) => String(purchase.id)}
      emptyText="This workspace has no purchases yet. Import the orders of customers without contracts (customer, day, amount) from your shop or billing export."
      emptyAction={{ label: 'Import purchases', href: '#/import' }}
      archivable={false}
    />
  );
}
