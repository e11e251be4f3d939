import { formatInteger } from '../../../shared/format/format';
import type { JobState } from '../api/useJob';

/**
 * A running long job: a progress bar (indeterminate until the first report), what it is doing in
 * words, and Cancel. `describe` turns the job's phase into words (`health` → 'health scores').
 */
export function JobProgress({ label, job, unit = '', describe, testId }: { label: string; job: JobState; unit?: string; describe?: (phase: string) => string; testId: string }) {
  const { progress, phase, cancelling } = job;
  const share = progress ? progress.done / progress.total : undefined;
  const doing = phase && describe ? describe(phase) : undefined;
  return (
    <div className="recompute-progress job-progress" data-testid={testId} aria-busy="true">
      <div
        className={`progress${share === undefined ? ' indeterminate' : ''}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={progress?.total}
        aria-valuenow={progress?.done}
      >
        <span style={share === undefined ? undefined : { width: `${share * 100}%` }} />
      </div>
      <span className="muted small" role="status" data-testid={`${testId}-text`}>
        {cancelling ? `${label}: cancelling…` : label}
        {!cancelling && doing ? ` (${doing})` : ''}
        {!cancelling && progress ? `: ${formatInteger(progress.done)} of ${formatInteger(progress.total)}${unit ? ` ${unit}` : ''}` : ''}
      </span>
      <button type="button" className="button" onClick={job.cancel} disabled={cancelling} data-testid={`${testId}-cancel`}>
        Cancel
      </button>
    </div>
  );
}
