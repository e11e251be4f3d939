import { useRef, useState } from 'react';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useQuery } from '../../api/useQuery';
import { downloadFile } from '../../lib/download';
import type { AssessmentDetail } from '../../../../shared/contract/assessments';
import { AnswerSheetCard } from './AnswerSheetCard';
import { downloadCoreFile } from './files';
import { ImportFileButton } from './ImportFileButton';
import { SummaryEditor } from './SummaryEditor';

/**
 * The client report: the consultant's summary, a preview of the exact HTML the PDF is printed from,
 * and the files (PDF via the print dialog's "Save as PDF", self-contained HTML, the portable file).
 */
/**
 * The desktop app prints the report to a PDF file itself (its main process answers
 * `assessments.savePdf`); the browser build opens the print dialog on the same HTML.
 */
async function savePdf(id: number, frame: HTMLIFrameElement | null, done: (message: string) => void) {
  if (!window.fulcrum) {
    frame?.contentWindow?.print();
    return;
  }
  const saved = await call('assessments.savePdf', { id });
  if (saved.path) done(`Report saved to ${saved.path}.`);
}

export function ReportPanel({ detail }: { detail: AssessmentDetail }) {
  // Dates in the report are written in the reader's locale.
  const report = useQuery('assessments.report', { id: detail.assessment.id, locale: navigator.language }, ['assessments']);
  const noSummary = !detail.assessment.executiveSummary?.trim();
  const frame = useRef<HTMLIFrameElement>(null);
  const [message, setMessage] = useState<string>();
  const attempt = useAction((work: () => Promise<void>) => work());
  const error = attempt.error;
  const run = (work: () => Promise<void>) => {
    setMessage(undefined);
    return attempt.run(work);
  };

  return (
    <div className="report-panel" data-testid="report-panel">
      <div className="assessment-columns">
        <SummaryEditor detail={detail} />
        <section className="card" aria-labelledby="files-title">
          <header className="card-header">
            <h2 id="files-title">Report and files</h2>
          </header>
          {noSummary && (
            <p className="tone-warn small" role="status" data-testid="report-no-summary">
              ⚠ No executive summary yet: the report leaves that section out. Write one before you send the report to {detail.assessment.clientName}.
            </p>
          )}
          <div className="file-actions">
            <button
              type="button"
              className="button primary"
              disabled={!report.data}
              onClick={() => void run(() => savePdf(detail.assessment.id, frame.current, setMessage))}
              data-testid="report-print"
            >
              {window.fulcrum ? 'Save as PDF…' : 'Print or save as PDF…'}
            </button>
            <button
              type="button"
              className="button"
              disabled={!report.data}
              onClick={() => report.data && downloadFile(`${report.data.name}.html`, 'text/html', report.data.html)}
              data-testid="report-html"
            >
              Download HTML report
            </button>
            <button
              type="button"
              className="button"
              onClick={() => void run(async () => downloadCoreFile(await call('assessments.exportFile', { id: detail.assessment.id })))}
              data-testid="export-file"
            >
              Export assessment file
            </button>
            <ImportFileButton intoAssessmentId={detail.assessment.id} label="Merge a colleague's file…" onImported={(_, summary) => setMessage(summary)} />
          </div>
          <p className="muted small">
            The HTML report holds its charts inline and needs nothing else to open. The assessment file carries the template, respondents, answers, targets and roadmap, for a
            colleague's Fulcrum.
          </p>
          {message && (
            <p role="status" className="tone-ok">
              {message}
            </p>
          )}
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
        </section>
      </div>
      <AnswerSheetCard detail={detail} />
      <section className="card report-preview" aria-labelledby="preview-title">
        <header className="card-header">
          <h2 id="preview-title">Preview</h2>
          {report.loading && <span className="muted small">Updating…</span>}
        </header>
        {report.error ? (
          <p className="form-error" role="alert">
            {report.error.message}
          </p>
        ) : report.data ? (
          <iframe ref={frame} title="Report preview" srcDoc={report.data.html} sandbox="allow-same-origin allow-modals" data-testid="report-frame" />
        ) : (
          <p className="muted" aria-busy="true">
            Building the report…
          </p>
        )}
      </section>
    </div>
  );
}
