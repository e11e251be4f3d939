import type { ColumnDef } from '@tanstack/react-table';
import type { ContactTableRow } from '../../../../shared/contract/contacts';
import { formatDate } from '../../../../shared/format/format';
import '../../components/dataTableMeta';

const DASH = '—';

/** The contacts list's sort fields: the columns whose id the core sorts by. */
export const CONTACT_SORT_FIELDS = ['name', 'title', 'createdAt'] as const;

/** The contacts table's columns; the account cell links to the account's page. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- TanStack Table types each column by its value; a list of columns mixes them (its documented ColumnDef<Row, any>)
export function contactColumns(locale?: string): ColumnDef<ContactTableRow, any>[] {
  return [
    {
      id: 'name',
      accessorKey: 'name',
      header: 'Name',
      size: 200,
      enableHiding: false,
      meta: { label: 'Name', tooltip: true },
      cell: ({ row }) => (
        <>
          <span className="cell-strong">{row.original.name}</span>
          {row.original.archivedAt && <span className="pill muted">Archived</span>}
        </>
      ),
    },
    { id: 'title', accessorKey: 'title', header: 'Title', size: 170, meta: { label: 'Title', tooltip: true }, cell: ({ row }) => row.original.title ?? DASH },
    {
      id: 'account',
      header: 'Account',
      size: 190,
      enableSorting: false,
      meta: { label: 'Account', tooltip: true },
      // A link, not the row's own action: Enter on the row opens the account too (onOpen).
      cell: ({ row }) => (
        <a href={`#/accounts/${row.original.accountId}`} onClick={(event) => event.stopPropagation()} data-testid="contact-account-link">
          {row.original.accountName}
        </a>
      ),
    },
    {
      id: 'email',
      accessorKey: 'email',
      header: 'E-mail',
      size: 220,
      enableSorting: false,
      meta: { label: 'E-mail', tooltip: true },
      cell: ({ row }) => row.original.email ?? DASH,
    },
    {
      id: 'roles',
      header: 'Role',
      size: 150,
      enableSorting: false,
      meta: { label: 'Champion or sponsor' },
      cell: ({ row }) => {
        const roles = [row.original.isChampion && 'Champion', row.original.isExecutiveSponsor && 'Exec sponsor'].filter(Boolean);
        return roles.length > 0 ? roles.join(', ') : DASH;
      },
    },
    {
      id: 'createdAt',
      accessorKey: 'createdAt',
      header: 'Added',
      size: 120,
      meta: { label: 'Added' },
      cell: ({ row }) => formatDate(row.original.createdAt.slice(0, 10), locale),
    },
  ];
}
