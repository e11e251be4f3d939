// `fulcrum export`: a table to CSV or XLSX, the dashboard's figures to CSV, or the whole workspace to a JSON archive.

import { resolve } from 'node:path';
import { EXPORT_TABLES } from '../../../shared/contract/export';
import { formatCount, requireString, UsageError, type Command, type Io, type OptionValues } from '../command';
import { METRICS_QUERY_OPTIONS, metricsQueryFrom } from './metrics';
import { call, openExisting } from './workspaceFile';

/** `--metrics`: metrics.portfolio for the period and filter options, one CSV row per figure. */
async function runMetrics(values: OptionValues, io: Io): Promise<number> {
  const out = resolve(requireString(values, 'out'));
  if (values.format !== undefined && values.format !== 'csv') throw new UsageError('--metrics writes csv only');
  const query = metricsQueryFrom(values);
  const core = await openExisting(values);
  try {
    const result = await call<{ rows: number }>(core, 'export.metrics', { query, format: 'csv', path: out });
    io.out(`Wrote ${formatCount(result.rows)} metric figures to ${out}\n`);
    return 0;
  } finally {
    await core.close();
  }
}

async function run(values: OptionValues, io: Io): Promise<number> {
  if (values.metrics) return runMetrics(values, io);
  const format = requireString(values, 'format');
  const out = resolve(requireString(values, 'out'));
  if (!['csv', 'xlsx', 'json'].includes(format)) throw new UsageError('--format must be csv, xlsx or json');
  const table = values.table;
  if (format !== 'json' && typeof table !== 'string') throw new UsageError('--table is required for csv and xlsx');
  if (typeof table === 'string' && !(EXPORT_TABLES as readonly string[]).includes(table)) throw new UsageError(`--table must be one of ${EXPORT_TABLES.join(', ')}`);
  const core = await openExisting(values);
  try {
    if (format === 'json') {
      const archive = await call<{ tables: Record<string, number> }>(core, 'export.archive', { path: out });
      const rows = Object.values(archive.tables).reduce((sum, n) => sum + n, 0);
      io.out(`Wrote the workspace archive (${Object.keys(archive.tables).length} tables, ${formatCount(rows)} rows) to ${out}\n`);
    } else {
      const result = await call<{ rows: number }>(core, 'export.table', { table, format, path: out, style: values.raw ? 'raw' : 'readable' });
      // A string here: csv and xlsx without --table were refused above.
      io.out(`Wrote ${formatCount(result.rows)} ${table as string} rows to ${out}\n`);
    }
    return 0;
  } finally {
    await core.close();
  }
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'export a table to CSV/XLSX, or the whole workspace to a JSON archive',
  usage: [
    'fulcrum export --db FILE --format csv|xlsx|json --out FILE [--table T] [--raw]',
    'fulcrum export --db FILE --metrics [--from D] [--to D] [--granularity G] [--segment S]... --out FILE.csv',
    '',
    `  --table T       ${EXPORT_TABLES.join(', ')} (csv and xlsx)`,
    '  --raw           csv and xlsx for machines: field names, codes and integer minor units (default: labels, currency units, headers in words)',
    '  --format json   the whole workspace as one archive that imports back losslessly',
    "  --metrics       the dashboard's figures (one row per figure); filters as in `fulcrum metrics`",
  ].join('\n'),
  options: {
    db: { type: 'string' },
    table: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    metrics: { type: 'boolean' },
    raw: { type: 'boolean' },
    ...METRICS_QUERY_OPTIONS,
  },
  run,
};
