// `export.metrics` and `fulcrum export --metrics`: the dashboard's figures as CSV, one row per
// figure, equal to what metrics.portfolio gives for the same query (a real workspace file).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoWorkspace } from '../../electron/core/demo';
import { csvRows } from '../../electron/core/import/csv';
import { testCore, tempWorkspacePath, type TestCore } from '../fixtures/core';
import { plainPaths } from '../../electron/core';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'electron/cli/bin.cjs');

let path: string;
let core: TestCore;
beforeAll(async () => {
  path = tempWorkspacePath('demo.fulcrum');
  await generateDemoWorkspace(path, { accounts: 40, seed: 5 });
  core = await testCore(path, { files: plainPaths() });
}, 60_000);
afterAll(() => core.close());

/** Through the import's own RFC 4180 reader: header row -> objects. */
function read(csv: string): Record<string, string>[] {
  const [header, ...rest] = [...csvRows(csv.replace(/^\ufeff/, ''), ',')].map((row) => row.cells);
  return rest.map((cells) => Object.fromEntries(header!.map((name, i) => [name, cells[i] ?? ''])));
}
const num = (cell: string | undefined) => (cell === '' || cell === undefined ? null : Number(cell));

describe('export.metrics', () => {
  it('returns one row per figure, with the values, intervals, units, period and filter of metrics.portfolio', async () => {
    const segment = (core.context.sqlite.prepare('SELECT segment FROM accounts LIMIT 1').get() as { segment: string }).segment;
    const query = { from: '2025-04-01', to: '2026-03-01', segment: [segment] };
    const portfolio = await core.call('metrics.portfolio', query);
    const result = await core.call('export.metrics', { query });
    expect(result.path).toBeNull();
    expect(result.csv!.startsWith('\ufeffsection,figure,definition,value,n,low,high,unit,period,filter,approximate\n')).toBe(true);
    const rows = read(result.csv!);
    expect(rows).toHaveLength(result.rows);
    const byFigure = new Map(rows.map((row) => [`${row.section} ${row.figure}`, row]));

    const nps = byFigure.get('satisfaction nps')!;
    expect(nps).toMatchObject({ definition: 'nps', unit: 'points', period: `${portfolio.scope.from}/${portfolio.scope.to}`, filter: `segment=${segment}`, approximate: 'false' });
    expect([num(nps.value), num(nps.n), num(nps.low), num(nps.high)]).toEqual([
      portfolio.satisfaction.nps.value,
      portfolio.satisfaction.nps.n,
      portfolio.satisfaction.nps.low ?? null,
      portfolio.satisfaction.nps.high ?? null,
    ]);
    const median = byFigure.get('support firstResponse.median')!;
    expect(num(median.value)).toBe(portfolio.support.firstResponse.median.value);
    expect(median.approximate).toBe(String(portfolio.support.firstResponse.median.approximate === true));
    expect(num(byFigure.get('retention netRevenueRetention')!.value)).toBe(portfolio.retention.netRevenueRetention.value);
    for (const sla of portfolio.support.sla) expect(num(byFigure.get(`support sla[${sla.priority}].attainment`)!.value)).toBe(sla.attainment.value);
    expect(num(byFigure.get('health bands.red')!.value)).toBe(portfolio.health.bands.red);
    expect(num(byFigure.get('portfolio accounts')!.value)).toBe(portfolio.accounts);
    // The previous period: as long as this one, ending where it starts.
    expect(byFigure.get('previous nps')!.period).toBe(`2024-05-01/${portfolio.scope.from}`);
    // Every figure of the dashboard is there once.
    expect(new Set(rows.map((row) => `${row.section} ${row.figure}`)).size).toBe(rows.length);
  });

  it('writes the CSV to a path', async () => {
    const out = join(dirname(path), 'metrics.csv');
    const result = await core.call('export.metrics', { query: {}, path: out });
    expect(result).toMatchObject({ path: out, csv: null });
    expect(read(readFileSync(out, 'utf8'))).toHaveLength(result.rows);
  });

  it('fulcrum export --metrics --segment writes the same CSV', async () => {
    const out = join(dirname(path), 'cli-metrics.csv');
    const segment = (core.context.sqlite.prepare('SELECT segment FROM accounts LIMIT 1').get() as { segment: string }).segment;
    await core.close();
    const run = spawnSync(process.execPath, [BIN, 'export', '--db', path, '--metrics', '--segment', segment, '--from', '2025-04-01', '--to', '2026-03-01', '--out', out], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`, FULCRUM_DEBUG: '' },
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Wrote \d+ metric figures to /);
    const rows = read(readFileSync(out, 'utf8'));
    expect(rows.find((row) => row.figure === 'nps')).toMatchObject({ section: 'satisfaction', filter: `segment=${segment}`, period: '2025-04-01/2026-03-01' });
    core = await testCore(path, { files: plainPaths() });
  });
});
