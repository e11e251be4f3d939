import { useEffect, useRef } from 'react';
import { HEALTH_BANDS, LIFECYCLE_STAGES } from '../../../../shared/contract/accounts';
import { segmentLabel, stageLabel } from '../../lib/labels';
import { isFiltered, type ListState } from './listQuery';

export const BAND_LABELS: Record<(typeof HEALTH_BANDS)[number], string> = { red: 'Red', amber: 'Amber', green: 'Green', insufficient: 'Not enough data' };

interface Facets {
  segments: string[];
  owners: string[];
}

/** Search box and filters above the accounts table. "/" jumps to the search box. */
export function AccountFilters({
  state,
  facets,
  onChange,
  onClear,
  me,
}: {
  state: ListState;
  facets: Facets | undefined;
  /** Who I am (Settings › Who am I), or null: "My accounts" then says where to set it. */
  me: { name: string } | null | undefined;
  onChange: (patch: Partial<ListState>) => void;
  onClear: () => void;
}) {
  const search = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (event.key !== '/' || target.closest('input, textarea, select, [contenteditable], dialog')) return;
      event.preventDefault();
      search.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="toolbar" role="search" aria-label="Find accounts">
      <input
        ref={search}
        type="search"
        className="input search"
        placeholder="Search name, CRM id, industry, owner, region  ( / )"
        aria-label="Search accounts"
        value={state.search}
        onChange={(event) => onChange({ search: event.target.value })}
        data-testid="accounts-search"
      />
      <FilterSelect
        label="Segment"
        value={state.segment}
        options={(facets?.segments ?? []).map((value) => ({ value, label: segmentLabel(value) }))}
        onChange={(segment) => onChange({ segment })}
        testId="filter-segment"
      />
      <FilterSelect
        label="Owner"
        value={state.owner}
        options={(facets?.owners ?? []).map((value) => ({ value, label: value }))}
        onChange={(owner) => onChange({ owner })}
        testId="filter-owner"
      />
      <FilterSelect
        label="Stage"
        value={state.stage}
        options={LIFECYCLE_STAGES.map((value) => ({ value, label: stageLabel(value) }))}
        onChange={(stage) => onChange({ stage })}
        testId="filter-stage"
      />
      <FilterSelect
        label="Health band"
        value={state.band}
        options={HEALTH_BANDS.map((value) => ({ value, label: BAND_LABELS[value] }))}
        onChange={(band) => onChange({ band })}
        testId="filter-band"
      />
      <label className="check" title={me ? `Accounts whose owner is ${me.name} or your e-mail` : 'Say who you are in Settings › Who am I first'}>
        <input type="checkbox" checked={state.mine} disabled={!me && !state.mine} onChange={(event) => onChange({ mine: event.target.checked })} data-testid="filter-mine" />
        My accounts
      </label>
      {!me && me !== undefined && (
        <a className="small" href="#/settings" data-testid="filter-mine-setup">
          Who am I?
        </a>
      )}
      <label className="check">
        <input type="checkbox" checked={state.includeArchived} onChange={(event) => onChange({ includeArchived: event.target.checked })} data-testid="filter-archived" />
        Show archived
      </label>
      {isFiltered(state) && (
        <button type="button" className="link-button" onClick={onClear} data-testid="filters-clear">
          Clear filters
        </button>
      )}
    </div>
  );
}

function FilterSelect({
  label,
  value,
  options,
  onChange,
  testId,
}: {
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
  testId: string;
}) {
  // A remembered value that no longer exists in the workspace still shows, so it can be cleared.
  const all = value && !options.some((option) => option.value === value) ? [...options, { value, label: value }] : options;
  return (
    <select className={`input select${value ? ' active' : ''}`} aria-label={label} value={value} onChange={(event) => onChange(event.target.value)} data-testid={testId}>
      <option value="">{`All ${label.toLowerCase()}s`}</option>
      {all.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
