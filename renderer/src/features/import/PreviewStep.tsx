import { describeProblem } from '../../../../shared/contract/import';
import { countOf, formatInteger } from '../../../../shared/format/format';
import { cell, fieldLabel, MONEY_FIELDS, storedCell } from './cells';
import type { ImportWizardState } from './useImportWizard';
import { RespondentMatches } from './RespondentMatches';
import { ImportWarnings } from './ImportWarnings';
import { headNote, problemRow } from './previewHead';
import { AccountsCreated } from './AccountsCreated';

/** Step 3: the counts, the first rows as stored, the problems, and the button that commits. */
export function PreviewStep({ wizard }: { wizard: ImportWizardState }) {
  const { mapping, policy, preview, previewing, previewError, commitError, commit } = wizard;
  const shown = mapping ?? preview?.mapping;
  const fieldColumns = shown ? Object.keys(shown.fields) : [];
  const rejecting = policy === 'reject' && (preview?.counts.errors ?? 0) > 0;

  return (
    <section className="card import-step" data-testid="import-preview" aria-busy={previewing}>
      <header className="card-header">
        <h2 className="card-title">3. Preview {previewing && <span className="muted small">updating…</span>}</h2>
      </header>
      {preview && (
        <>
          <ul className="import-counts" data-testid="import-counts">
            <li>
              <strong>{formatInteger(preview.counts.rows)}</strong> rows
            </li>
            <li>
              <strong data-testid="count-inserts">{formatInteger(preview.counts.inserts)}</strong> new
            </li>
            <li>
              <strong data-testid="count-updates">{formatInteger(preview.counts.updates)}</strong> updates
            </li>
            <li>
              <strong data-testid="count-skips">{formatInteger(preview.counts.skips)}</strong> skipped
            </li>
            <li className={preview.counts.errors > 0 ? 'tone-bad' : ''}>
              <strong data-testid="count-errors">{formatInteger(preview.counts.errors)}</strong> with problems
            </li>
          </ul>
          {preview.head && (
            <p className="muted small" data-testid="import-preview-head">
              {headNote(preview.head)}
            </p>
          )}
          <RespondentMatches respondents={preview.respondents} testId="import-respondents" />
          <AccountsCreated made={preview.accountsCreated} done={false} testId="import-accounts-created" />
          <h3 className="section-title">First rows as they will be stored</h3>
          {/* Focusable so the keyboard can scroll a preview wider than the screen (axe: scrollable-region-focusable). */}
          <div className="import-scroll" tabIndex={0} role="region" aria-label="First rows as they will be stored">
            <table className="import-table" data-testid="import-preview-rows">
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  <th scope="col">Action</th>
                  {fieldColumns.map((f) => (
                    <th scope="col" key={f}>
                      {fieldLabel(f)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((row, i) => (
                  <tr key={i}>
                    <td className="num">{cell(row._row)}</td>
                    <td>
                      <span className={`pill action-${cell(row._action)}`}>{cell(row._action)}</span>
                    </td>
                    {fieldColumns.map((f) => (
                      <td key={f} className={MONEY_FIELDS.has(f) ? 'num' : undefined}>
                        {storedCell(row, f)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {preview.problemsTotal > 0 && (
            <>
              <h3 className="section-title">
                Problems ({formatInteger(preview.problemsTotal)}
                {preview.problemsTotal > preview.problems.length ? `, the first ${formatInteger(preview.problems.length)} shown` : ''})
              </h3>
              <div className="import-scroll problems" tabIndex={0} role="region" aria-label="Problems">
                <table className="import-table" data-testid="import-problems">
                  <thead>
                    <tr>
                      <th scope="col">Row</th>
                      <th scope="col">Column</th>
                      <th scope="col">Problem</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.problems.map((problem, i) => (
                      <tr key={i} title={describeProblem(problem)} data-testid="import-problem">
                        <td className={problem.row === 0 ? undefined : 'num'}>{problemRow(problem.row)}</td>
                        <td>{problem.column ?? '—'}</td>
                        <td>{problem.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
          <ImportWarnings warnings={preview.warnings} testId="import-warnings" />
        </>
      )}
      {commitError && (
        <p className="form-error" role="alert" data-testid="import-commit-error">
          {commitError}
        </p>
      )}
      <footer className="card-actions">
        {rejecting && (
          <span className="muted small" data-testid="import-reject-note">
            With problems in the file, the reject policy imports nothing. Fix the mapping or skip the bad rows.
          </span>
        )}
        <button type="button" className={`button${rejecting ? '' : ' primary'}`} onClick={commit} disabled={!preview || previewing || !!previewError} data-testid="import-commit">
          {rejecting
            ? 'Import (the file will be rejected)'
            : preview?.head
              ? 'Import the whole file'
              : preview
                ? `Import ${countOf(preview.counts.inserts + preview.counts.updates, 'row')}`
                : 'Import rows'}
        </button>
      </footer>
    </section>
  );
}
