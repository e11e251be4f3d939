import { useState } from 'react';
import type { ExportTable } from '../../../shared/contract/export';
import { call } from '../api/client';
import { useAction } from '../api/useAction';
import { saveExport } from '../features/import/saveExport';

/**
 * Exports exactly what a table screen shows (its search, filters and sort, all pages) as CSV or
 * XLSX, so a filtered view can go straight to a spreadsheet.
 */
export function ExportView({ table, query, testId }: { table: ExportTable; query: Record<string, unknown>; testId: string }) {
  const [format, setFormat] = useState<'csv' | 'xlsx'>('csv');
  const { run, busy, error } = useAction(async () => {
    const file = await call('export.download', { kind: 'table', table, format, query });
    await saveExport(file);
  });

  return (
    <div className="export-view" role="group" aria-label="Export this view">
      <select className="input" value={format} onChange={(e) => setFormat(e.target.value as 'csv' | 'xlsx')} aria-label="Export format" data-testid={`${testId}-format`}>
        <option value="csv">CSV</option>
        <option value="xlsx">XLSX</option>
      </select>
      <button type="button" className="button" onClick={() => void run()} disabled={busy} data-testid={testId}>
        {busy ? 'Exporting…' : 'Export view'}
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
