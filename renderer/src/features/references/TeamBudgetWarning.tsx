import type { TeamBudget } from '../../../../shared/contract/references';
import './teamBudgetWarning.css';
import { teamBudgetAskText, teamBudgetClears, teamBudgetHeadline, teamBudgetShort } from './teamBudgetText';

/**
 * A team's merged budget overrun (asks made offline on several laptops), where references are
 * picked: the pipeline card (`compact`: fewer words and the day it clears, the rest on hover), the
 * reference's dialog and the finder's results (every counted ask, who and from which laptop).
 */
export function TeamBudgetWarning({ budget, compact = false }: { budget: TeamBudget; compact?: boolean }) {
  const asks = budget.asked.map((a) => teamBudgetAskText(a));
  return (
    <div
      className={compact ? 'team-budget-warning compact' : 'team-budget-warning'}
      role="note"
      data-testid="team-budget-warning"
      title={compact ? [teamBudgetHeadline(budget), ...asks].join('\n') : undefined}
    >
      <strong data-testid="team-budget-headline">⚠ {compact ? teamBudgetShort(budget) : teamBudgetHeadline(budget)}</strong>
      <span data-testid="team-budget-clears"> · {teamBudgetClears(budget)}</span>
      {!compact && (
        <ul className="team-budget-asks" aria-label="The asks counted" data-testid="team-budget-asks">
          {asks.map((text, i) => (
            <li key={i}>{text}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
