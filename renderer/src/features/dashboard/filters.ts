// The dashboard's period and segment: what the user picked, remembered for the session, and the
// metrics query it becomes. Periods are whole calendar months ending with the current one, the
// way the core's defaults are (`to` exclusive, the first day of next month).

import { LIFECYCLE_STAGES, NO_SEGMENT } from '../../../../shared/contract/accounts';
import type { MetricsQuery } from '../../../../shared/contract/metrics';
import { formatDate } from '../../../../shared/format/format';

type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export const PERIOD_PRESETS = [
  { value: 'last3', label: 'Last 3 months' },
  { value: 'last6', label: 'Last 6 months' },
  { value: 'last12', label: 'Last 12 months' },
  { value: 'ytd', label: 'This year' },
  { value: 'custom', label: 'Custom…' },
] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number]['value'];

export interface DashboardFilters {
  preset: PeriodPreset;
  /** Custom period, both days inclusive as the user picked them (YYYY-MM-DD). */
  from: string;
  to: string;
  /** '' = all segments. */
  segment: string;
  /** '' = every owner; MINE = the accounts whose owner is me (Settings › Who am I); else an owner's name. */
  owner: string;
  /** '' = every region. */
  region: string;
  /** '' = every lifecycle stage. */
  stage: string;
}

/** The owner filter's value for "my accounts". */
export const MINE = '@mine';

/** The account filters beyond period and segment, as the dashboard and the at-risk list share them. */
export const ACCOUNT_FILTERS = ['owner', 'region', 'stage'] as const;

export const STORAGE_KEY = 'fulcrum.dashboard.filters';

const YMD = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (value: unknown): value is string => typeof value === 'string' && YMD.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

/** A calendar date from its parts (month 0-based, overflowing months roll into years). */
export function ymd(year: number, month: number, day = 1): string {
  const date = new Date(Date.UTC(year, month, day));
  return date.toISOString().slice(0, 10);
}

/** Days added to a calendar date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function defaultFilters(today: Date): DashboardFilters {
  return { preset: 'last12', from: ymd(today.getFullYear(), today.getMonth() - 2), to: localDate(today), segment: '', owner: '', region: '', stage: '' };
}

/** Today as the user's calendar shows it. */
export const localDate = (today: Date) => ymd(today.getFullYear(), today.getMonth(), today.getDate());

/** Whatever sessionStorage held, cleaned: unknown presets and malformed dates fall back to the defaults. */
export function restoreFilters(stored: unknown, today: Date): DashboardFilters {
  const fallback = defaultFilters(today);
  if (typeof stored !== 'object' || stored === null) return fallback;
  const value = stored as Record<string, unknown>;
  const preset = PERIOD_PRESETS.some((p) => p.value === value.preset) ? (value.preset as PeriodPreset) : fallback.preset;
  return {
    preset,
    from: isDate(value.from) ? value.from : fallback.from,
    to: isDate(value.to) ? value.to : fallback.to,
    segment: typeof value.segment === 'string' ? value.segment : '',
    owner: typeof value.owner === 'string' ? value.owner : '',
    region: typeof value.region === 'string' ? value.region : '',
    stage: typeof value.stage === 'string' && (LIFECYCLE_STAGES as readonly string[]).includes(value.stage) ? value.stage : '',
  };
}

export interface Period {
  /** Inclusive. */
  from: string;
  /** Exclusive. */
  to: string;
  granularity: 'month' | 'quarter';
}

export type Resolved = { ok: true; period: Period } | { ok: false; message: string };

/** The period the filters mean on `today`; a custom period must run forwards. */
export function resolvePeriod(filters: DashboardFilters, today: Date): Resolved {
  const year = today.getFullYear();
  const month = today.getMonth();
  const nextMonth = ymd(year, month + 1);
  const months = (from: string, to: string) => {
    const [fy, fm] = from.split('-').map(Number) as [number, number];
    const [ty, tm] = to.split('-').map(Number) as [number, number];
    return (ty - fy) * 12 + (tm - fm);
  };
  const withGranularity = (from: string, to: string): Period => ({ from, to, granularity: months(from, to) > 18 ? 'quarter' : 'month' });
  switch (filters.preset) {
    case 'last3':
      return { ok: true, period: withGranularity(ymd(year, month - 2), nextMonth) };
    case 'last6':
      return { ok: true, period: withGranularity(ymd(year, month - 5), nextMonth) };
    case 'last12':
      return { ok: true, period: withGranularity(ymd(year, month - 11), nextMonth) };
    case 'ytd':
      return { ok: true, period: withGranularity(ymd(year, 0), nextMonth) };
    case 'custom': {
      if (!isDate(filters.from) || !isDate(filters.to)) return { ok: false, message: 'Choose both dates of the period.' };
      if (filters.to < filters.from) return { ok: false, message: 'The period must end on or after its first day.' };
      return { ok: true, period: withGranularity(filters.from, addDays(filters.to, 1)) };
    }
  }
}

/** The same length of time just before `period` (months when it is whole months, else days). */
export function previousPeriod(period: Period): Period {
  const wholeMonths = period.from.endsWith('-01') && period.to.endsWith('-01');
  if (wholeMonths) {
    const [fy, fm] = period.from.split('-').map(Number) as [number, number];
    const [ty, tm] = period.to.split('-').map(Number) as [number, number];
    const length = (ty - fy) * 12 + (tm - fm);
    return { ...period, from: ymd(fy, fm - 1 - length), to: period.from };
  }
  const days = Math.round((Date.parse(period.to) - Date.parse(period.from)) / 86_400_000);
  return { ...period, from: addDays(period.from, -days), to: period.from };
}

type AccountFilter = Partial<Pick<DashboardFilters, 'segment' | 'owner' | 'region' | 'stage'>>;

/**
 * The segment select's "No segment" (issue 13): '' already means all segments here, so accounts
 * without one are chosen by this value (no segment name can start with a NUL) and sent to the core
 * as its NO_SEGMENT key.
 */
export const NO_SEGMENT_CHOICE = '\u0000none';
export const segmentKey = (segment: string) => (segment === NO_SEGMENT_CHOICE ? NO_SEGMENT : segment);

/**
 * The owners "my accounts" stands for: the workspace's owners written as my name or my e-mail
 * (ignoring case, identity.ts's rule), or my name itself when none is, so the filter matches nothing.
 */
export function myOwners(owners: readonly string[], keys: readonly string[]): string[] {
  const mine = owners.filter((owner) => keys.includes(owner.trim().toLowerCase()));
  return mine.length ? mine : keys.slice(0, 1);
}

/** The metrics query of a period and the account filters (`mine`: myOwners, for the MINE owner). */
export function toQuery(period: Period, filter: AccountFilter | string, mine: readonly string[] = []): MetricsQuery {
  const f: AccountFilter = typeof filter === 'string' ? { segment: filter } : filter;
  const owner = f.owner === MINE ? [...mine] : f.owner ? [f.owner] : [];
  return {
    from: period.from,
    to: period.to,
    granularity: period.granularity,
    ...(f.segment ? { segment: [segmentKey(f.segment)] } : {}),
    ...(owner.length ? { owner } : {}),
    ...(f.region ? { region: [f.region] } : {}),
    ...(f.stage ? { lifecycleStage: [f.stage as LifecycleStage] } : {}),
  };
}

/** The at-risk list's scope under the same filters ("my accounts" resolved by the core itself). */
export function toScope(f: AccountFilter) {
  return {
    ...(f.segment ? { segment: [segmentKey(f.segment)] } : {}),
    ...(f.owner === MINE ? { mine: true } : f.owner ? { owner: [f.owner] } : {}),
    ...(f.region ? { region: [f.region] } : {}),
    ...(f.stage ? { lifecycleStage: [f.stage as LifecycleStage] } : {}),
  };
}

/** "Mar 1, 2025 – Feb 28, 2026" (the exclusive end shown as the last day in the period). */
export function periodLabel(period: { from: string; to: string }, locale?: string): string {
  return `${formatDate(period.from, locale)} – ${formatDate(addDays(period.to.slice(0, 10), -1), locale)}`;
}
