import { useMemo, useState } from 'react';
import { REQUEST_SORT_FIELDS, REQUEST_STATUSES, type RequestRow } from '../../../../shared/contract/requests';
import { pastSlaText } from '../../../../shared/format/requests';
import { call } from '../../api/client';
import { usePagedList } from '../../api/usePagedList';
import { useQuery } from '../../api/useQuery';
import { navigate } from '../../app/router';
import { DataTable, type SortState } from '../../components/DataTable';
import { useDebounced } from '../../lib/useDebounced';
import { requestStatusLabel } from './labels';
import type { RequestAction } from './requestActions';
import { RequestActionDialog } from './RequestActionDialog';
import { requestColumns } from './requestColumns';
import { RequestDetailDialog } from './RequestDetailDialog';
import { NewRequestDialog } from './NewRequestDialog';
import './references.css';

type StatusFilter = 'open' | 'all' | (typeof REQUEST_STATUSES)[number];
const PAGE_SIZE = 100;

/** `#/references/requests[/<requestId>]`: the requests log with its SLA flag, and one request over it. */
export function RequestsPanel({ params }: { params: string[] }) {
  const [status, setStatus] = useState<StatusFilter>('open');
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<SortState>({ field: 'requestedAt', direction: 'desc' });
  const [creating, setCreating] = useState(false);
  const [action, setAction] = useState<{ request: RequestRow; action: RequestAction }>();
  const term = useDebounced(search.trim());
  const query = useMemo(
    () => ({
      search: term || undefined,
      openOnly: status === 'open',
      filter: status === 'open' || status === 'all' ? undefined : { status },
      // Only sortable columns can ask for a sort; their ids are the contract's sort fields.
      sort: { field: REQUEST_SORT_FIELDS.find((field) => field === sort.field) ?? 'requestedAt', direction: sort.direction },
    }),
    [term, status, sort],
  );
  const key = JSON.stringify(query);
  const list = usePagedList<RequestRow>(key, (page, pageSize) => call('requests.list', { ...query, page, pageSize }), { pageSize: PAGE_SIZE, domains: ['requests', 'references'] });
  // The count is the programme figure Influence shows (one definition, shared/requestSla.ts), not a count of a page of rows.
  const program = useQuery('leverage.programFigures', {}, ['requests', 'references', 'settings']).data;
  const overdueCount = program?.pastSla.count ?? 0;
  // The one wording of the figure (shared/format/requests.ts), as metrics.display writes it.
  const slaSummary = program ? pastSlaText(program.pastSla.count, program.pastSla.slaDays).summary : 'Counting requests past the SLA…';
  const columns = useMemo(() => requestColumns((request, next) => setAction({ request, action: next })), []);
  const selected = params[0] && /^\d+$/.test(params[0]) ? Number(params[0]) : undefined;

  return (
    <div className="requests-panel" data-testid="requests-panel">
      <DataTable<RequestRow>
        id="requests"
        label="Reference requests"
        columns={columns}
        rowCount={list.total}
        getRow={list.getRow}
        getRowId={(request) => String(request.id)}
        onRangeChange={list.showRange}
        sort={sort}
        onSortChange={setSort}
        onOpen={(request) => navigate(`references/requests/${request.id}`)}
        loading={list.loading}
        error={list.error?.message}
        resetKey={key}
        toolbar={
          <div className="requests-toolbar">
            <input
              className="input search"
              type="search"
              placeholder="Account, prospect or requester"
              aria-label="Search requests"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              data-testid="requests-search"
            />
            <select className="input select" aria-label="Status" value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)} data-testid="requests-status">
              <option value="open">Open</option>
              <option value="all">All statuses</option>
              {REQUEST_STATUSES.map((code) => (
                <option key={code} value={code}>
                  {requestStatusLabel(code)}
                </option>
              ))}
            </select>
            <span className={overdueCount > 0 ? 'sla-summary sla-overdue' : 'sla-summary muted'} data-testid="sla-summary">
              {slaSummary}
            </span>
            <button type="button" className="button primary" onClick={() => setCreating(true)} data-testid="new-request-button">
              New request
            </button>
          </div>
        }
        empty={
          <div className="empty">
            <p>{status === 'open' && !term ? 'No open requests: every ask has been answered.' : 'No request matches.'}</p>
            <button type="button" className="button" onClick={() => setCreating(true)}>
              New request
            </button>
          </div>
        }
      />
      {selected !== undefined && <RequestDetailDialog id={selected} onClose={() => navigate('references/requests')} />}
      {action && <RequestActionDialog request={action.request} action={action.action} onClose={() => setAction(undefined)} />}
      {creating && <NewRequestDialog onClose={() => setCreating(false)} onCreated={(id) => navigate(`references/requests/${id}`)} />}
    </div>
  );
}
