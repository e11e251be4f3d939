import { useRef, useState } from 'react';
import { call } from '../../api/client';
import { fileToBase64 } from './files';

/**
 * Opens a portable assessment file (a colleague's, or one handed over): as a new assessment, or,
 * with `intoAssessmentId`, merged into this one (its respondents and answers are added).
 */
export function ImportFileButton({ intoAssessmentId, onImported, label = 'Open assessment file…' }: {
  intoAssessmentId?: number;
  onImported: (assessmentId: number, summary: string) => void;
  label?: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const run = async (file: File) => {
    setBusy(true);
    setError(undefined);
    try {
      const result = await call('assessments.importFile', { contentBase64: await fileToBase64(file), ...(intoAssessmentId ? { intoAssessmentId } : {}) });
      onImported(result.assessmentId, `${result.respondentsAdded} respondent(s) and ${result.answers} answer(s) added from ${file.name}.`);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
  return (
    <span className="file-action">
      <input ref={input} type="file" accept=".json,application/json" hidden onChange={(e) => e.target.files?.[0] && void run(e.target.files[0])} data-testid={intoAssessmentId ? 'merge-file-input' : 'import-file-input'} />
      <button type="button" className="button" disabled={busy} onClick={() => input.current?.click()}>
        {busy ? 'Opening…' : label}
      </button>
      {error && <span className="field-error" role="alert">{error}</span>}
    </span>
  );
}
