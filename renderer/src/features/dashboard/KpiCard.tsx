import type { Kpi } from './kpis';

const ARROWS = { up: '▲', down: '▼', flat: '■' };

/**
 * One headline figure: value (or why there is none), its interval and n, the change against the
 * previous period and any warning. The card and its "?" open the figure's definition; the "?" is
 * the keyboard's way in.
 */
export function KpiCard({ kpi, onOpen }: { kpi: Kpi; onOpen: () => void }) {
  const id = kpi.id;
  const change = kpi.change;
  const arrow = !change ? '' : change.text === '±0' ? ARROWS.flat : change.delta > 0 ? ARROWS.up : ARROWS.down;
  return (
    <article className={`kpi-card${kpi.value === null ? ' missing' : ''}`} data-testid={`kpi-${id}`} onClick={onOpen} aria-labelledby={`kpi-${id}-label`}>
      <header className="kpi-header">
        <h3 id={`kpi-${id}-label`}>{kpi.label}</h3>
        <button
          type="button"
          className="help-button"
          aria-label={`How ${kpi.label} is calculated`}
          title="Definition and the data behind it"
          data-testid={`kpi-${id}-help`}
          onClick={(event) => {
            event.stopPropagation();
            onOpen();
          }}
        >
          ?
        </button>
      </header>
      {kpi.value !== null ? (
        <div className="kpi-value" data-testid={`kpi-${id}-value`}>
          {kpi.value}
          {kpi.approximate && (
            <span className="approx" title="Approximate: computed from a sketch, within 1 % of the exact value" data-testid={`kpi-${id}-approximate`}>
              ≈
            </span>
          )}
        </div>
      ) : (
        <div className="kpi-missing" data-testid={`kpi-${id}-missing`}>
          {kpi.missing}
          {kpi.reason && <span className="kpi-reason">{kpi.reason}</span>}
        </div>
      )}
      <div className="kpi-meta">
        {kpi.scale && <span data-testid={`kpi-${id}-scale`}>{kpi.scale}</span>}
        {kpi.interval && <span data-testid={`kpi-${id}-interval`}>{kpi.interval}</span>}
        <span data-testid={`kpi-${id}-n`}>{kpi.n}</span>
      </div>
      {change && (
        <div className={`kpi-change tone-${change.tone}`} data-testid={`kpi-${id}-change`} title={change.description}>
          <span aria-hidden="true" className="kpi-arrow">
            {arrow}
          </span>
          <span className="visually-hidden">{change.description}</span>
          <span aria-hidden="true">{change.text}</span>{' '}
          <span className="muted" aria-hidden="true">
            vs previous
          </span>
        </div>
      )}
      {!change && kpi.value !== null && kpi.noChange && <div className="kpi-change no-change">{kpi.noChange}</div>}
      {kpi.warning && (
        <div className="kpi-warning" data-testid={`kpi-${id}-warning`}>
          <span aria-hidden="true">⚠</span> {kpi.warning}
        </div>
      )}
    </article>
  );
}
