import { LIFECYCLE_STAGES, NO_SEGMENT } from '../../../../shared/contract/accounts';
import { segmentLabel, stageLabel } from '../../lib/labels';
import { MINE, NO_SEGMENT_CHOICE, PERIOD_PRESETS, type DashboardFilters as Filters, type PeriodPreset } from './filters';

/** Period, segment, owner ("my accounts" among them), region and lifecycle stage, applied to every card and chart of the dashboard. */
export function DashboardFilters({
  filters,
  segments,
  owners = [],
  regions = [],
  me,
  error,
  busy,
  onChange,
}: {
  filters: Filters;
  segments: string[];
  owners?: string[];
  regions?: string[];
  /** Who I am, or null when not said yet ("My accounts" is then offered with a way to say it). */
  me?: { name: string } | null;
  /** A custom period that cannot be used, in words. */
  error?: string;
  busy: boolean;
  onChange: (patch: Partial<Filters>) => void;
}) {
  // A remembered segment that no longer exists still shows, so it can be cleared. '' is "All" here,
  // so the facets' NO_SEGMENT (also '') is offered as NO_SEGMENT_CHOICE, when any account has none.
  const known = segments.filter((segment) => segment !== NO_SEGMENT);
  const listed = segments.includes(NO_SEGMENT) ? [...known, NO_SEGMENT_CHOICE] : known;
  const options = filters.segment && !listed.includes(filters.segment) ? [...listed, filters.segment] : listed;
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
              {segmentLabel(segment === NO_SEGMENT_CHOICE ? NO_SEGMENT : segment)}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-field">
        <span>Owner</span>
        <select
          className={`input select${filters.owner ? ' active' : ''}`}
          value={filters.owner}
          onChange={(event) => onChange({ owner: event.target.value })}
          data-testid="dashboard-owner"
        >
          <option value="">All owners</option>
          <option value={MINE} disabled={!me}>
            {me ? `My accounts (${me.name})` : 'My accounts (set in Settings)'}
          </option>
          {withCurrent(owners, filters.owner).map((owner) => (
            <option key={owner} value={owner}>
              {owner}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-field">
        <span>Region</span>
        <select
          className={`input select${filters.region ? ' active' : ''}`}
          value={filters.region}
          onChange={(event) => onChange({ region: event.target.value })}
          data-testid="dashboard-region"
        >
          <option value="">All regions</option>
          {withCurrent(regions, filters.region).map((region) => (
            <option key={region} value={region}>
              {region}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-field">
        <span>Lifecycle</span>
        <select
          className={`input select${filters.stage ? ' active' : ''}`}
          value={filters.stage}
          onChange={(event) => onChange({ stage: event.target.value })}
          data-testid="dashboard-stage"
        >
          <option value="">All stages</option>
          {LIFECYCLE_STAGES.map((stage) => (
            <option key={stage} value={stage}>
              {stageLabel(stage)}
            </option>
          ))}
        </select>
      </label>
      {(filters.preset !== 'last12' || filters.segment || filters.owner || filters.region || filters.stage) && (
        <button type="button" className="link-button" onClick={() => onChange({ preset: 'last12', segment: '', owner: '', region: '', stage: '' })} data-testid="filters-reset">
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

/** A remembered value that no longer exists in the workspace still shows, so it can be cleared. */
const withCurrent = (values: string[], current: string) => (current && current !== MINE && !values.includes(current) ? [...values, current] : values);
