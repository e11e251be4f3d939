import type { Output } from '../../../../shared/contract';
import { KPI_LABELS, STATUS_TEXT, STATUS_TONE, figureText, scopeText } from './goalLabels';

/** Each goal against its figure: the figure with its 95 % interval, and met only when the interval says so. */
export function GoalsTable({ data, compact }: { data: Output<'goals.standing'>; compact?: boolean }) {
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
        </tr>
      </thead>
      <tbody>
        {data.rows.map((row) => (
          <tr key={row.goal.id} data-testid="goal-row" data-goal-id={row.goal.id}>
            <th scope="row">{KPI_LABELS[row.goal.kpi]}</th>
            <td>{scopeText(row.goal)}</td>
            {!compact && (
              <td className="small">
                {row.goal.periodStart} – {row.goal.periodEnd}
              </td>
            )}
            <td className="num">
              {row.direction === 'higher' ? '≥' : '≤'} {row.goal.target}
            </td>
            <td className="num" data-testid="goal-figure">
              {figureText(row)}
            </td>
            <td>
              <span className={`pill tone-${STATUS_TONE[row.status]}`} title={row.explanation} data-testid="goal-status">
                {STATUS_TEXT[row.status]}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
