import { countOf, formatInteger } from '../../../../shared/format/format';
import { rate, TARGET_LABELS } from './importModel';
import type { Importing, ImportWizardState } from './useImportWizard';

/** Step 4: the running import, its progress and the way to cancel it. */
export function RunStep({ wizard, step }: { wizard: ImportWizardState; step: Importing }) {
  const { staged, target, cancel } = wizard;
  const share = step.total > 0 ? step.done / step.total : undefined;
  return (
    <section className="card import-step" data-testid="import-running">
      <h2 className="card-title">
        Importing {staged?.file.name} into {TARGET_LABELS[target].toLowerCase()}
      </h2>
      <div
        className={`progress${share === undefined ? ' indeterminate' : ''}`}
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={step.total}
        aria-valuenow={step.done}
      >
        <span style={share === undefined ? undefined : { width: `${share * 100}%` }} />
      </div>
      <p className="muted small" data-testid="import-progress-text">
        {formatInteger(step.done)} of {step.estimated ? 'about ' : ''}
        {countOf(step.total, 'row')}
        {step.rowsPerSecond > 0 ? ` · ${rate(step.rowsPerSecond)}` : ''}
        {step.cancelling ? ' · cancelling…' : ''}
      </p>
      <footer className="card-actions">
        <button type="button" className="button" onClick={cancel} disabled={step.cancelling} data-testid="import-cancel">
          Cancel import
        </button>
      </footer>
    </section>
  );
}
