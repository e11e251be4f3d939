import { segmentLabel } from '../../lib/labels';
import { PERIOD_PRESETS, type DashboardFilters as Filters, type PeriodPreset } from './filters';

/** Period and segment, applied to every card and chart of the dashboard. */
export function DashboardFilters({
  filters,
  segments,
  error,
  busy,
  onChange,
}: {
  filters: Filters;
  segments: string[];
  /** A custom period that cannot be used, in words. */
  error?: string;
  busy: boolean;
  onChange: (patch: Partial<Filters>) => void;
}) {
  // A remembered segment that no longer exists still shows, so it can be cleared.
  const options = filters.segment && !segments.includes(filters.segment) ? [...segments, filters.segment] : segments;
  return (
    <div className="toolbar dashboard-filters" role="group" aria-label="Dashboard filters">
      <label className="inline-field">
        <span>Period</span>
        <select
          className={`input select${filters.preset !== 'last12' ? ' active' : ''}`}
          value={filters.preset}
          onChange={(event) => onChange({ preset: event.target.value as PeriodPreset })}
          data-testid="filter-period"
        >
          {PERIOD_PRESETS.map((preset) => (
            <option key={preset.value} value={preset.value}>
              {preset.label}
            </option>
          ))}
        </select>
      </label>
      {filters.preset === 'custom' && (
        <>
          <label className="inline-field">
            <span>From</span>
            <input
              type="date"
              className="input"
              value={filters.from}
              max={filters.to || undefined}
              onChange={(event) => onChange({ from: event.target.value })}
              aria-invalid={error ? true : undefined}
              data-testid="filter-from"
            />
          </label>
          <label className="inline-field">
            <span>To</span>
            <input
              type="date"
              className="input"
              value={filters.to}
              min={filters.from || undefined}
              onChange={(event) => onChange({ to: event.target.value })}
              aria-invalid={error ? true : undefined}
              data-testid="filter-to"
            />
          </label>
        </>
      )}
      <label className="inline-field">
        <span>Segment</span>
        <select
          className={`input select${filters.segment ? ' active' : ''}`}
          value={filters.segment}
          onChange={(event) => onChange({ segment: event.target.value })}
          data-testid="dashboard-segment"
        >
          <option value="">All segments</option>
          {options.map((segment) => (
            <option key={segment} value={segment}>
              {segmentLabel(segment)}
            </option>
          ))}
        </select>
      </label>
      {(filters.preset !== 'last12' || filters.segment) && (
        <button type="button" className="link-button" onClick={() => onChange({ preset: 'last12', segment: '' })} data-testid="filters-reset">
          Reset filters
        </button>
      )}
      {error && (
        <span className="field-error" role="alert" data-testid="filter-error">
          {error}
        </span>
      )}
      {busy && (
        <span className="busy" role="status" data-testid="dashboard-busy">
          Updating…
        </span>
      )}
    </div>
  );
}
