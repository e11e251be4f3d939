import { TICKET_PRIORITIES } from '../../../../shared/contract/tickets';
import { formatInteger } from '../../../../shared/format/format';
import { humanize } from '../../lib/labels';
import { formatHours, formatMetric } from '../../../../shared/format/metric';
import type { PortfolioData } from './cardState';
import type { SupportMeasure } from './charts/supportTimes';

/** SLA attainment per priority, most urgent first, for the time the chart shows. */
export function SlaList({ sla, measure }: { sla: PortfolioData['support']['sla']; measure: SupportMeasure }) {
  return (
    <ul className="sla-list" data-testid="sla-attainment" aria-label="SLA attainment per priority">
      {[...sla]
        .sort((a, b) => TICKET_PRIORITIES.indexOf(b.priority) - TICKET_PRIORITIES.indexOf(a.priority))
        .map((s) => {
          const resolution = measure === 'resolution';
          const attainment = resolution ? s.resolutionAttainment : s.attainment;
          const target = resolution ? s.resolutionTargetHours : s.targetHours;
          return (
            <li
              key={s.priority}
              title={attainment && attainment.value !== null ? `n = ${formatInteger(attainment.n)} tickets${attainment.approximate ? ', approximate' : ''}` : attainment?.reason}
            >
              <span className={`prio prio-${s.priority}`}>{humanize(s.priority)}</span>
              <strong>{!attainment || attainment.value === null ? '—' : formatMetric(attainment.value, 'percent')}</strong>
              <span className="muted small">{target === undefined ? 'no target' : `within ${formatHours(target)}`}</span>
            </li>
          );
        })}
    </ul>
  );
}
