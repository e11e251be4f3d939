import { useState } from 'react';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import type { AssessmentDetail } from '../../../../shared/contract/assessments';

/** The executive summary, in the consultant's words; the report adds the key numbers beside it. */
export function SummaryEditor({ detail }: { detail: AssessmentDetail }) {
  const stored = detail.assessment.executiveSummary ?? '';
  const [text, setText] = useState(stored);
  const [saved, setSaved] = useState(false);
  const saving = useAction(async () => {
    await call('assessments.update', { id: detail.assessment.id, executiveSummary: text.trim() || null });
    setSaved(true);
  });
  const save = () => {
    setSaved(false);
    return saving.run();
  };
  return (
    <section className="card" aria-labelledby="summary-title">
      <header className="card-header">
        <h2 id="summary-title">Executive summary</h2>
        <button type="button" className="button primary small" disabled={text === stored} onClick={() => void save()} data-testid="summary-save">
          Save summary
        </button>
      </header>
      <textarea
        className="input summary-input"
        rows={7}
        value={text}
        aria-labelledby="summary-title"
        placeholder="What you found, what matters most, what to do first. Blank lines separate paragraphs."
        onChange={(e) => {
          setText(e.target.value);
          setSaved(false);
          saving.reset();
        }}
        data-testid="summary-input"
      />
      {saved && (
        <p className="muted small" role="status">
          Saved: the report shows it.
        </p>
      )}
      {saving.error && (
        <p className="form-error" role="alert">
          {saving.error}
        </p>
      )}
    </section>
  );
}
