import { closeSync, writeSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import type { ParsedInput } from '../../../shared/contract';
import type { MetricValueDto, Portfolio } from '../../../shared/contract/metrics';
import { addMonths } from '../../../shared/dates';
import type { Context } from '../context';
import { exclusive } from '../db/exclusive';
import { healthFigures } from '../health/figures';
import { METRIC_DEFINITIONS } from '../metrics/definitions';
import { portfolio as portfolioOf } from '../metrics/portfolio';
import { metricsReadable } from './metricsReadable';
import { openOutput } from './output';

// The dashboard's numbers to a spreadsheet: `metrics.portfolio`'s own function, as its handler runs it
// (same scope resolution, same figures) and flattened to one row per figure. Each row carries its period
// and filter, so a sheet pasted elsewhere still says what it measured.

export const METRICS_CSV_COLUMNS = ['section', 'figure', 'definition', 'value', 'n', 'low', 'high', 'unit', 'period', 'filter', 'approximate'] as const;
type Row = (string | number | boolean | null)[];

const UNITS = new Map(METRIC_DEFINITIONS.map((definition) => [definition.id, definition.unit as string]));

const isFigure = (value: unknown): value is MetricValueDto =>
  typeof value === 'object' && value !== null && typeof (value as MetricValueDto).definition === 'string' && 'value' in value && 'n' in value;

/** An array element's name in a figure's path: its priority, channel, segment or cohort. */
const elementName = (element: Record<string, unknown>, index: number) => {
  const name = element.priority ?? element.channel ?? element.segment ?? element.cohort ?? element.topic;
  return typeof name === 'string' || typeof name === 'number' ? String(name) : String(index);
};

export function metricsCsvRows(p: Portfolio): Row[] {
  const { from, to } = p.scope;
  const period = `${from}/${to}`;
  // `previous` is the period of the same length just before (metrics/period.ts previousMonths).
  const length = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
  const previousPeriod = `${addMonths(from, -length)}/${from}`; // month starts: no day to clamp
  const filter = Object.entries(p.scope.filter)
    .map(([key, values]) => `${key}=${values.join('|')}`)
    .join('; ');
  // Money figures are stored in minor units of the settings' currency: the unit says both.
  const unitOf = (definition: string) => {
    const unit = UNITS.get(definition) ?? '';
    return unit === 'money' ? `${p.value.currency} minor units` : unit;
  };
  const rows: Row[] = [];
  const count = (section: string, figure: string, value: number) => rows.push([section, figure, '', value, value, null, null, 'count', period, filter, false]);

  const walk = (section: string, path: string, node: unknown) => {
    if (isFigure(node)) {
      rows.push([
        section,
        path,
        node.definition,
        node.value,
        node.n,
        node.low ?? null,
        node.high ?? null,
        unitOf(node.definition),
        section === 'previous' ? previousPeriod : period,
        filter,
        node.approximate === true,
      ]);
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((element, index) => {
        if (typeof element === 'object' && element !== null) walk(section, `${path}[${elementName(element as Record<string, unknown>, index)}]`, element);
      });
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    for (const [key, child] of Object.entries(node)) if (typeof child === 'object') walk(section, path ? `${path}.${key}` : key, child);
  };

  count('portfolio', 'accounts', p.accounts);
  walk('satisfaction', '', p.satisfaction);
  for (const [key, value] of Object.entries(p.satisfaction.advocates)) if (key !== 'n') count('satisfaction', `advocates.${key}`, value);
  for (const section of ['support', 'retention', 'value'] as const) walk(section, '', p[section]);
  for (const [band, value] of Object.entries(p.health.bands)) count('health', `bands.${band}`, value);
  walk('previous', '', p.previous);
  return rows;
}

/** UTF-8 with BOM (Excel reads accents), as export.table writes. */
export const metricsCsv = (rows: Row[]) => `\ufeff${stringify([[...METRICS_CSV_COLUMNS], ...rows], { cast: { boolean: (value) => String(value) } })}`;

const metricsReadableCsv = ({ headers, rows }: { headers: string[]; rows: Row[] }) => `\ufeff${stringify([headers, ...rows])}`;

export async function exportMetrics(ctx: Context, input: ParsedInput<'export.metrics'>) {
  const portfolio: Portfolio = await exclusive(ctx, (sqlite) => portfolioOf(sqlite, input.query, ctx.now(), healthFigures));
  const rows = metricsCsvRows(portfolio);
  const csv = input.style === 'readable' ? metricsReadableCsv(metricsReadable(rows, portfolio.value.currency)) : metricsCsv(rows);
  if (input.path === undefined) return { path: null, rows: rows.length, csv };
  const fd = openOutput(input.path);
  try {
    writeSync(fd, csv);
  } finally {
    closeSync(fd);
  }
  return { path: input.path, rows: rows.length, csv: null };
}
