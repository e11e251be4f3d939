import type { ReactNode } from 'react';
import { formatInteger } from '../../../../shared/format/format';
import type { JobState } from '../../api/useJob';
import { JobProgress } from '../../components/JobProgress';
import type { Progress } from './settingsForm';

/** Health recomputes: the one a save of a new model triggers in the core, or one asked for. */
export type Recompute =
  | { state: 'idle' }
  | { state: 'running'; progress?: Progress; label: string; cancellable?: boolean }
  | { state: 'done'; accounts?: number; modelVersion: string; previousVersion?: string; afterSave: boolean }
  | { state: 'error'; message: string }
  | { state: 'cancelled' };

export function RecomputePanel({
  recompute,
  modelVersion,
  dirtyHealth,
  onRun,
  onCancel,
  cancelling = false,
  job,
}: {
  recompute: Recompute;
  modelVersion?: string;
  dirtyHealth: boolean;
  onRun: () => void;
  /** Stops a cancellable recompute (the one asked for here; a save's recompute runs to its end). */
  onCancel?: () => void;
  cancelling?: boolean;
  /** The recompute job as useJob follows it: one started elsewhere (another window, before this screen opened) shows its bar and Cancel here. */
  job?: JobState;
}) {
  let status: ReactNode;
  const elsewhere = recompute.state !== 'running' && job?.elsewhere === true;
  if (elsewhere) {
    status = <JobProgress label="A health recompute is running" unit="accounts" job={job} testId="recompute-elsewhere" />;
  } else if (recompute.state === 'running') {
    const { progress } = recompute;
    const share = progress ? progress.done / progress.total : undefined;
    status = (
      <div className="recompute-progress" data-testid="recompute-progress">
        <div
          className={`progress${share === undefined ? ' indeterminate' : ''}`}
          role="progressbar"
          aria-label={recompute.label}
          aria-valuemin={0}
          aria-valuemax={progress?.total}
          aria-valuenow={progress?.done}
        >
          <span style={share === undefined ? undefined : { width: `${share * 100}%` }} />
        </div>
        <span className="muted small">
          {recompute.label}
          {cancelling ? ': cancelling…' : progress ? `: ${formatInteger(progress.done)} of ${formatInteger(progress.total)}` : '…'}
        </span>
        {recompute.cancellable && onCancel && (
          <button type="button" className="button" onClick={onCancel} disabled={cancelling} data-testid="recompute-cancel">
            Cancel
          </button>
        )}
      </div>
    );
  } else if (recompute.state === 'done') {
    const changed = recompute.previousVersion !== undefined && recompute.previousVersion !== recompute.modelVersion;
    status = (
      <p className="recompute-done" role="status" data-testid="recompute-done">
        <span aria-hidden="true">✓</span> {recompute.afterSave ? 'Saved and recomputed' : 'Recomputed'}
        {recompute.accounts !== undefined ? ` ${formatInteger(recompute.accounts)} accounts` : ' every account'} with model{' '}
        <code data-testid="recompute-version">{recompute.modelVersion}</code>
        {changed && (
          <>
            {' '}
            (was <code data-testid="recompute-previous-version">{recompute.previousVersion}</code>)
          </>
        )}
        . The dashboard and account pages show the new scores.
      </p>
    );
  } else if (recompute.state === 'cancelled') {
    status = (
      <p className="muted small" role="status" data-testid="recompute-cancelled">
        Recompute cancelled: every account keeps its previous score.
      </p>
    );
  } else if (recompute.state === 'error') {
    status = (
      <p className="form-error" role="alert" data-testid="recompute-error">
        Recompute failed: {recompute.message}
      </p>
    );
  }
  return (
    <div className="recompute" data-testid="recompute">
      <div className="recompute-head">
        <div>
          <strong>Health scores</strong>
          <p className="muted small">
            {dirtyHealth
              ? 'Saving a new model recomputes every account’s score.'
              : 'Scores also move with time (days since the last touchpoint, days to renewal); recompute refreshes every account now.'}
            {modelVersion && (
              <>
                {' '}
                Current model: <code data-testid="model-version">{modelVersion}</code>.
              </>
            )}
          </p>
        </div>
        <button type="button" className="button" onClick={onRun} disabled={recompute.state === 'running' || elsewhere || dirtyHealth} data-testid="recompute-start">
          {recompute.state === 'running' || elsewhere ? 'Working…' : 'Recompute now'}
        </button>
      </div>
      {status}
    </div>
  );
}
