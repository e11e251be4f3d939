import { useState } from 'react';
import type { ExportTable } from '../../../shared/contract/export';
import { call } from '../api/client';
import { useAction } from '../api/useAction';
import { useJob } from '../api/useJob';
import { saveExport } from '../features/import/saveExport';
import { JobProgress } from './JobProgress';
import './exportView.css';

/**
 * Exports exactly what a table screen shows (its search, filters and sort, all pages) as CSV or
 * XLSX, so a filtered view can go straight to a spreadsheet. The core writes it as a job (issue 14):
 * a bar in rows while it runs, and Cancel, after which nothing is saved.
 */
export function ExportView({ table, query, testId }: { table: ExportTable; query: Record<string, unknown>; testId: string }) {
  const [format, setFormat] = useState<'csv' | 'xlsx'>('csv');
  const { run, busy, error } = useAction(async () => {
    const file = await call('export.download', { kind: 'table', table, format, query });
    await saveExport(file);
  });
  const [cancelled, setCancelled] = useState(false);
  const job = useJob('export.table', busy);
  const start = async () => {
    setCancelled(false);
    const result = await run();
    if (!result.ok && result.error.error.code === 'CANCELLED') setCancelled(true);
  };

  return (
    <div className="export-view" role="group" aria-label="Export this view">
      <select className="input" value={format} onChange={(e) => setFormat(e.target.value as 'csv' | 'xlsx')} aria-label="Export format" data-testid={`${testId}-format`}>
        <option value="csv">CSV</option>
        <option value="xlsx">XLSX</option>
      </select>
      <button type="button" className="button" onClick={() => void start()} disabled={busy || job.elsewhere} data-testid={testId}>
        {busy || job.elsewhere ? 'Exporting…' : 'Export view'}
      </button>
      {busy && <JobProgress label="Exporting this view" unit="rows" job={job} testId={`${testId}-progress`} />}
      {/* A table export started in another window (or before this screen was opened): its bar, and Cancel, here too. */}
      {job.elsewhere && <JobProgress label="A table export is running" unit="rows" job={job} testId={`${testId}-progress`} />}
      {cancelled && !busy && (
        <span className="muted small" role="status" data-testid={`${testId}-cancelled`}>
          Export cancelled: no file was saved.
        </span>
      )}
      {error && !cancelled && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
