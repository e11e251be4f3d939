import { Fragment, useState } from 'react';
import { REQUEST_STATUSES } from '../../../../shared/contract/feedback';
import { formatMoney } from '../../../../shared/format/format';
import { segmentLabel } from '../../../../shared/labels';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useQuery } from '../../api/useQuery';
import { RequestDetail } from './RequestDetail';
import { STATUS_LABELS } from './labels';

/** The requests, top ones (by renewal ARR at risk, then ARR) first, each with the demand behind it. */
export function RequestBoard() {
  const board = useQuery('feedbackRequests.table', {}, ['feedback', 'feedbackRequests', 'accounts', 'health']);
  const [open, setOpen] = useState<number | null>(null);
  const setStatus = useAction((id: number, status: (typeof REQUEST_STATUSES)[number]) => call('feedbackRequests.update', { id, status }));
  const data = board.data;
  return (
    <section className="card feedback-board" aria-labelledby="feedback-board-title" data-testid="feedback-board">
      <header className="card-header">
        <h2 id="feedback-board-title">Requests by revenue</h2>
        {data && <span className="muted small">Renewal ARR at risk: renewing within {data.horizonDays} days, health red or amber</span>}
      </header>
      {board.error && (
        <p className="form-error" role="alert">
          {board.error.message}
        </p>
      )}
      {setStatus.error && (
        <p className="form-error" role="alert">
          {setStatus.error}
        </p>
      )}
      {!data && !board.error && <p className="muted">Loading…</p>}
      {data?.rows.length === 0 && (
        <div className="empty-state" data-testid="feedback-board-empty">
          <h2>No requests yet</h2>
          <p>Create a request, then merge the feedback customers gave into it to see the accounts and ARR behind it.</p>
        </div>
      )}
      {data && data.rows.length > 0 && (
        <table className="mini-table feedback-table">
          <thead>
            <tr>
              <th scope="col">Request</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Accounts
              </th>
              <th scope="col" className="num">
                Contacts
              </th>
              <th scope="col" className="num">
                ARR
              </th>
              <th scope="col" className="num">
                Renewal ARR at risk
              </th>
              <th scope="col">Segments</th>
              <th scope="col">
                <span className="visually-hidden">Details</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((row) => (
              <Fragment key={row.request.id}>
                <tr data-testid="request-row" data-request-id={row.request.id}>
                  <th scope="row">
                    {row.request.title}
                    {(row.request.product || row.request.feature) && <div className="muted small">{[row.request.product, row.request.feature].filter(Boolean).join(' / ')}</div>}
                  </th>
                  <td>
                    <select
                      className="select"
                      aria-label={`Status of ${row.request.title}`}
                      value={row.request.status}
                      disabled={setStatus.busy}
                      onChange={(e) => void setStatus.run(row.request.id, e.target.value as (typeof REQUEST_STATUSES)[number])}
                      data-testid="request-status"
                    >
                      {REQUEST_STATUSES.map((s) => (
                        <option key={s} value={s}>
                          {STATUS_LABELS[s]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="num" data-testid="request-accounts">
                    {row.accounts}
                  </td>
                  <td className="num" data-testid="request-contacts">
                    {row.contacts}
                  </td>
                  <td className="num" data-testid="request-arr">
                    {formatMoney(row.arrMinor, data.currency, undefined, true)}
                  </td>
                  <td className="num" data-testid="request-at-risk">
                    {formatMoney(row.renewalArrAtRiskMinor, data.currency, undefined, true)}
                  </td>
                  <td className="small">{row.segments.map((s) => `${segmentLabel(s.segment === 'unknown' ? null : s.segment)} (${s.accounts})`).join(', ') || '—'}</td>
                  <td>
                    <button
                      type="button"
                      className="button small"
                      aria-expanded={open === row.request.id}
                      onClick={() => setOpen(open === row.request.id ? null : row.request.id)}
                      data-testid="request-details"
                    >
                      {open === row.request.id ? 'Hide' : 'Who asked'}
                    </button>
                  </td>
                </tr>
                {open === row.request.id && (
                  <tr>
                    <td colSpan={8}>
                      <RequestDetail id={row.request.id} currency={data.currency} />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
