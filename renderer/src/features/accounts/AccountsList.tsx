import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AccountTableRow } from '../../../../shared/contract/accounts';
import { call } from '../../api/client';
import { usePagedList } from '../../api/usePagedList';
import { useQuery } from '../../api/useQuery';
import { navigate } from '../../app/router';
import { DataTable } from '../../components/DataTable';
import { ExportView } from '../../components/ExportView';
import { asOfText, formatInteger } from '../../../../shared/format/format';
import { session } from '../../lib/storage';
import { useDebounced } from '../../lib/useDebounced';
import { useStoredState } from '../../lib/useStoredState';
import { accountColumns } from './accountColumns';
import { AccountFilters } from './AccountFilters';
import { DEFAULT_LIST_STATE, exportQuery, isFiltered, listInput, restoreListState, type ListState } from './listQuery';
import { NewAccountDialog } from './NewAccountDialog';
import { CustomFieldFilter } from '../../components/CustomFieldFilter';
import { forgetUnknownFields } from '../../components/customFieldFilter';
import { useAccountCustomFields } from './useAccountCustomFields';

const PAGE_SIZE = 100;

export function AccountsList() {
  const [state, setState] = useStoredState(session(), 'fulcrum.accounts.list', restoreListState);
  const [creating, setCreating] = useState(false);
  const search = useDebounced(state.search, 250);
  const query = useMemo(() => ({ ...state, search }), [state, search]);
  const key = JSON.stringify(listInput(query, 1, PAGE_SIZE));

  const list = usePagedList<AccountTableRow>(key, (page, pageSize) => call('accounts.table', listInput(query, page, pageSize)), {
    pageSize: PAGE_SIZE,
    domains: ['accounts', 'health', 'touchpoints', 'surveyResponses', 'identity'],
  });
  const me = useQuery('identity.get', {}, ['identity']);
  const everything = useQuery('accounts.list', { pageSize: 1, includeArchived: state.includeArchived }, ['accounts']);
  const facets = useQuery('accounts.facets', {}, ['accounts']);
  const custom = useAccountCustomFields();
  const columns = useMemo(() => [...accountColumns(), ...custom.columns], [custom.columns]);
  const change = useCallback((patch: Partial<ListState>) => setState((previous) => ({ ...previous, ...patch })), [setState]);
  const clear = () => setState((previous) => ({ ...DEFAULT_LIST_STATE, sort: previous.sort }));
  // Remembered custom-field conditions or sort whose field is gone are dropped, not sent to be refused.
  useEffect(() => {
    if (!custom.loaded) return;
    const patch = forgetUnknownFields(state, new Set(custom.fields.map((field) => field.id)), DEFAULT_LIST_STATE.sort);
    if (patch) change(patch);
  }, [custom.loaded, custom.fields, state, change]);
  const filtered = isFiltered(query);

  return (
    <section className="screen accounts-screen" aria-labelledby="accounts-title">
      <header className="screen-header">
        <div>
          <h1 id="accounts-title">Accounts</h1>
          <Count shown={list.total} all={everything.data?.total} filtered={filtered} />
          <HealthAsOf takenAt={firstTakenAt(list.getRow, Math.min(list.total ?? 0, PAGE_SIZE))} />
        </div>
        <div className="header-actions">
          <ExportView table="accounts" query={exportQuery(query)} testId="accounts-export" />
          <button type="button" className="button primary" onClick={() => setCreating(true)} data-testid="account-new">
            New account
          </button>
        </div>
      </header>
      <DataTable<AccountTableRow>
        key={custom.key}
        id="accounts"
        label="Accounts"
        columns={columns}
        rowCount={list.total}
        getRow={list.getRow}
        getRowId={(account) => String(account.id)}
        onRangeChange={list.showRange}
        sort={state.sort}
        onSortChange={(sort) => change({ sort })}
        onOpen={(account) => navigate(`accounts/${account.id}`)}
        loading={list.loading}
        error={list.error?.message}
        resetKey={key}
        toolbar={
          <>
            <AccountFilters state={state} facets={facets.data} me={me.loading && me.data === undefined ? undefined : (me.data ?? null)} onChange={change} onClear={clear} />
            <CustomFieldFilter fields={custom.fields} conditions={state.custom} onChange={(conditions) => change({ custom: conditions })} testId="accounts-custom-filter" />
          </>
        }
        empty={
          filtered ? (
            <div className="empty">
              <p>No accounts match this search and these filters.</p>
              <button type="button" className="button" onClick={clear}>
                Clear filters
              </button>
            </div>
          ) : (
            <div className="empty">
              <p>This workspace has no accounts yet.</p>
              <button type="button" className="button primary" onClick={() => setCreating(true)}>
                Create the first account
              </button>
            </div>
          )
        }
      />
      {creating && <NewAccountDialog facets={facets.data} onClose={() => setCreating(false)} />}
    </section>
  );
}

function Count({ shown, all, filtered }: { shown: number | undefined; all: number | undefined; filtered: boolean }) {
  if (shown === undefined)
    return (
      <p className="subtitle" data-testid="accounts-count">
        Loading accounts…
      </p>
    );
  const noun = (n: number) => (n === 1 ? 'account' : 'accounts');
  const text =
    filtered && all !== undefined ? `${formatInteger(shown)} of ${formatInteger(all)} ${noun(all)} ${shown === 1 ? 'matches' : 'match'}` : `${formatInteger(shown)} ${noun(shown)}`;
  return (
    <p className="subtitle" data-testid="accounts-count" data-total={shown} aria-live="polite">
      {text}
    </p>
  );
}

/** The snapshot date of the first loaded row that has a score (an archived or churned account has none). */
function firstTakenAt(getRow: (index: number) => AccountTableRow | undefined, count: number): string | undefined {
  for (let i = 0; i < count; i++) {
    const takenAt = getRow(i)?.health?.takenAt;
    if (takenAt) return takenAt;
  }
  return undefined;
}

/** When the health column's scores were taken (the first scored row's snapshot; each cell's tooltip has its own), as the dashboard and account page say it. */
function HealthAsOf({ takenAt }: { takenAt: string | undefined }) {
  if (!takenAt) return null;
  return (
    // A second subtitle line: .subtitle's negative top margin (it hugs the h1) would lay it over the count.
    <p className="subtitle small" style={{ marginTop: 2 }} data-testid="accounts-health-as-of">
      Health scores {asOfText(takenAt)}
    </p>
  );
}
