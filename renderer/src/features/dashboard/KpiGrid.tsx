import { KpiCard } from './KpiCard';
import { KPI_SPECS, type Kpi, type KpiId } from './kpis';

/** The headline figures; before the first answer, one placeholder per figure so the page does not jump. */
export function KpiGrid({ kpis, stale, onOpen }: { kpis: Kpi[] | undefined; stale: boolean; onOpen: (id: KpiId) => void }) {
  return (
    <div className={`kpi-grid${stale ? ' stale' : ''}`} data-testid="kpi-grid">
      {kpis
        ? kpis.map((kpi) => <KpiCard key={kpi.id} kpi={kpi} onOpen={() => onOpen(kpi.id)} />)
        : KPI_SPECS.map((spec) => (
            <article key={spec.id} className="kpi-card placeholder" data-testid={`kpi-${spec.id}`} aria-busy="true">
              <header className="kpi-header">
                <h3>{spec.label}</h3>
              </header>
              <div className="kpi-value">
                <span className="skeleton" />
              </div>
            </article>
          ))}
    </div>
  );
}
