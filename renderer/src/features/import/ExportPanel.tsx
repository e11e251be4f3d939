import { useState } from 'react';
import { EXPORT_TABLES, type ExportTable } from '../../../../shared/contract/export';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useJob } from '../../api/useJob';
import { JobProgress } from '../../components/JobProgress';
import { Field } from '../../components/Field';
import { countOf } from '../../../../shared/format/format';
import { hasFileDialogs } from '../../api/host';
import { exportToChosenFile } from './exportToFile';
import { saveExport } from './saveExport';

const TABLE_LABELS: Record<ExportTable, string> = {
  accounts: 'Accounts',
  contacts: 'Contacts',
  personas: 'Personas',
  touchpoints: 'Touchpoints',
  tickets: 'Tickets',
  surveyResponses: 'Survey answers',
  deployments: 'Deployments',
  outcomes: 'Outcomes',
  deals: 'Deals',
  purchases: 'Purchases',
};

export function ExportPanel() {
  const [table, setTable] = useState<ExportTable>('accounts');
  const [format, setFormat] = useState<'csv' | 'xlsx'>('csv');
  // People get labels and currency units; a machine (a re-import, a script) asks for the raw codes and minor units.
  const [raw, setRaw] = useState(false);
  const style = raw ? 'raw' : 'readable';
  // Which export runs, so only its button says "Exporting…".
  const [running, setRunning] = useState<'table' | 'archive'>();
  const [notice, setNotice] = useState<{ ok: boolean; text: string }>();
  const exporting = useAction(async (kind: 'table' | 'archive') => {
    // The desktop app: its save dialog, then the core writes the chosen file (by a grant, never a path; null if cancelled).
    if (hasFileDialogs()) return exportToChosenFile(kind, table, format, style);
    const file = await call('export.download', kind === 'table' ? { kind, table, format, style } : { kind });
    await saveExport(file);
    return file;
  });
  const busy = exporting.busy ? running : undefined;
  // The archive is a long job in the core: its progress, and Cancel (nothing is written then).
  const archiveJob = useJob('export.archive', busy === 'archive');
  // A table export is one too (issue 14).
  const tableJob = useJob('export.table', busy === 'table');

  const run = async (kind: 'table' | 'archive') => {
    setRunning(kind);
    setNotice(undefined);
    const result = await exporting.run(kind);
    if (!result.ok && result.error.error.code === 'CANCELLED')
      return setNotice({ ok: true, text: `The ${kind === 'archive' ? 'archive' : 'table'} export was cancelled: no file was written.` });
    if (!result.ok) return setNotice({ ok: false, text: `The export failed: ${result.error.message}` });
    const file = result.value;
    if (!file) return;
    setNotice({ ok: true, text: `${file.name}: ${countOf(file.rows, 'row')}${kind === 'archive' ? ' across every table' : ''}.` });
  };

  return (
    <section className="card" data-testid="export-panel">
      <h2 className="card-title">Export</h2>
      <p className="card-subtitle">Every row of a table, archived ones too, for a spreadsheet; or the whole workspace as one JSON archive Fulcrum can import back.</p>
      <div className="form-grid export-form">
        <Field label="Table" name="export-table">
          <select className="input" value={table} onChange={(e) => setTable(e.target.value as ExportTable)} data-testid="export-table">
            {EXPORT_TABLES.map((t) => (
              <option key={t} value={t}>
                {TABLE_LABELS[t]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Format" name="export-format">
          <select className="input" value={format} onChange={(e) => setFormat(e.target.value as 'csv' | 'xlsx')} data-testid="export-format">
            <option value="csv">CSV (UTF-8)</option>
            <option value="xlsx">Excel (XLSX)</option>
          </select>
        </Field>
        <label className="check" title="Field names, codes (mid_market) and integer minor units (1860 for $18.60), as Fulcrum's import reads them back">
          <input type="checkbox" checked={raw} onChange={(e) => setRaw(e.target.checked)} data-testid="export-raw" /> For machines: raw codes and minor units
        </label>
      </div>
      <footer className="card-actions">
        <button type="button" className="button primary" onClick={() => run('table')} disabled={busy !== undefined} data-testid="export-table-run">
          {busy === 'table' ? 'Exporting…' : `Export ${TABLE_LABELS[table].toLowerCase()}`}
        </button>
        <button type="button" className="button" onClick={() => run('archive')} disabled={busy !== undefined} data-testid="export-archive-run">
          {busy === 'archive' ? 'Exporting…' : 'Export workspace archive (JSON)'}
        </button>
      </footer>
      {(busy === 'archive' || archiveJob.elsewhere) && (
        <JobProgress label="Exporting the workspace archive" unit="rows" job={archiveJob} describe={(table) => `table ${table}`} testId="export-archive-progress" />
      )}
      {(busy === 'table' || tableJob.elsewhere) && (
        <JobProgress label={`Exporting ${TABLE_LABELS[table].toLowerCase()}`} unit="rows" job={tableJob} testId="export-table-progress" />
      )}
      {notice && (
        <p className={notice.ok ? 'muted small' : 'form-error'} role="status" data-testid="export-notice">
          {notice.text}
        </p>
      )}
    </section>
  );
}
