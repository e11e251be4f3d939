import { useState, type FormEvent } from 'react';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { Field } from '../../components/Field';
import type { AssessmentDetail } from '../../../../shared/contract/assessments';
import { RespondentsCard } from './RespondentsCard';
import { TargetsCard } from './TargetsCard';

/** The assessment's client, date, assessor and scope, and its respondents. */
export function SetupPanel({ detail }: { detail: AssessmentDetail }) {
  const { assessment } = detail;
  const [form, setForm] = useState({ clientName: assessment.clientName, assessedOn: assessment.assessedOn, assessor: assessment.assessor, scope: assessment.scope ?? '' });
  const [saved, setSaved] = useState(false);
  const set = (patch: Partial<typeof form>) => {
    setForm({ ...form, ...patch });
    setSaved(false);
  };
  const saving = useAction(async () => {
    await call('assessments.update', { id: assessment.id, ...form, scope: form.scope.trim() || null });
    setSaved(true);
  });
  const error = saving.failure;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void saving.run();
  };
  return (
    <div className="assessment-columns">
      <section className="card" aria-labelledby="setup-title">
        <header className="card-header">
          <h2 id="setup-title">Client and scope</h2>
        </header>
        <form onSubmit={submit} className="form-grid" noValidate>
          <Field label="Client name" name="clientName" error={error?.issueFor('clientName')} required>
            <input className="input" value={form.clientName} onChange={(e) => set({ clientName: e.target.value })} />
          </Field>
          <Field label="Date" name="assessedOn" error={error?.issueFor('assessedOn')} required>
            <input className="input" type="date" value={form.assessedOn} onChange={(e) => set({ assessedOn: e.target.value })} />
          </Field>
          <Field label="Assessor" name="assessor" error={error?.issueFor('assessor')} required>
            <input className="input" value={form.assessor} onChange={(e) => set({ assessor: e.target.value })} />
          </Field>
          <Field label="Scope" name="scope" error={error?.issueFor('scope')} wide>
            <textarea className="input" rows={3} value={form.scope} onChange={(e) => set({ scope: e.target.value })} />
          </Field>
          <div className="field wide form-actions">
            {error && !error.error.issues?.length && (
              <p className="form-error" role="alert">
                {error.message}
              </p>
            )}
            <div>
              <button type="submit" className="button primary">
                Save
              </button>
              {saved && (
                <span className="muted small" role="status">
                  {' '}
                  Saved.
                </span>
              )}
            </div>
          </div>
        </form>
        {assessment.accountId !== null && (
          <p className="muted small">
            Client account: <a href={`#/accounts/${assessment.accountId}`}>open the account page</a>
          </p>
        )}
      </section>
      <div className="assessment-stack">
        <RespondentsCard detail={detail} />
        <TargetsCard detail={detail} />
      </div>
    </div>
  );
}
