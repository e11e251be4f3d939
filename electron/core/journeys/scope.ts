import { monthStart, resolveMonths } from '../metrics/period';
import type { MeasureScope } from './measure';

/** Whole months like the dashboard: by default the twelve up to and including the current one. */
export function resolveScope(input: { from?: string; to?: string; segment?: string }, now: Date) {
  const months = resolveMonths(input, now);
  const from = monthStart(months.from);
  const to = monthStart(months.to);
  const measure: MeasureScope = { fromMonth: months.from, toMonth: months.to, segment: input.segment ?? null, periodEnd: Date.parse(`${to}T00:00:00.000Z`) };
  return { from, to, segment: input.segment ?? null, measure };
}
