import type { Outcome } from '../../../../shared/contract/outcomes';
import { resultChange, resultDeltaText, resultPeriod, resultVerification } from '../../../../shared/contract/stories';
import { formatDate } from '../../../../shared/format/format';

/** A measured result: baseline → achieved (unit) with the change, the period, the method and who verified it. */
export function ResultFigure({ outcome, compact }: { outcome: Outcome; compact?: boolean }) {
  const change = resultChange(outcome);
  // A percentage changes in points ("+39.2 pp"), anything else relatively ("−67 %"): the exports read the same.
  const delta = resultDeltaText(outcome);
  const period = resultPeriod(outcome);
  const verified = resultVerification(outcome, (day) => formatDate(day));
  return (
    <div className="result-figure" data-testid="result-figure">
      <div className="result-metric">{outcome.metric}</div>
      <div className="result-change">
        <span data-testid="result-change">{change ?? <span className="muted">Not measured yet</span>}</span>
        {delta !== null && (
          <span className="pill muted result-delta" data-testid="result-delta">
            {delta}
          </span>
        )}
      </div>
      <div className="muted small">{[period, compact ? null : outcome.method && `Method: ${outcome.method}`].filter(Boolean).join(' · ')}</div>
      <div className={`small ${verified ? 'tone-ok' : 'tone-warn'}`}>{verified ?? 'Not verified'}</div>
    </div>
  );
}
