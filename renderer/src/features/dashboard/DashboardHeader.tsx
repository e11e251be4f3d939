import type { Input } from '../../../../shared/contract';
import { countOf } from '../../../../shared/format/format';
import { segmentLabel } from '../../lib/labels';
import type { PortfolioData } from './cardState';
import { DashboardExport } from './DashboardExport';
import { periodLabel, segmentKey, type Period } from './filters';

/** The title, what the figures cover (rounded to whole months or quarters, said so), and the CSV export. */
export function DashboardHeader({ p, period, segment, query }: { p: PortfolioData | undefined; period: Period; segment: string | undefined; query: Input<'metrics.portfolio'> }) {
  return (
    <header className="screen-header">
      <div>
        <h1 id="dashboard-title">Dashboard</h1>
        <p className="subtitle" data-testid="dashboard-scope">
          {p ? `${countOf(p.accounts, 'account')} · ` : ''}
          {periodLabel(p?.scope ?? period)} · {segment ? segmentLabel(segmentKey(segment)) : 'All segments'}
          {p && (p.scope.from.slice(0, 10) !== period.from || p.scope.to.slice(0, 10) !== period.to) && (
            <span className="scope-note" data-testid="scope-rounded" title={`You chose ${periodLabel(period)}.`}>
              {' '}
              · figures cover whole {p.scope.granularity === 'quarter' ? 'quarters' : 'months'}
            </span>
          )}
        </p>
      </div>
      <DashboardExport query={query} disabled={!p} />
    </header>
  );
}
