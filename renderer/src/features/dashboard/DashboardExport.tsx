import type { Input } from '../../../../shared/contract';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { downloadFile } from '../../lib/download';

/** The dashboard's figures for the current period and filter, as a CSV for a spreadsheet. */
export function DashboardExport({ query, disabled }: { query: Input<'metrics.portfolio'>; disabled: boolean }) {
  const { run, busy, error } = useAction(async () => {
    // For a person: figures rounded as the cards show them, money in currency units (the CLI keeps the raw form).
    const result = await call('export.metrics', { query, style: 'readable' });
    const period = [query.from, query.to].filter(Boolean).join('-to-') || 'last-12-months';
    downloadFile(`fulcrum-dashboard-${period}.csv`, 'text/csv;charset=utf-8', result.csv ?? '');
  });

  return (
    <div className="dashboard-export">
      <button type="button" className="button" onClick={() => void run()} disabled={disabled || busy} data-testid="dashboard-export">
        {busy ? 'Exporting…' : 'Export CSV'}
      </button>
      {error && (
        <span className="field-error" role="alert" data-testid="dashboard-export-error">
          {error}
        </span>
      )}
    </div>
  );
}
