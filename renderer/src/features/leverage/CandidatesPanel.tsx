import { useState } from 'react';
import type { Candidate } from '../../../../shared/contract/leverage';
import { useQuery } from '../../api/useQuery';
import { segmentLabel } from '../../lib/labels';
import { LEVERAGE_DOMAINS, readinessTone, scoreText } from './labels';
import { NominateDialog } from '../references/NominateDialog';
import './leverage.css';

const PAGE_SIZE = 25;

/** Accounts ready to become references but not in the program yet, best first, with the reasons. */
export function CandidatesPanel() {
  const [page, setPage] = useState(1);
  const [nominating, setNominating] = useState<Candidate>();
  const [notice, setNotice] = useState<string>();
  const candidates = useQuery('leverage.candidates', { page, pageSize: PAGE_SIZE }, LEVERAGE_DOMAINS);
  const data = candidates.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;

  return (
    <div className="candidates" data-testid="candidates">
      <p className="muted">
        Customers whose readiness is at least {data ? scoreText(data.threshold) : '…'} (Settings → Customer leverage) and who are not in the reference program yet. Readiness weighs
        deployment success, satisfaction, loyalty and rapport.
      </p>
      {notice && (
        <p className="tone-ok" role="status" data-testid="nominate-notice">
          {notice}
        </p>
      )}
      {candidates.error && (
        <p className="form-error" role="alert">
          {candidates.error.message}
        </p>
      )}
      {!data && !candidates.error && (
        <p className="muted" aria-busy="true" data-testid="candidates-loading">
          Scoring accounts…
        </p>
      )}
      {data && data.total === 0 && (
        <p className="empty-note" data-testid="candidates-empty">
          No account outside the program reaches the threshold right now.
        </p>
      )}
      {data && data.total > 0 && (
        <section className="card" aria-label="Candidates">
          <table className="candidates-table" aria-busy={candidates.loading}>
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col" className="num">
                  Readiness
                </th>
                <th scope="col">Why</th>
                <th scope="col">
                  <span className="visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row) => (
                <tr key={row.accountId} data-testid="candidate-row">
                  <th scope="row">
                    <a href={`#/accounts/${row.accountId}`} data-testid="candidate-name">
                      {row.name}
                    </a>
                    <span className="muted small">{[row.industry, segmentLabel(row.segment), row.region, row.owner].filter(Boolean).join(' · ')}</span>
                  </th>
                  <td className="num">
                    <span className={`readiness-badge tone-${readinessTone(row.score, data.threshold)}`} data-testid="candidate-score">
                      {scoreText(row.score)}
                    </span>
                  </td>
                  <td>
                    <ul className="reason-list">
                      {row.reasons.slice(0, 4).map((r) => (
                        <li key={r}>{r}</li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    <button type="button" className="button small" onClick={() => setNominating(row)} data-testid="candidate-nominate">
                      Nominate
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <nav className="pager" aria-label="Candidate pages">
            <button type="button" className="button small" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
              Previous
            </button>
            <span className="muted" data-testid="candidates-count">
              Page {page} of {pages} · {data.total} candidates
            </span>
            <button type="button" className="button small" disabled={page >= pages} onClick={() => setPage((p) => p + 1)}>
              Next
            </button>
          </nav>
        </section>
      )}
      {nominating && (
        <NominateDialog
          preset={{
            accountId: nominating.accountId,
            accountName: nominating.name,
            reason: `Readiness ${scoreText(nominating.score)}: ${nominating.reasons.slice(0, 2).join('; ')}`,
          }}
          onClose={() => setNominating(undefined)}
          onCreated={() => {
            setNotice(`${nominating.name} is now a candidate in the reference pipeline.`);
            setNominating(undefined);
          }}
        />
      )}
    </div>
  );
}
