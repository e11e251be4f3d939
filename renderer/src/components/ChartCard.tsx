import type { ReactNode } from 'react';

/**
 * A card that holds a chart: its title, a "?" for the definition behind it, and one of four
 * states: the error, loading (before the first answer), empty (in words, never an empty axis),
 * or the chart.
 */
export function ChartCard({
  title,
  subtitle,
  testId,
  state,
  onHelp,
  actions,
  children,
  wide,
  footer,
}: {
  title: string;
  subtitle?: ReactNode;
  testId: string;
  state: { error?: string; loading?: boolean; empty?: string | false };
  onHelp?: () => void;
  actions?: ReactNode;
  children?: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
}) {
  let body: ReactNode;
  if (state.error) {
    body = (
      <p className="form-error" role="alert" data-testid={`${testId}-error`}>
        {state.error}
      </p>
    );
  } else if (state.loading) {
    body = (
      <div className="chart-loading" data-testid={`${testId}-loading`} aria-busy="true">
        Loading…
      </div>
    );
  } else if (state.empty) {
    body = (
      <p className="chart-empty" data-testid={`${testId}-empty`}>
        {state.empty}
      </p>
    );
  } else body = children;
  return (
    <section className={`card chart-card${wide ? ' wide' : ''}`} data-testid={testId} aria-labelledby={`${testId}-title`}>
      <header className="card-header">
        <div className="card-title">
          <h2 id={`${testId}-title`}>{title}</h2>
          {subtitle && <span className="card-subtitle">{subtitle}</span>}
        </div>
        <div className="card-actions">
          {actions}
          {onHelp && (
            <button
              type="button"
              className="help-button"
              aria-label={`How "${title}" is calculated`}
              title="Definition and the data behind it"
              onClick={onHelp}
              data-testid={`${testId}-help`}
            >
              ?
            </button>
          )}
        </div>
      </header>
      {body}
      {!state.error && !state.loading && !state.empty && footer}
    </section>
  );
}
