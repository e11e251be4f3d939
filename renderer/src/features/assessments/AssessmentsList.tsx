import { useState } from 'react';
import { useQuery } from '../../api/useQuery';
import { navigate } from '../../app/router';
import { ImportFileButton } from './ImportFileButton';
import { NewAssessmentDialog } from './NewAssessmentDialog';
import { TemplatesCard } from './TemplatesCard';
import { formatDate } from '../../../../shared/format/format';

const score = (value: number | null) => (value === null ? '—' : String(Math.round(value)));

export function AssessmentsList() {
  const [showArchived, setShowArchived] = useState(false);
  const list = useQuery('assessments.list', { includeArchived: showArchived }, ['assessments']);
  const [creating, setCreating] = useState(false);
  const rows = list.data ?? [];
  return (
    <section className="screen assessments-screen" data-testid="assessments-screen" aria-labelledby="assessments-title">
      <header className="screen-header">
        <div>
          <h1 id="assessments-title">Assessments</h1>
          <p className="subtitle">Maturity assessments of clients: answers stay in this workspace, on this machine.</p>
        </div>
        <div className="actions">
          <ImportFileButton onImported={(id) => navigate(`assessments/${id}`)} />
          <button type="button" className="button primary" onClick={() => setCreating(true)} data-testid="assessment-new">
            New assessment
          </button>
        </div>
      </header>
      <div className="assessments-layout">
        <section className="card" aria-labelledby="assessments-list-title">
          <header className="card-header">
            <h2 id="assessments-list-title">Client assessments</h2>
            <label className="check small">
              <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} data-testid="assessments-show-archived" />
              Show archived
            </label>
          </header>
          {list.error ? (
            <p className="form-error" role="alert">
              {list.error.message}
            </p>
          ) : !list.data ? (
            <p className="muted" aria-busy="true">
              Loading assessments…
            </p>
          ) : rows.length === 0 && showArchived ? (
            <p className="muted">No assessment, archived or not.</p>
          ) : rows.length === 0 ? (
            <div className="assessments-empty" data-testid="assessments-empty">
              <p>No assessment yet. Start one from a template: the client, the respondents, then the answers.</p>
              <button type="button" className="button primary" onClick={() => setCreating(true)}>
                Start the first assessment
              </button>
            </div>
          ) : (
            <table className="assessment-table">
              <thead>
                <tr>
                  <th>Client</th>
                  <th>Template</th>
                  <th>Date</th>
                  <th>Assessor</th>
                  <th className="num">Respondents</th>
                  <th className="num">Answered</th>
                  <th className="num">Score</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id} data-testid="assessment-row">
                    <td>
                      <a href={`#/assessments/${row.id}`}>{row.clientName}</a>
                      {row.archivedAt && <span className="pill muted">Archived</span>}
                    </td>
                    <td>
                      {row.templateName} <span className="muted small">v{row.templateVersion}</span>
                    </td>
                    <td className="date">{formatDate(row.assessedOn)}</td>
                    <td>{row.assessor}</td>
                    <td className="num">{row.respondents}</td>
                    <td className="num">{row.progress === null ? '—' : `${Math.round(row.progress)} %`}</td>
                    <td className="num">{score(row.overall)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <TemplatesCard />
      </div>
      {creating && <NewAssessmentDialog onClose={() => setCreating(false)} onCreated={(id) => navigate(`assessments/${id}/answer`)} />}
    </section>
  );
}
