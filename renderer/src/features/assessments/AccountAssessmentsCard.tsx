import { useQuery } from '../../api/useQuery';
import { formatScore, countOf } from './format';
import './assessments.css';
import { formatDate } from '../../../../shared/format/format';

/** On an account's page: the assessments of this client, newest first, each a link. */
export function AccountAssessmentsCard({ accountId }: { accountId: number }) {
  const list = useQuery('assessments.list', { accountId }, ['assessments']);
  return (
    <section className="card" aria-labelledby="account-assessments-title" data-testid="account-assessments">
      <header className="card-header">
        <h2 id="account-assessments-title">Assessments</h2>
        <a href="#/assessments" className="small">
          All assessments
        </a>
      </header>
      {list.error ? (
        <p className="form-error" role="alert">
          {list.error.message}
        </p>
      ) : !list.data ? (
        <p className="muted">Loading…</p>
      ) : list.data.length === 0 ? (
        <p className="muted">No maturity assessment of this client yet. Start one from Assessments and choose this account.</p>
      ) : (
        <ul className="template-list">
          {list.data.map((a) => (
            <li key={a.id} data-testid="account-assessment">
              <a href={`#/assessments/${a.id}/results`}>
                {a.templateName} · {formatDate(a.assessedOn)}
              </a>
              <span className="muted small">
                score {formatScore(a.overall)} · {countOf(a.respondents, 'respondent')} · by {a.assessor}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
