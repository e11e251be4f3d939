import { useState } from 'react';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useQuery } from '../../api/useQuery';
import { KIND_LABELS, SOURCE_LABELS } from './labels';

/** Feedback not merged into any request yet: pick items, pick a request, merge. */
export function UnlinkedItems() {
  const items = useQuery('feedback.list', { filter: { kind: ['feature_request', 'problem'] }, pageSize: 200, sort: { field: 'capturedAt', direction: 'desc' } }, ['feedback']);
  const requests = useQuery('feedbackRequests.list', { pageSize: 500, sort: { field: 'title', direction: 'asc' } }, ['feedbackRequests']);
  const accounts = useQuery('accounts.list', { pageSize: 500, sort: { field: 'name', direction: 'asc' } }, ['accounts']);
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [target, setTarget] = useState('');
  const merge = useAction(async () => {
    await call('feedback.link', { itemIds: [...chosen], requestId: Number(target) });
    setChosen(new Set());
  });
  const unlinked = items.data?.rows.filter((i) => i.requestId === null) ?? [];
  const names = new Map(accounts.data?.rows.map((a) => [a.id, a.name]));
  const toggle = (id: number) => setChosen((old) => (old.has(id) ? new Set([...old].filter((x) => x !== id)) : new Set([...old, id])));
  return (
    <section className="card" aria-labelledby="unlinked-title" data-testid="unlinked-feedback">
      <header className="card-header">
        <h2 id="unlinked-title">Not yet merged into a request</h2>
        <span className="muted small">{unlinked.length} feature requests and problems</span>
      </header>
      {items.error && (
        <p className="form-error" role="alert">
          {items.error.message}
        </p>
      )}
      {items.data && unlinked.length === 0 && (
        <p className="muted" data-testid="unlinked-empty">
          Every feature request and problem is merged into a request.
        </p>
      )}
      {unlinked.length > 0 && (
        <>
          <ul className="feedback-items">
            {unlinked.map((item) => (
              <li key={item.id} data-testid="unlinked-item">
                <label className="check">
                  <input type="checkbox" checked={chosen.has(item.id)} onChange={() => toggle(item.id)} data-testid="unlinked-check" />
                  <span>
                    “{item.text}”{' '}
                    <span className="muted small">
                      — {names.get(item.accountId) ?? `account ${item.accountId}`}, {KIND_LABELS[item.kind]}, {SOURCE_LABELS[item.source]}, {item.capturedAt}
                    </span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
          <div className="toolbar">
            <label>
              Merge into{' '}
              <select className="select" value={target} onChange={(e) => setTarget(e.target.value)} data-testid="merge-target">
                <option value="">Choose a request…</option>
                {requests.data?.rows.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.title}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="button small" disabled={chosen.size === 0 || target === '' || merge.busy} onClick={() => void merge.run()} data-testid="merge-items">
              Merge {chosen.size || ''} selected
            </button>
          </div>
          {merge.error && (
            <p className="form-error" role="alert">
              {merge.error}
            </p>
          )}
        </>
      )}
    </section>
  );
}
