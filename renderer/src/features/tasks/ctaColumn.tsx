import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useQuery } from '../../api/useQuery';
import { navigate } from '../../app/router';

/** The open calls to action by account (one read for the whole list): the at-risk table's action column. */
export function useOpenCtas(): Map<number, { id: string; count: number }> {
  const open = useQuery('ctas.list', { status: 'open', limit: 1000 }, ['ctas']);
  return useMemo(() => {
    const map = new Map<number, { id: string; count: number }>();
    for (const cta of open.data?.rows ?? []) {
      const seen = map.get(cta.accountId);
      map.set(cta.accountId, { id: seen?.id ?? cta.id, count: (seen?.count ?? 0) + 1 });
    }
    return map;
  }, [open.data]);
}

/**
 * "Call to action" column for a list of accounts: the open one (or the account's list when there
 * are several), else the account's calls to action. A link, so the row's own open stays apart.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- TanStack's documented ColumnDef<Row, any> for a list of mixed columns
export function ctaColumn<Row extends { accountId: number }>(open: Map<number, { id: string; count: number }>): ColumnDef<Row, any> {
  return {
    id: 'cta',
    header: 'Call to action',
    size: 150,
    enableSorting: false,
    enableHiding: false,
    meta: { label: 'Call to action' },
    accessorFn: (row) => open.get(row.accountId)?.count ?? 0,
    cell: ({ row }) => {
      const found = open.get(row.original.accountId);
      const path = found?.count === 1 ? `tasks/ctas/${encodeURIComponent(found.id)}` : `tasks/ctas/account/${row.original.accountId}`;
      return (
        <a
          href={`#/${path}`}
          className={found ? 'cell-strong' : 'muted'}
          data-testid="at-risk-cta"
          onClick={(event) => {
            // The row opens the account; this link opens the call to action instead.
            event.preventDefault();
            event.stopPropagation();
            navigate(path);
          }}
          onKeyDown={(event) => event.stopPropagation()}
        >
          {found ? (found.count === 1 ? 'Open call to action' : `${found.count} open`) : 'None open'}
        </a>
      );
    },
  };
}
