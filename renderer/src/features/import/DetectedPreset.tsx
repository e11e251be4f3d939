import type { ImportWizardState } from './useImportWizard';

const percent = (confidence: number) => `${Math.round(confidence * 100)} %`;

/** What detection made of the file's header: the preset taken and how sure, the runners-up to pick instead. */
export function DetectedPreset({ wizard }: { wizard: ImportWizardState }) {
  const { detected, preset, changePreset } = wizard;
  if (!detected) return null;
  const { best, candidates, duplicateHeaders } = detected;
  const others = candidates.filter((candidate) => candidate.name !== preset && candidate.confidence >= 0.3).slice(0, 3);
  return (
    <div className="import-detected" data-testid="import-detected" role="status">
      {best ? (
        <p>
          Looks like a <strong>{best.tool}</strong> export: preset <code data-testid="import-detected-preset">{best.name}</code>,{' '}
          <span
            className="pill"
            title={`Columns found: ${best.matched.join(', ')}${best.missing.length ? `. Missing: ${best.missing.join(', ')}` : ''}`}
            data-testid="import-detected-confidence"
          >
            {percent(best.confidence)} of its columns
          </span>
          {preset !== best.name && <span className="muted small"> (you chose another mapping)</span>}
        </p>
      ) : (
        <p>No known export fits this header: the columns are matched by name and content. Check the confidence beside each column.</p>
      )}
      {others.length > 0 && (
        <p className="small">
          Or read it as:{' '}
          {others.map((candidate) => (
            <button key={candidate.name} type="button" className="link-button" onClick={() => changePreset(candidate.name)} data-testid={`import-use-${candidate.name}`}>
              {candidate.tool} ({candidate.name}, {percent(candidate.confidence)})
            </button>
          ))}
          {preset && (
            <button type="button" className="link-button" onClick={() => changePreset('')} data-testid="import-use-automatic">
              automatic matching
            </button>
          )}
        </p>
      )}
      {duplicateHeaders.length > 0 && (
        <p className="form-error" data-testid="import-duplicate-headers">
          The header names {duplicateHeaders.map((name) => `'${name}'`).join(', ')} more than once: only the first column of each name is read.
        </p>
      )}
    </div>
  );
}
