import type { ImportResult } from '../../../../shared/contract/import';
import { cell, fieldLabel, MONEY_FIELDS, storedCell } from './cells';

/** The first imported rows as the core stored them: "view imported rows" for every target, with or without a screen of its own. */
export function ImportedRows({ result }: { result: ImportResult }) {
  if (result.rows.length === 0) return null;
  const fields = [...new Set(result.rows.flatMap((row) => Object.keys(row)))].filter((key) => !key.startsWith('_'));
  return (
    <details className="import-imported" open data-testid="import-imported-rows">
      <summary className="section-title">The first {result.rows.length} imported rows, as stored</summary>
      <div className="import-scroll">
        <table className="import-table">
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Action</th>
              {fields.map((field) => (
                <th scope="col" key={field}>
                  {fieldLabel(field)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.rows.map((row, i) => (
              <tr key={i}>
                <td className="num">{cell(row._row)}</td>
                <td>{cell(row._action)}</td>
                {fields.map((field) => (
                  <td key={field} className={MONEY_FIELDS.has(field) ? 'num' : undefined}>
                    {storedCell(row, field)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
