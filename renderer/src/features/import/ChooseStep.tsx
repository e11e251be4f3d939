import { IMPORT_TARGETS, MAX_STAGED_BYTES, type ImportTarget } from '../../../../shared/contract/import';
import { Field } from '../../components/Field';
import { formatBytes, TARGET_LABELS } from './importModel';
import { StartGuide } from './StartGuide';
import type { ImportWizardState } from './useImportWizard';

/** Step 1: the target and the file, dropped or chosen. */
export function ChooseStep({ wizard }: { wizard: ImportWizardState }) {
  const { target, setTarget, file, fileError, dragging, setDragging, staging, fileInput, choose, next, onDrop } = wizard;
  return (
    <>
      <StartGuide wizard={wizard} />
      <section className="card import-step" data-testid="import-choose">
        <h2 className="card-title">1. What to import</h2>
        <div className="form-grid">
          <Field label="Import into" name="import-target">
            <select className="input" value={target} onChange={(e) => setTarget(e.target.value as ImportTarget)} data-testid="import-target">
              {IMPORT_TARGETS.map((t) => (
                <option key={t} value={t}>
                  {TARGET_LABELS[t]}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <div
          className={`drop-zone${dragging ? ' dragging' : ''}${fileError ? ' invalid' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          data-testid="import-drop"
        >
          <p>
            <strong>Drop a CSV or XLSX file here</strong> or{' '}
            <label className="link-button">
              choose one
              <input
                ref={fileInput}
                type="file"
                accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                className="visually-hidden"
                onChange={(e) => choose(e.target.files?.[0])}
                data-testid="import-file"
              />
            </label>
          </p>
          <p className="muted small">Exports from a CRM, help desk or survey tool; CSV in any delimiter and encoding, or XLSX; up to {formatBytes(MAX_STAGED_BYTES)}.</p>
          {file && (
            <p className="drop-file" data-testid="import-file-name">
              {file.name} · {formatBytes(file.size)}
            </p>
          )}
        </div>
        {fileError && (
          <p className="form-error" role="alert" data-testid="import-file-error">
            {fileError}
          </p>
        )}
        <footer className="card-actions">
          <button type="button" className="button primary" onClick={next} disabled={staging || !file} data-testid="import-next">
            {staging ? 'Reading the file…' : 'Continue to mapping'}
          </button>
        </footer>
      </section>
    </>
  );
}
