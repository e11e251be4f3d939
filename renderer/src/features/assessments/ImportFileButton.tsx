import { useRef } from 'react';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { fileToBase64 } from './files';

/**
 * Opens a portable assessment file (a colleague's, or one handed over): as a new assessment, or,
 * with `intoAssessmentId`, merged into this one (its respondents and answers are added).
 */
export function ImportFileButton({
  intoAssessmentId,
  onImported,
  label = 'Open assessment file…',
}: {
  intoAssessmentId?: number;
  onImported: (assessmentId: number, summary: string) => void;
  label?: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  const opening = useAction(async (file: File) => {
    const result = await call('assessments.importFile', { contentBase64: await fileToBase64(file), ...(intoAssessmentId ? { intoAssessmentId } : {}) });
    onImported(result.assessmentId, `${result.respondentsAdded} respondent(s) and ${result.answers} answer(s) added from ${file.name}.`);
  });
  const { busy, error } = opening;
  const run = async (file: File) => {
    await opening.run(file);
    // The same file can be chosen again (after fixing it, say).
    if (input.current) input.current.value = '';
  };
  return (
    <span className="file-action">
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        onChange={(e) => e.target.files?.[0] && void run(e.target.files[0])}
        data-testid={intoAssessmentId ? 'merge-file-input' : 'import-file-input'}
      />
      <button type="button" className="button" disabled={busy} onClick={() => input.current?.click()}>
        {busy ? 'Opening…' : label}
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
