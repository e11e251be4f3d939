import { useMemo, useState } from 'react';
import { navigate } from '../../app/router';
import { DataTable, type SortState } from '../../components/DataTable';
import { atRiskColumns, sortAtRisk, type AtRisk } from './atRisk';

const ROW_HEIGHT = 52;

/** The accounts most at risk, worst first, with their top reasons; a row opens the account. */
export function AtRiskTable({ rows, currency, loading }: { rows: AtRisk[]; currency: string; loading: boolean }) {
  const [sort, setSort] = useState<SortState>({ field: 'score', direction: 'asc' });
  const columns = useMemo(() => atRiskColumns(currency, new Date()), [currency]);
  const sorted = useMemo(() => sortAtRisk(rows, sort), [rows, sort]);
  return (
    <div className="at-risk-table" style={{ height: Math.min(560, ROW_HEIGHT * Math.max(sorted.length, 3) + 96) }}>
      <DataTable<AtRisk>
        id="at-risk"
        label="Accounts at risk"
        columns={columns}
        rowCount={sorted.length}
        getRow={(index) => sorted[index]}
        getRowId={(row) => String(row.accountId)}
        onRangeChange={() => undefined}
        sort={sort}
        onSortChange={setSort}
        onOpen={(row) => navigate(`accounts/${row.accountId}`)}
        loading={loading}
        empty={<p>No account is at risk in this selection.</p>}
        toolbar={<span className="muted">{sorted.length} accounts, worst first. Enter or click opens an account.</span>}
        resetKey={JSON.stringify(sort)}
        rowHeight={ROW_HEIGHT}
      />
    </div>
  );
}
