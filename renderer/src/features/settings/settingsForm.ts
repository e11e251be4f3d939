// The settings form: stored settings <-> what the user types, checked the way the core checks
// them so most mistakes are caught before Save, with each error under the name of the field
// the core would use (`health.weights.support`), so the core's own issues land in the same place.

import type { z } from 'zod';
import type { settingsUpdate, Settings } from '../../../../shared/contract/settings';
import { TICKET_PRIORITIES } from '../../../../shared/contract/tickets';
import type { ChangeEvent } from '../../../../shared/rpc';
import type { ApiError } from '../../api/client';
import { formatNumber, parseNumber } from '../../../../shared/format/format';
import { checkValueMap, valueMapToForm, type ValueMapForm } from './valueMapForm';
import { checkCustomerValue, CUSTOMER_VALUE_FIELDS, customerValueToForm, type CustomerValueForm } from './customerValueForm';

export type Priority = (typeof TICKET_PRIORITIES)[number];
export type SettingsUpdate = z.input<typeof settingsUpdate>;

export const COMPONENTS = [
  { id: 'satisfaction', label: 'Satisfaction', hint: 'survey answers: NPS, CSAT, effort' },
  { id: 'support', label: 'Support experience', hint: 'response times against SLA, open tickets' },
  { id: 'adoption', label: 'Adoption', hint: 'deployments live and licences in use' },
  { id: 'engagement', label: 'Engagement', hint: 'how recently we were in touch' },
  { id: 'renewal', label: 'Renewal', hint: 'renewal proximity and risk' },
] as const;
export type ComponentId = (typeof COMPONENTS)[number]['id'];

export const WEEKDAYS = [
  { day: 1, label: 'Mon' },
  { day: 2, label: 'Tue' },
  { day: 3, label: 'Wed' },
  { day: 4, label: 'Thu' },
  { day: 5, label: 'Fri' },
  { day: 6, label: 'Sat' },
  { day: 7, label: 'Sun' },
] as const;

export interface SettingsForm {
  weights: Record<ComponentId, string>;
  coverageFloorPct: string;
  redBelow: string;
  amberBelow: string;
  /** The yearly discount rate in percent as typed ("10" = 0.1). */
  discountRatePct: string;
  sla: Record<Priority, { firstResponseHours: string; resolutionHours: string }>;
  businessHours: { enabled: boolean; timeZone: string; days: number[]; start: string; end: string };
  valueMap: ValueMapForm;
  customerValue: CustomerValueForm;
}

/** Field names are the core's issue paths. */
export type FieldErrors = Record<string, string>;

export function settingsToForm(settings: Settings, locale?: string): SettingsForm {
  const n = (value: number) => formatNumber(value, locale);
  const w = settings.health.weights;
  return {
    weights: { satisfaction: n(w.satisfaction), support: n(w.support), adoption: n(w.adoption), engagement: n(w.engagement), renewal: n(w.renewal) },
    coverageFloorPct: n(settings.health.coverageFloorPct),
    redBelow: n(settings.health.redBelow),
    amberBelow: n(settings.health.amberBelow),
    // Round away binary noise: 0.07 * 100 is 7.000000000000001.
    discountRatePct: n(Math.round(settings.discountRate * 100 * 1e6) / 1e6),
    sla: Object.fromEntries(
      TICKET_PRIORITIES.map((p) => [p, { firstResponseHours: n(settings.slaTargets[p].firstResponseHours), resolutionHours: n(settings.slaTargets[p].resolutionHours) }]),
    ) as SettingsForm['sla'],
    businessHours: { ...settings.businessHours, days: [...settings.businessHours.days].sort() },
    valueMap: valueMapToForm(settings.valueMap, locale),
    customerValue: customerValueToForm(settings.customerValue, settings.currency, locale),
  };
}

/** A weight as typed, or null when it is not a number (the share then shows nothing). */
export function readWeight(text: string, locale?: string): number | null {
  const parsed = parseNumber(text, locale);
  return parsed.ok && parsed.value !== null && parsed.value >= 0 ? parsed.value : null;
}

/** Each weight's share of the total, 0-1: what the weights mean once the model normalises them. */
export function normalisedShares(weights: Record<ComponentId, number | null>): Record<ComponentId, number | null> {
  const total = Object.values(weights).reduce<number>((sum, w) => sum + (w ?? 0), 0);
  return Object.fromEntries(Object.entries(weights).map(([id, w]) => [id, w === null || total === 0 ? null : w / total])) as Record<ComponentId, number | null>;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export type Checked = { ok: true; value: Required<Omit<SettingsUpdate, 'currency' | 'leverage'>> } | { ok: false; errors: FieldErrors };

/** The form as a settings update, or the errors beside the fields that have them. */
export function formToUpdate(form: SettingsForm, locale?: string): Checked {
  const errors: FieldErrors = {};
  const number = (field: string, text: string, check: (x: number) => string | undefined): number => {
    const parsed = parseNumber(text, locale);
    if (!parsed.ok) {
      errors[field] = 'must be a number';
      return NaN;
    }
    if (parsed.value === null) {
      errors[field] = 'is required';
      return NaN;
    }
    const problem = check(parsed.value);
    if (problem) errors[field] = problem;
    return parsed.value;
  };
  const percent = (x: number) => (x < 0 || x > 100 ? 'must be between 0 and 100' : undefined);
  const hours = (x: number) => (x <= 0 ? 'must be more than 0 hours' : x > 24 * 365 ? 'must be at most a year (8,760 hours)' : undefined);

  const weights = Object.fromEntries(COMPONENTS.map((c) => [c.id, number(`health.weights.${c.id}`, form.weights[c.id], percent)])) as Record<ComponentId, number>;
  if (COMPONENTS.every((c) => weights[c.id] === 0)) errors['health.weights'] = 'at least one component needs a weight above 0';
  const coverageFloorPct = number('health.coverageFloorPct', form.coverageFloorPct, percent);
  const redBelow = number('health.redBelow', form.redBelow, percent);
  const amberBelow = number('health.amberBelow', form.amberBelow, percent);
  if (!errors['health.redBelow'] && !errors['health.amberBelow'] && redBelow > amberBelow) errors['health.redBelow'] = 'must not be above the amber threshold';
  const discountPct = number('discountRate', form.discountRatePct, percent);
  const slaTargets = Object.fromEntries(
    TICKET_PRIORITIES.map((p) => [
      p,
      {
        firstResponseHours: number(`slaTargets.${p}.firstResponseHours`, form.sla[p].firstResponseHours, hours),
        resolutionHours: number(`slaTargets.${p}.resolutionHours`, form.sla[p].resolutionHours, hours),
      },
    ]),
  ) as Record<Priority, { firstResponseHours: number; resolutionHours: number }>;
  const bh = form.businessHours;
  const clock = /^([01]\d|2[0-3]):[0-5]\d$/;
  if (!clock.test(bh.start)) errors['businessHours.start'] = 'must be a time as HH:MM';
  if (!clock.test(bh.end)) errors['businessHours.end'] = 'must be a time as HH:MM';
  if (bh.enabled && !errors['businessHours.start'] && !errors['businessHours.end'] && bh.end <= bh.start) errors['businessHours.end'] = 'must be after the start';
  if (bh.enabled && bh.days.length === 0) errors['businessHours.days'] = 'choose at least one working day';
  if (!bh.timeZone.trim()) errors['businessHours.timeZone'] = 'is required';
  else if (!isTimeZone(bh.timeZone.trim())) errors['businessHours.timeZone'] = 'is not a time zone such as Europe/Berlin';

  const valueMap = checkValueMap(form.valueMap, errors, locale);
  const customerValue = checkCustomerValue(form.customerValue, errors, locale);

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      health: { weights, coverageFloorPct, redBelow, amberBelow },
      // Percent to a fraction without binary noise: 7 % is 0.07, not 0.07000000000000001.
      discountRate: Math.round(discountPct * 1e6) / 1e8,
      slaTargets,
      businessHours: { enabled: bh.enabled, timeZone: bh.timeZone.trim(), days: [...bh.days].sort(), start: bh.start, end: bh.end },
      valueMap,
      customerValue,
    },
  };
}

/** Whether two settings give the same health scores (then no recompute is needed). */
export function sameHealthModel(a: Settings['health'], b: Settings['health']): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export interface Progress {
  done: number;
  total: number;
}

/** The progress a `health.progress` or `metrics.progress` event carries, if it is usable. */
export function readProgress(event: ChangeEvent): Progress | undefined {
  const p = event.progress;
  if (!p || !Number.isFinite(p.done) || !Number.isFinite(p.total) || p.total <= 0 || p.done < 0) return undefined;
  return { done: Math.min(p.done, p.total), total: p.total };
}

/** Every field of the form by the core's name for it. */
export const FIELDS = [
  ...COMPONENTS.map((c) => `health.weights.${c.id}`),
  'health.coverageFloorPct',
  'health.redBelow',
  'health.amberBelow',
  'discountRate',
  ...TICKET_PRIORITIES.flatMap((p) => [`slaTargets.${p}.firstResponseHours`, `slaTargets.${p}.resolutionHours`]),
  'businessHours.enabled',
  'businessHours.timeZone',
  'businessHours.days',
  'businessHours.start',
  'businessHours.end',
  ...CUSTOMER_VALUE_FIELDS,
];

/**
 * The core's issues beside the fields they name (`issueFor`); an issue about the weights as a
 * whole beside the weights; anything else, or an error without issues, for the whole form.
 */
export function errorsFromApi(error: Pick<ApiError, 'issueFor' | 'error' | 'message'>): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of FIELDS) {
    const message = error.issueFor(field);
    if (message) errors[field] = message;
  }
  const issues = error.error.issues ?? [];
  const group = issues.find((issue) => issue.path === 'health.weights');
  if (group) errors['health.weights'] = group.message;
  const placed = (path: string) => path === 'health.weights' || FIELDS.some((f) => path === f || path.startsWith(`${f}.`));
  // The survey's issues name rows by index (`valueMap.price.1.theirs`): each goes beside its field.
  for (const issue of issues) if (issue.path.startsWith('valueMap.') && !errors[issue.path]) errors[issue.path] = issue.message;
  const rest = issues.filter((issue) => !placed(issue.path) && !issue.path.startsWith('valueMap.'));
  if (rest.length) errors.form = rest.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('; ');
  if (issues.length === 0) errors.form = error.message;
  return errors;
}
