import { describeProblem, type ImportProblem } from '../../../../shared/contract/import';
import { formatInteger } from '../../../../shared/format/format';
import './importWarnings.css';

/**
 * Rows imported otherwise than the file says because the app would refuse them as written (issue
 * 13: a reference's stage is stored at the last stage its rules allow), by row and column, with
 * what was stored and why. Shown in the preview, before the import, and in its summary after.
 */
export function ImportWarnings({ warnings, testId }: { warnings: readonly ImportProblem[] | undefined; testId: string }) {
  if (!warnings || warnings.length === 0) return null;
  return (
    <>
      <h3 className="section-title">
        Imported with a change ({formatInteger(warnings.length)}
        {warnings.length >= 1_000 ? ', the first 1,000 shown' : ''})
      </h3>
      <p className="muted small">These rows are imported, but not exactly as the file says: the app would refuse what they say. Each line says what is stored instead.</p>
      <div className="import-scroll problems" tabIndex={0} role="region" aria-label="Rows imported with a change">
        <table className="import-table" data-testid={testId}>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Column</th>
              <th scope="col">What is stored instead</th>
            </tr>
          </thead>
          <tbody>
            {warnings.map((warning, i) => (
              <tr key={i} title={describeProblem(warning)} data-testid={`${testId}-row`}>
                <td className="num">{formatInteger(warning.row)}</td>
                <td>{warning.column ?? '—'}</td>
                <td className="import-warning-message">{warning.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
