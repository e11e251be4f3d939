import { useRef, useState } from 'react';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import type { AssessmentDetail } from '../../../../shared/contract/assessments';
import { downloadCoreFile, fileToBase64 } from './files';
import { countOf } from './format';

/** Answers collected in a spreadsheet: export the sheet in the template's shape, import it filled in. */
export function AnswerSheetCard({ detail }: { detail: AssessmentDetail }) {
  const [format, setFormat] = useState<'csv' | 'xlsx'>('xlsx');
  const [message, setMessage] = useState<string>();
  const input = useRef<HTMLInputElement>(null);
  const attempt = useAction(async (work: () => Promise<string | void>) => {
    const done = await work();
    if (done) setMessage(done);
  });
  const error = attempt.error;
  const run = (work: () => Promise<string | void>) => {
    setMessage(undefined);
    return attempt.run(work);
  };
  return (
    <section className="card" aria-labelledby="sheet-title" data-testid="answer-sheet-card">
      <header className="card-header">
        <h2 id="sheet-title">Answers from a spreadsheet</h2>
      </header>
      <p className="muted small">
        The sheet lists every item with two columns per respondent, “level: name” and “evidence: name”. Add columns for new respondents; a level is its number or label, dk (don't
        know) or na (not applicable). Nothing is imported if one cell is wrong.
      </p>
      <div className="file-actions">
        <select className="input" value={format} onChange={(e) => setFormat(e.target.value as 'csv' | 'xlsx')} aria-label="Sheet format">
          <option value="xlsx">XLSX</option>
          <option value="csv">CSV</option>
        </select>
        <button
          type="button"
          className="button"
          onClick={() => void run(async () => downloadCoreFile(await call('assessments.answerSheet', { id: detail.assessment.id, format })))}
          data-testid="sheet-export"
        >
          Export answer sheet
        </button>
        <input
          ref={input}
          type="file"
          accept=".csv,.xlsx,text/csv"
          hidden
          data-testid="sheet-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (!file) return;
            void run(async () => {
              const result = await call('assessments.importAnswers', { id: detail.assessment.id, name: file.name, contentBase64: await fileToBase64(file) });
              return `${countOf(result.answers, 'answer')} imported, ${countOf(result.respondentsAdded, 'new respondent')}.`;
            }).finally(() => {
              if (input.current) input.current.value = '';
            });
          }}
        />
        <button type="button" className="button" onClick={() => input.current?.click()} data-testid="sheet-import">
          Import filled sheet…
        </button>
      </div>
      {message && (
        <p role="status" className="tone-ok" data-testid="sheet-message">
          {message}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert" data-testid="sheet-error">
          {error}
        </p>
      )}
    </section>
  );
}
