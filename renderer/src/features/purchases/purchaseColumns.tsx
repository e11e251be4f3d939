import type { ColumnDef } from '@tanstack/react-table';
import { PURCHASE_SORT_FIELDS, type PurchaseTableRow } from '../../../../shared/contract/purchases';
import { formatDate, formatMoney } from '../../../../shared/format/format';
import '../../components/dataTableMeta';

/** The purchases table's sort fields: the columns whose id the core sorts by. */
export const PURCHASE_TABLE_SORT_FIELDS = PURCHASE_SORT_FIELDS;

/** The purchases table's columns; the customer cell links to the account's page. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- TanStack Table types each column by its value; a list of columns mixes them (its documented ColumnDef<Row, any>)
export function purchaseColumns(locale?: string): ColumnDef<PurchaseTableRow, any>[] {
  return [
    {
      id: 'purchasedOn',
      accessorKey: 'purchasedOn',
      header: 'Day',
      size: 120,
      enableHiding: false,
      meta: { label: 'Day of purchase' },
      cell: ({ row }) => formatDate(row.original.purchasedOn, locale),
    },
    {
      id: 'order',
      header: 'Order',
      size: 150,
      enableSorting: false,
      meta: { label: 'Order id', tooltip: true },
      cell: ({ row }) => <span className="cell-strong">{row.original.externalId ?? `Purchase ${row.original.id}`}</span>,
    },
    {
      id: 'accountName',
      accessorKey: 'accountName',
      header: 'Customer',
      size: 220,
      meta: { label: 'Customer', tooltip: true },
      // A link, not the row's own action: Enter on the row opens the account too (onOpen).
      cell: ({ row }) => (
        <a href={`#/accounts/${row.original.accountId}`} onClick={(event) => event.stopPropagation()} data-testid="purchase-account-link">
          {row.original.accountName}
        </a>
      ),
    },
    {
      id: 'amountMinor',
      accessorKey: 'amountMinor',
      header: 'Amount',
      size: 130,
      meta: { label: 'Amount', align: 'end' },
      cell: ({ row }) => (
        <span data-testid="purchase-amount" data-minor={row.original.amountMinor}>
          {formatMoney(row.original.amountMinor, row.original.currency, locale)}
        </span>
      ),
    },
    { id: 'currency', accessorKey: 'currency', header: 'Currency', size: 90, meta: { label: 'Currency' }, cell: ({ row }) => row.original.currency },
  ];
}
