import { minorDigits } from '../../../shared/format/format';
import { roundAs, type RoundedUnit } from '../../../shared/format/metric';
import { humanize } from '../../../shared/labels';
import { METRIC_DEFINITIONS } from '../metrics/definitions';

// The dashboard export for people (export.metrics, style 'readable'): the raw rows of
// metricsCsvRows with each figure rounded as the dashboard shows it (shared/format's roundAs),
// money in currency units named by its currency, the definition's name instead of its id, and
// headers, sections and flags in words.

type Cell = string | number | boolean | null;

export const METRICS_READABLE_HEADERS = ['Section', 'Figure', 'Definition', 'Value', 'N', 'Low (95 %)', 'High (95 %)', 'Unit', 'Period', 'Filter', 'Approximate'];

const DEFINITIONS = new Map(METRIC_DEFINITIONS.map((d) => [d.id, d]));
const ROUNDED: ReadonlySet<string> = new Set<RoundedUnit>(['points', 'percent', 'index', 'score', 'mean', 'count']);
const UNIT_WORDS: Record<string, string> = {
  percent: '%',
  points: 'points',
  index: 'index',
  score: 'score',
  mean: 'mean',
  minutes: 'minutes',
  days: 'days',
  months: 'months',
  count: 'count',
};

/** A number in a unit as the dashboard writes it: its digits for figures, currency units for money, one decimal for durations. */
function shown(value: Cell, unit: string, currency: string): Cell {
  if (typeof value !== 'number') return value;
  if (unit === 'money') {
    const digits = minorDigits(currency);
    return Number((value / 10 ** digits).toFixed(digits));
  }
  if (ROUNDED.has(unit)) return roundAs(value, unit as RoundedUnit);
  return Math.round(value * 10) / 10;
}

export function metricsReadable(rows: readonly Cell[][], currency: string): { headers: string[]; rows: Cell[][] } {
  return {
    headers: METRICS_READABLE_HEADERS,
    rows: rows.map((row): Cell[] => {
      // The raw columns (METRICS_CSV_COLUMNS): section, figure, definition, value, n, low, high, unit, period, filter, approximate.
      const at = (i: number): Cell => row[i] ?? null;
      const [section, figure, definition, value, n, low, high, period, filter, approximate] = [at(0), at(1), at(2), at(3), at(4), at(5), at(6), at(8), at(9), at(10)] as const;
      const known = typeof definition === 'string' ? DEFINITIONS.get(definition) : undefined;
      // Counts written by the export itself (accounts, advocates, health bands) have no definition.
      const unit = known?.unit ?? 'count';
      return [
        typeof section === 'string' ? humanize(section) : section,
        figure,
        known?.name ?? definition,
        shown(value, unit, currency),
        n,
        shown(low, unit, currency),
        shown(high, unit, currency),
        unit === 'money' ? currency : (UNIT_WORDS[unit] ?? unit),
        period,
        filter,
        approximate === true ? 'Yes' : 'No',
      ];
    }),
  };
}
