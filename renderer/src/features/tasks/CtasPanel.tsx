import { CTA_KIND_LABELS, type Cta } from '../../../../shared/contract/ctas';
import { formatDate } from '../../../../shared/format/format';
import { useQuery } from '../../api/useQuery';
import { navigate } from '../../app/router';
import { CTA_STATUS_TEXT } from './ctaLabels';

/** Calls to action: open first, then by account; `accountId` narrows to one account (from the dashboard's at-risk list). */
export function CtasPanel({ accountId }: { accountId?: number }) {
  const list = useQuery('ctas.list', { accountId }, ['ctas', 'tasks']);
  const rows = list.data?.rows ?? [];
  const open = rows.filter((c) => c.status === 'open').length;
  return (
    <div className="ctas" data-testid="ctas">
      <div className="toolbar">
        <span className="muted" role="status" data-testid="ctas-count" data-total={list.data?.total}>
          {list.data ? `${open} open, ${rows.length - open} closed${accountId && rows[0] ? ` on ${rows[0].accountName}` : ''}` : 'Loading…'}
        </span>
        {accountId !== undefined && (
          <a href="#/tasks/ctas" className="link-button" data-testid="ctas-all">
            Show every account
          </a>
        )}
      </div>
      {list.error && (
        <p className="form-error" role="alert">
          {list.error.message}
        </p>
      )}
      {list.data && rows.length === 0 ? (
        <div className="empty-state" data-testid="ctas-empty">
          <p>
            No call to action {accountId !== undefined ? 'on this account' : 'yet'}. Rules open one when health enters red, a detractor answers, a moment of truth falls below
            target, a renewal nears without contact, a go-live is overdue or a reference request is approved.
          </p>
        </div>
      ) : (
        <div className="table-scroll">
          <table className="mini-table ctas-table" data-testid="ctas-table">
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col">Call to action</th>
                <th scope="col">Rule</th>
                <th scope="col">Opened</th>
                <th scope="col">Tasks</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((cta: Cta) => (
                <tr key={cta.id} data-testid="cta-row" data-cta-id={cta.id} className={cta.status === 'closed' ? 'muted' : undefined}>
                  <td>{cta.accountName}</td>
                  <td>
                    <a
                      href={`#/tasks/ctas/${encodeURIComponent(cta.id)}`}
                      onClick={(e) => (e.preventDefault(), navigate(`tasks/ctas/${encodeURIComponent(cta.id)}`))}
                      data-testid="cta-open"
                    >
                      {cta.title}
                    </a>
                    <div className="muted small">{cta.firedBy.summary}</div>
                  </td>
                  <td>{CTA_KIND_LABELS[cta.rule]}</td>
                  <td>{formatDate(cta.openedAt)}</td>
                  <td>{cta.totalTasks === 0 ? '—' : `${cta.totalTasks - cta.openTasks} of ${cta.totalTasks} done`}</td>
                  <td>{CTA_STATUS_TEXT(cta)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
