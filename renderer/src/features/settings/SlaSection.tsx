import { TICKET_PRIORITIES } from '../../../../shared/contract/tickets';
import { humanize } from '../../lib/labels';
import type { SectionProps } from './sectionProps';

/** First-response and resolution targets per ticket priority. */
export function SlaSection({ form, error, update }: SectionProps) {
  return (
    <section className="card settings-card" aria-labelledby="sla-title" data-testid="settings-sla">
      <header className="card-header">
        <h2 id="sla-title">Support targets (SLA)</h2>
      </header>
      <table className="sla-table">
        <thead>
          <tr>
            <th scope="col">Priority</th>
            <th scope="col">First response within (hours)</th>
            <th scope="col">Resolved within (hours)</th>
          </tr>
        </thead>
        <tbody>
          {[...TICKET_PRIORITIES].reverse().map((priority) => (
            <tr key={priority}>
              <th scope="row">
                <span className={`prio prio-${priority}`}>{humanize(priority)}</span>
              </th>
              {(['firstResponseHours', 'resolutionHours'] as const).map((measure) => {
                const field = `slaTargets.${priority}.${measure}`;
                return (
                  <td key={measure}>
                    <input
                      className="input number"
                      inputMode="decimal"
                      aria-label={`${humanize(priority)}: ${measure === 'firstResponseHours' ? 'first response' : 'resolution'} hours`}
                      value={form.sla[priority][measure]}
                      aria-invalid={error(field) ? true : undefined}
                      onChange={(e) => update((f) => ({ ...f, sla: { ...f.sla, [priority]: { ...f.sla[priority], [measure]: e.target.value } } }))}
                      data-testid={`input-${field}`}
                    />
                    {error(field) && (
                      <span className="field-error" data-testid={`error-${field}`}>
                        {error(field)}
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
