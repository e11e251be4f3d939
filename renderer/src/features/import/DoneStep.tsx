import type { ImportResult } from '../../../../shared/contract/import';
import { formatInteger } from '../../../../shared/format/format';
import { rate, TARGET_LABELS, TARGET_ROUTES } from './importModel';
import { ImportedRows } from './ImportedRows';
import type { ImportWizardState } from './useImportWizard';
import { RespondentMatches } from './RespondentMatches';
import { ImportWarnings } from './ImportWarnings';
import { AccountsCreated } from './AccountsCreated';

/** Step 5: what the import did, or why nothing was changed. */
export function DoneStep({ wizard, result }: { wizard: ImportWizardState; result: ImportResult }) {
  const { target, restart } = wizard;
  const route = TARGET_ROUTES[target];
  const counts = result.counts;
  return (
    <section className="card import-step" data-testid="import-done">
      {result.committed ? (
        <>
          <h2 className="card-title">
            <span aria-hidden="true">✓</span> Imported {formatInteger(counts.inserts + counts.updates)} {TARGET_LABELS[target].toLowerCase()}
          </h2>
          <ul className="import-counts" data-testid="import-done-counts">
            <li>
              <strong>{formatInteger(counts.inserts)}</strong> new
            </li>
            <li>
              <strong>{formatInteger(counts.updates)}</strong> updated
            </li>
            <li>
              <strong>{formatInteger(counts.skips + counts.errors)}</strong> skipped
            </li>
            <li className="muted">
              {result.seconds.toFixed(1)} s · {rate(result.rowsPerSecond)}
            </li>
          </ul>
          <RespondentMatches respondents={result.respondents} testId="import-done-respondents" />
          <AccountsCreated made={result.accountsCreated} done testId="import-done-accounts-created" />
          <ImportWarnings warnings={result.warnings} testId="import-done-warnings" />
          <ImportedRows result={result} />
          {result.errorFile && (
            <p className="banner" data-testid="import-error-file">
              {formatInteger(counts.errors)} rows with problems were not imported. They were written, with their problems, to <code>{result.errorFile}</code>.
            </p>
          )}
        </>
      ) : (
        <>
          <h2 className="card-title">{result.cancelled ? 'Import cancelled' : 'Import rejected'}</h2>
          <p data-testid="import-not-committed">
            {result.cancelled
              ? 'The import was cancelled. Nothing was changed: the workspace is as it was before.'
              : `The file has ${formatInteger(result.problemsTotal)} problems and the policy is to reject the whole file. Nothing was changed.`}
          </p>
        </>
      )}
      <footer className="card-actions">
        {result.committed && route && (
          <a className="button primary" href={`#/${route}`} data-testid="import-view-rows">
            View {TARGET_LABELS[target].toLowerCase()}
          </a>
        )}
        <button type="button" className="button" onClick={restart} data-testid="import-again">
          Import another file
        </button>
      </footer>
    </section>
  );
}
