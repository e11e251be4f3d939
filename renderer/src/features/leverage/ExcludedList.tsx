import type { ExcludedReference } from '../../../../shared/contract/leverage';
import { TeamBudgetWarning } from '../references/TeamBudgetWarning';
import { dayText, gateLabel } from './labels';

/** References held back by a gate, with the gate, the reason and when they can be asked again. */
export function ExcludedList({ excluded, total }: { excluded: ExcludedReference[]; total: number }) {
  if (total === 0) return null;
  return (
    <section className="card excluded" aria-labelledby="excluded-title" data-testid="match-excluded">
      <header className="card-header">
        <h2 id="excluded-title">Excluded ({total})</h2>
        {total > excluded.length && <span className="muted small">the {excluded.length} most similar are listed</span>}
      </header>
      <table className="excluded-table">
        <thead>
          <tr>
            <th scope="col">Reference</th>
            <th scope="col">Gate</th>
            <th scope="col">Why</th>
            <th scope="col">Available from</th>
          </tr>
        </thead>
        <tbody>
          {excluded.map((e) => (
            <tr key={e.referenceId} data-testid="excluded-row" data-gate={e.gate} data-reference-id={e.referenceId}>
              <th scope="row">
                <a href={`#/accounts/${e.accountId}`}>{e.accountName}</a>
                {e.contactName && <span className="muted small"> · {e.contactName}</span>}
              </th>
              <td>
                <span className={`pill gate gate-${e.gate}`} data-testid="excluded-gate">
                  {gateLabel(e.gate)}
                </span>
              </td>
              <td data-testid="excluded-reason">
                {e.reason}
                {e.teamBudget && <TeamBudgetWarning budget={e.teamBudget} />}
              </td>
              <td data-testid="excluded-available">{e.availableFrom ? dayText(e.availableFrom) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
