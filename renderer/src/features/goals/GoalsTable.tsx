import type { Output } from '../../../../shared/contract';
import type { Goal } from '../../../../shared/contract/goals';
import { formatDate, formatInteger } from '../../../../shared/format/format';
import { KPI_LABELS, STATUS_TEXT, STATUS_TONE, addDays, figureText, scopeText } from './goalLabels';

/** Each goal against its figure: the figure with its 95 % interval, and met only when the interval says so. The Goals screen adds Edit and Remove. */
export function GoalsTable({
  data,
  compact,
  onEdit,
  onRemove,
}: {
  data: Output<'goals.standing'>;
  compact?: boolean;
  onEdit?: (goal: Goal) => void;
  onRemove?: (goal: Goal) => void;
}) {
  return (
    <table className="mini-table goals-table" data-testid="goals-table">
      <thead>
        <tr>
          <th scope="col">KPI</th>
          <th scope="col">Scope</th>
          {!compact && <th scope="col">Period</th>}
          <th scope="col" className="num">
            Goal
          </th>
          <th scope="col" className="num">
            Figure (95 % interval)
          </th>
          <th scope="col">Status</th>
          {onEdit && (
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {data.rows.map((row) => (
          <tr key={row.goal.id} data-testid="goal-row" data-goal-id={row.goal.id}>
            <th scope="row">{KPI_LABELS[row.goal.kpi]}</th>
            <td>{scopeText(row.goal)}</td>
            {!compact && (
              <td className="small">
                {formatDate(row.goal.periodStart)} – {formatDate(addDays(row.goal.periodEnd, -1))}
              </td>
            )}
            <td className="num" data-testid="goal-target-cell">
              {row.direction === 'higher' ? '≥' : '≤'} {row.goal.target}
            </td>
            <td className="num" data-testid="goal-figure">
              {figureText(row)}
              {row.figure.value !== null && (
                <span className="muted small">
                  {row.interval?.kind === 'exact' ? ' exact,' : row.interval?.kind === 'sketch' ? ' within 1 %,' : ''} n = {formatInteger(row.figure.n)}
                </span>
              )}
            </td>
            <td>
              <span className={`pill goal-status tone-${STATUS_TONE[row.status]}`} title={row.explanation} data-testid="goal-status">
                {STATUS_TEXT[row.status]}
              </span>
            </td>
            {onEdit && (
              <td className="row-actions">
                <button
                  type="button"
                  className="link-button"
                  onClick={() => onEdit(row.goal)}
                  aria-label={`Edit the ${KPI_LABELS[row.goal.kpi]} goal (${scopeText(row.goal)})`}
                  data-testid="goal-edit"
                >
                  Edit
                </button>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => onRemove?.(row.goal)}
                  aria-label={`Remove the ${KPI_LABELS[row.goal.kpi]} goal (${scopeText(row.goal)})`}
                  data-testid="goal-remove"
                >
                  Remove
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
