import { useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { countOf, formatDate, formatMoney } from '../../../../shared/format/format';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useQuery } from '../../api/useQuery';
import { downloadFile } from '../../lib/download';

/** Who asked: the accounts and contacts to tell when it ships, and beta/launch reference candidates. */
export function RequestDetail({ id, currency }: { id: number; currency: string }) {
  const detail = useQuery('feedbackRequests.candidates', { id }, ['feedback', 'feedbackRequests', 'contacts', 'health']);
  // The core opens one task per account, once: a second click finds them and opens none.
  const [told, setTold] = useState<Output<'feedbackRequests.tell'> | null>(null);
  const tasks = useAction(async () => {
    const result = await call('feedbackRequests.tell', { id });
    setTold(result);
    return result;
  });
  const exportList = () => {
    const data = detail.data!;
    const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const lines = [
      'account,contact,email',
      ...data.toTell.flatMap((a) => (a.contacts.length ? a.contacts.map((c) => [a.name, c.name, c.email ?? '']) : [[a.name, '', '']]).map((r) => r.map(quote).join(','))),
    ];
    downloadFile(`tell-${data.request.id}.csv`, 'text/csv', `${lines.join('\n')}\n`);
  };
  if (detail.error)
    return (
      <p className="form-error" role="alert">
        {detail.error.message}
      </p>
    );
  const data = detail.data;
  if (!data) return <p className="muted">Loading…</p>;
  return (
    <div className="request-detail" data-testid="request-detail">
      <div>
        <h3>To tell {data.request.status === 'shipped' && data.request.shippedAt ? `(shipped ${formatDate(data.request.shippedAt)})` : 'when it ships'}</h3>
        {data.toTell.length === 0 ? (
          <p className="muted">No current customer has asked for it yet.</p>
        ) : (
          <>
            <ul data-testid="to-tell">
              {data.toTell.map((a) => (
                <li key={a.accountId}>
                  <a href={`#/accounts/${a.accountId}`}>{a.name}</a> <span className="muted small">{formatMoney(a.arrMinor, currency, undefined, true)}</span>
                  {a.contacts.length > 0 && <span className="small"> — {a.contacts.map((c) => c.name).join(', ')}</span>}
                </li>
              ))}
            </ul>
            <div className="toolbar">
              <button type="button" className="button small" disabled={tasks.busy} onClick={() => void tasks.run()} data-testid="tell-tasks">
                {tasks.busy ? 'Creating tasks…' : `Create a task per account (${data.toTell.length})`}
              </button>
              <button type="button" className="button small" onClick={exportList} data-testid="tell-export">
                Export the list
              </button>
            </div>
            {told && (
              <p className="muted small" role="status" data-testid="tell-result">
                {told.opened.length ? `Opened ${countOf(told.opened.length, 'task')}.` : 'No new task.'}
                {told.already ? ` ${countOf(told.already, 'account')} already had one.` : ''}
              </p>
            )}
            {tasks.error && (
              <p className="form-error" role="alert">
                {tasks.error}
              </p>
            )}
          </>
        )}
      </div>
      <div>
        <h3>Beta or launch reference candidates</h3>
        {data.referenceCandidates.length === 0 ? (
          <p className="muted">Nobody to ask yet.</p>
        ) : (
          <ol data-testid="reference-candidates">
            {data.referenceCandidates.map((c) => (
              <li key={`${c.accountId}-${c.contactId ?? 'account'}`}>
                {c.contactName ? `${c.contactName}, ` : ''}
                {c.name} <span className="pill">score {c.score}</span> <span className="muted small">{c.reasons.join(' · ') || 'no signal either way'}</span>
              </li>
            ))}
          </ol>
        )}
      </div>
    </div>
  );
}
