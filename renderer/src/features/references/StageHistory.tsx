import type { StageChange } from '../../../../shared/contract/references';
import { formatDateTime } from '../../../../shared/format/format';
import { referenceStageLabel } from './labels';

/** Every stage change, oldest first: who, when, why. */
export function StageHistory({ history }: { history: StageChange[] }) {
  if (history.length === 0) return <p className="muted">No stage changes logged (imported as it is).</p>;
  return (
    <ol className="stage-history" data-testid="stage-history">
      {history.map((change) => (
        <li key={change.id} data-testid="stage-change">
          <span className="stage-history-move">
            {change.fromStage ? `${referenceStageLabel(change.fromStage)} → ` : 'Entered as '}
            <strong>{referenceStageLabel(change.toStage)}</strong>
          </span>
          <span className="muted">
            {' '}
            by {change.changedBy}, {formatDateTime(change.changedAt)}
          </span>
          {change.reason && <q className="stage-history-reason">{change.reason}</q>}
        </li>
      ))}
    </ol>
  );
}
