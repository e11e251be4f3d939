import { useState } from 'react';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import type { AssessmentDetail, Respondent } from '../../../../shared/contract/assessments';
import { answeredCount, flatItems } from './answering';
import { countOf } from './format';

/** Who answers: add, rename or remove respondents (removal asks first: their answers go too). */
export function RespondentsCard({ detail }: { detail: AssessmentDetail }) {
  const items = flatItems(detail.template.framework);
  const [draft, setDraft] = useState({ name: '', role: '', function: '' });
  const [removing, setRemoving] = useState<Respondent>();
  const [editing, setEditing] = useState<{ id: number; name: string; role: string; function: string }>();
  // Adding and renaming share one error line.
  const attempt = useAction((work: () => Promise<void>) => work());
  const error = attempt.error;
  const saveEdit = async () => {
    if (!editing) return;
    await attempt.run(async () => {
      await call('assessments.saveRespondent', {
        assessmentId: detail.assessment.id,
        id: editing.id,
        name: editing.name,
        role: editing.role.trim() || null,
        function: editing.function.trim() || null,
      });
      setEditing(undefined);
    });
  };
  const add = () =>
    attempt.run(async () => {
      await call('assessments.saveRespondent', { assessmentId: detail.assessment.id, name: draft.name, role: draft.role.trim() || null, function: draft.function.trim() || null });
      setDraft({ name: '', role: '', function: '' });
    });
  return (
    <section className="card" aria-labelledby="respondents-title" data-testid="respondents-card">
      <header className="card-header">
        <h2 id="respondents-title">Respondents</h2>
        <span className="muted small">
          {detail.respondents.length} · each answers all or part of the {items.length} items
        </span>
      </header>
      {detail.respondents.length === 0 ? (
        <p className="muted">No respondent yet: add the people who will answer, by role and function.</p>
      ) : (
        <table className="assessment-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Role</th>
              <th>Function</th>
              <th className="num">Answered</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {detail.respondents.map((r) =>
              editing?.id === r.id ? (
                <tr key={r.id} data-testid="respondent-editing">
                  <td>
                    <input
                      className="input"
                      aria-label="Name"
                      value={editing.name}
                      onChange={(e) => setEditing({ ...editing, name: e.target.value })}
                      data-testid="respondent-edit-name"
                    />
                  </td>
                  <td>
                    <input className="input" aria-label="Role" value={editing.role} onChange={(e) => setEditing({ ...editing, role: e.target.value })} />
                  </td>
                  <td>
                    <input className="input" aria-label="Function" value={editing.function} onChange={(e) => setEditing({ ...editing, function: e.target.value })} />
                  </td>
                  <td colSpan={2} className="num">
                    <button type="button" className="button small primary" onClick={() => void saveEdit()} data-testid="respondent-edit-save">
                      Save
                    </button>{' '}
                    <button type="button" className="link-button" onClick={() => setEditing(undefined)}>
                      Cancel
                    </button>
                  </td>
                </tr>
              ) : (
                <tr key={r.id} data-testid="respondent-row">
                  <td>{r.name}</td>
                  <td>{r.role ?? '—'}</td>
                  <td>{r.function ?? '—'}</td>
                  <td className="num">
                    {answeredCount(items, detail.answers, r.id)} / {items.length}
                  </td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => setEditing({ id: r.id, name: r.name, role: r.role ?? '', function: r.function ?? '' })}
                      aria-label={`Edit ${r.name}`}
                    >
                      Edit
                    </button>
                    <button type="button" className="link-button" onClick={() => setRemoving(r)} aria-label={`Remove ${r.name}`}>
                      Remove
                    </button>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
      <form
        className="respondent-row add"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <input
          className="input"
          placeholder="Name"
          aria-label="New respondent name"
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          data-testid="respondent-new-name"
        />
        <input className="input" placeholder="Role" aria-label="New respondent role" value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value })} />
        <input
          className="input"
          placeholder="Function"
          aria-label="New respondent function"
          value={draft.function}
          onChange={(e) => setDraft({ ...draft, function: e.target.value })}
        />
        <button type="submit" className="button small" data-testid="respondent-new-add">
          Add
        </button>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {removing && (
        <ConfirmDialog
          title={`Remove ${removing.name}?`}
          confirm="Remove respondent"
          danger
          testId="respondent-remove"
          onClose={() => setRemoving(undefined)}
          onConfirm={async () => {
            await call('assessments.removeRespondent', { id: removing.id });
            setRemoving(undefined);
          }}
        >
          Their {countOf(answeredCount(items, detail.answers, removing.id), 'answer')} and evidence are deleted with them. This cannot be undone.
        </ConfirmDialog>
      )}
    </section>
  );
}
