import { useMemo, useState } from 'react';
import type { Input } from '../../../../shared/contract';
import { METRIC_DOMAINS } from '../../api/metrics';
import { useQuery } from '../../api/useQuery';
import { navigate } from '../../app/router';
import { DataTable } from '../../components/DataTable';
import { formatInteger } from '../../../../shared/format/format';
import { atRiskColumns, type AtRisk } from './atRisk';
import { ctaColumn, useOpenCtas } from '../tasks/ctaColumn';
import './atRisk.css';

/** Two reasons of up to two lines each (atRisk.css). */
const ROW_HEIGHT = 80;
export const AT_RISK_PAGE = 20;

type Scope = NonNullable<Input<'accounts.atRisk'>['scope']>;

/**
 * Every account of the red band (or the amber one) under the dashboard's filters, a page at a time,
 * lowest score first, each with its reasons as sentences; a row opens the account.
 */
export function AtRiskTable({ scope, currency }: { scope: Scope; currency: string }) {
  // Red unless the user picks amber; a selection without a red account opens on amber instead of an empty list.
  const [chosen, setBand] = useState<'red' | 'amber'>();
  const [page, setPage] = useState(1);
  const reds = useQuery('accounts.atRisk', { scope, band: 'red', pageSize: 1 }, [...METRIC_DOMAINS, 'identity']);
  const band = chosen ?? (reds.data?.total === 0 ? 'amber' : 'red');
  const scopeKey = JSON.stringify(scope);
  // A new filter or band starts again at the first page.
  const [shownFor, setShownFor] = useState(scopeKey + band);
  if (shownFor !== scopeKey + band) {
    setShownFor(scopeKey + band);
    setPage(1);
  }
  const list = useQuery('accounts.atRisk', { scope, band, page, pageSize: AT_RISK_PAGE }, [...METRIC_DOMAINS, 'identity']);
  // Issue 17: each account's open call to action, one click from the list.
  const openCtas = useOpenCtas();
  // The call to action's share of the width, in the at-risk list's proportions (atRisk.tsx).
  const columns = useMemo(() => [...atRiskColumns(currency, new Date()), { ...ctaColumn<AtRisk>(openCtas), size: 136 }], [currency, openCtas]);
  const rows: AtRisk[] = list.data?.rows ?? [];
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / AT_RISK_PAGE));
  const first = (page - 1) * AT_RISK_PAGE + 1;
  const last = Math.min(total, page * AT_RISK_PAGE);

  const toolbar = (
    <div className="at-risk-toolbar">
      <div className="segmented" role="radiogroup" aria-label="Health band">
        {(['red', 'amber'] as const).map((value) => (
          <label key={value} className={band === value ? 'on' : undefined}>
            <input type="radio" name="at-risk-band" value={value} checked={band === value} onChange={() => setBand(value)} data-testid={`at-risk-band-${value}`} />
            {value === 'red' ? 'Red' : 'Amber'}
          </label>
        ))}
      </div>
      <span className="muted" role="status" data-testid="at-risk-count" data-total={list.data ? total : undefined}>
        {list.data
          ? total === 0
            ? `No account in the ${band} band.`
            : `${formatInteger(first)}–${formatInteger(last)} of ${formatInteger(total)} accounts in the ${band} band, lowest score first`
          : 'Loading…'}
      </span>
      <span className="spacer" />
      <nav className="pager" aria-label="Pages of accounts at risk">
        <button type="button" className="button small" disabled={page <= 1} onClick={() => setPage(page - 1)} data-testid="at-risk-previous">
          Previous
        </button>
        <span className="muted small" data-testid="at-risk-page">
          Page {page} of {pages}
        </span>
        <button type="button" className="button small" disabled={page >= pages} onClick={() => setPage(page + 1)} data-testid="at-risk-next">
          Next
        </button>
      </nav>
    </div>
  );

  return (
    <div className="at-risk-table" style={{ height: ROW_HEIGHT * Math.max(rows.length, 3) + 110 }}>
      <DataTable<AtRisk>
        id="at-risk"
        label="Accounts at risk"
        columns={columns}
        rowCount={rows.length}
        getRow={(index) => rows[index]}
        getRowId={(row) => String(row.accountId)}
        onRangeChange={() => undefined}
        sort={{ field: 'score', direction: 'asc' }}
        onSortChange={() => undefined}
        onOpen={(row) => navigate(`accounts/${row.accountId}`)}
        loading={list.loading}
        error={list.error?.message}
        empty={<p>No account is in the {band} band in this selection.</p>}
        toolbar={toolbar}
        resetKey={`${scopeKey}|${band}|${page}`}
        rowHeight={ROW_HEIGHT}
      />
    </div>
  );
}
