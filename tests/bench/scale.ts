// The scale benchmark (issue 14, opt-in: `npm run bench -- --scale`): a 100,000-account workspace
// (about 10 million tickets) beside the usual 20,000-account one, both generated in this run, each
// step in a child process of its own (tests/bench/scaleChild.ts) for its peak memory: generation,
// the dashboard and the account page warm, the full rebuild, an import of a generated CSV, the file
// size. Each figure is printed beside its reference from the same run (the plain typed-array pass,
// the insert limit) and beside the small workspace's figure, with what grows linearly and what not.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { insertLimit } from './insertLimit';
import type { Benchmark, Measurement } from './types';

const MEMORY_LIMIT_MB = 1536;

interface Generated {
  rows: number;
  tickets: number;
  answers: number;
  seconds: number;
  rowsPerSecond: number;
  derivedSeconds: number;
  maxRssMb: number;
}
interface CoreFigures {
  openSeconds: number;
  dashboardColdMs: number;
  dashboardMs: number;
  dashboardP90Ms: number;
  smbMs: number;
  accountPageMs: number;
  metricsAccountMs: number;
  accountsListMs: number;
  maxRssMb: number;
}
interface PlainFigures {
  loadSeconds: number;
  dashboardMs: number;
  smbMs: number;
  accountMs: number;
  rebuildSeconds: number;
  maxRssMb: number;
}
interface Rebuilt {
  seconds: number;
  maxRssMb: number;
}
interface Imported {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  maxRssMb: number;
}
interface SizeFigures {
  accounts: number;
  generated: Generated;
  fileMb: number;
  core: CoreFigures;
  plain: PlainFigures;
  rebuild: Rebuilt;
  imported: Imported;
}

function child<T>(script: string, args: string[]): T {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, script), ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20,
  });
  if (run.status !== 0) throw new Error(`${script} ${args[0]} failed with status ${String(run.status)} ${run.signal ?? ''}`);
  const line = run.stdout.trim().split('\n').at(-1)!;
  // Each step's figures as soon as it ends: a run stopped half-way (it takes long) still leaves them.
  process.stderr.write(`    ${script} ${args.slice(0, 2).join(' ')}: ${line}\n`);
  return JSON.parse(line) as T;
}

function measureSize(dir: string, accounts: number, options: ScaleOptions, log: (text: string) => void): SizeFigures {
  const { importRows, keep, runs } = options;
  const path = join(dir, `scale-${accounts}.fulcrum`);
  const n = accounts.toLocaleString('en-US');
  log(`  ${n} accounts: generating ...`);
  const generated = child<Generated>('scaleChild.ts', ['generate', path, String(accounts)]);
  const fileMb = statSync(path).size / 1e6;
  log(`  ${n} accounts: ${generated.rows.toLocaleString('en-US')} rows, ${fileMb.toFixed(0)} MB; the dashboard and the account page ...`);
  const core = child<CoreFigures>('scaleChild.ts', ['core', path, String(accounts), String(runs)]);
  log(`  ${n} accounts: the plain passes ...`);
  const plain = child<PlainFigures>('scaleChild.ts', ['plain', path, String(accounts)]);
  log(`  ${n} accounts: the full rebuild ...`);
  const rebuild = child<Rebuilt>('rebuildChild.ts', [path]);
  log(`  ${n} accounts: importing ${importRows.toLocaleString('en-US')} ticket rows ...`);
  const imported = child<Imported>('scaleChild.ts', ['import', path, String(accounts), String(importRows), dir]);
  if (!keep) ['', '-wal', '-shm'].forEach((suffix) => rmSync(path + suffix, { force: true }));
  return { accounts, generated, fileMb, core, plain, rebuild, imported };
}

/** How a figure grew against the data: linear when it grew like the rows (within a quarter either way). */
export function growth(small: number, large: number, dataRatio: number): { ratio: number; verdict: string } {
  const ratio = large / small;
  const relative = ratio / dataRatio;
  return { ratio, verdict: relative < 0.75 ? 'sublinear' : relative > 1.33 ? 'superlinear' : 'linear' };
}

function growthTable(small: SizeFigures, large: SizeFigures): string {
  const dataRatio = large.generated.rows / small.generated.rows;
  const rows: [string, number, number, string][] = [
    ['rows written', small.generated.rows, large.generated.rows, ''],
    ['generation: write time (s)', small.generated.seconds - small.generated.derivedSeconds, large.generated.seconds - large.generated.derivedSeconds, 's'],
    ['generation: derived data (s)', small.generated.derivedSeconds, large.generated.derivedSeconds, 's'],
    ['generation: peak memory (MB)', small.generated.maxRssMb, large.generated.maxRssMb, 'MB'],
    ['file size (MB)', small.fileMb, large.fileMb, 'MB'],
    ['open the workspace (s)', small.core.openSeconds, large.core.openSeconds, 's'],
    ['dashboard, first call (ms)', small.core.dashboardColdMs, large.core.dashboardColdMs, 'ms'],
    ['dashboard, warm (ms)', small.core.dashboardMs, large.core.dashboardMs, 'ms'],
    ['  plain pass (ms)', small.plain.dashboardMs, large.plain.dashboardMs, 'ms'],
    ['dashboard smb, warm (ms)', small.core.smbMs, large.core.smbMs, 'ms'],
    ['account page, 7 channels (ms)', small.core.accountPageMs, large.core.accountPageMs, 'ms'],
    ['metrics.account (ms)', small.core.metricsAccountMs, large.core.metricsAccountMs, 'ms'],
    ['accounts.list enterprise by ARR (ms)', small.core.accountsListMs, large.core.accountsListMs, 'ms'],
    ['core process peak memory (MB)', small.core.maxRssMb, large.core.maxRssMb, 'MB'],
    ['rebuild (s)', small.rebuild.seconds, large.rebuild.seconds, 's'],
    ['  plain pass (s)', small.plain.rebuildSeconds, large.plain.rebuildSeconds, 's'],
    ['rebuild peak memory (MB)', small.rebuild.maxRssMb, large.rebuild.maxRssMb, 'MB'],
    [`import ${small.imported.rows.toLocaleString('en-US')} rows (s)`, small.imported.seconds, large.imported.seconds, 's'],
    ['import peak memory (MB)', small.imported.maxRssMb, large.imported.maxRssMb, 'MB'],
  ];
  const fmt = (v: number) => (v >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(2));
  const header = ['figure', `${small.accounts.toLocaleString('en-US')} accounts`, `${large.accounts.toLocaleString('en-US')} accounts`, 'x', 'growth'];
  const cells = rows.map(([name, a, b]) => {
    const g = growth(a, b, dataRatio);
    return [name, fmt(a), fmt(b), g.ratio.toFixed(2), name === 'rows written' ? 'the data' : g.verdict];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [
    `Growth from ${small.accounts.toLocaleString('en-US')} to ${large.accounts.toLocaleString('en-US')} accounts (rows x${dataRatio.toFixed(2)}):`,
    line(header),
    ...cells.map(line),
  ].join('\n');
}

function measurements(large: SizeFigures, limit: number, runs: number): Measurement[] {
  const at = `${large.accounts.toLocaleString('en-US')} accounts`;
  const peak = Math.max(large.generated.maxRssMb, large.core.maxRssMb, large.rebuild.maxRssMb, large.imported.maxRssMb);
  return [
    {
      name: `scale ${at}: metrics.portfolio all accounts, warm`,
      value: large.core.dashboardMs,
      unit: 'ms',
      limit: 250,
      better: 'lower',
      reference: {
        value: large.plain.dashboardMs,
        what: `one pass over ${large.generated.tickets.toLocaleString('en-US')} tickets and ${large.generated.answers.toLocaleString('en-US')} answers in typed arrays`,
      },
      detail: `median of ${runs} warm runs, p90 ${large.core.dashboardP90Ms.toFixed(1)} ms; first call ${large.core.dashboardColdMs.toFixed(0)} ms`,
    },
    {
      name: `scale ${at}: account page (7 channels)`,
      value: large.core.accountPageMs,
      unit: 'ms',
      limit: 100,
      better: 'lower',
      reference: { value: large.plain.accountMs, what: "one pass over the account's rows in typed arrays" },
      detail: `accounts.get, facets, contacts, timeline, metrics.account (${large.core.metricsAccountMs.toFixed(1)} ms), health.explain, deployments; median over 5 accounts`,
    },
    {
      name: `scale ${at}: rebuild of everything derived`,
      value: large.rebuild.seconds,
      unit: 's',
      limit: 10,
      better: 'lower',
      reference: { value: large.plain.rebuildSeconds, what: 'one pass bucketing every row per account and month in typed arrays' },
    },
    {
      name: `scale ${at}: demo generation / insert limit`,
      value: large.generated.rowsPerSecond / limit,
      unit: 'x',
      limit: 0.6,
      better: 'higher',
      detail: `${large.generated.rowsPerSecond.toLocaleString('en-US')} rows/s against ${limit.toLocaleString('en-US')} rows/s`,
    },
    {
      name: `scale ${at}: import / insert limit`,
      value: large.imported.rowsPerSecond / limit,
      unit: 'x',
      limit: 0.7,
      better: 'higher',
      detail: `${large.imported.rows.toLocaleString('en-US')} help-desk rows into the workspace at ${large.imported.rowsPerSecond.toLocaleString('en-US')} rows/s (derived data included)`,
    },
    {
      name: `scale ${at}: peak memory of any step`,
      value: peak,
      unit: 'MB',
      limit: MEMORY_LIMIT_MB,
      better: 'lower',
      detail: `maxRSS of each child: generation ${large.generated.maxRssMb.toFixed(0)}, core ${large.core.maxRssMb.toFixed(0)}, rebuild ${large.rebuild.maxRssMb.toFixed(0)}, import ${large.imported.maxRssMb.toFixed(0)} MB; file ${large.fileMb.toFixed(0)} MB`,
    },
  ];
}

export interface ScaleOptions {
  accounts: number;
  importRows: number;
  /** Warm runs of each dashboard figure (20; fewer where a call takes seconds). */
  runs: number;
  keep: boolean;
}

export function scaleBenchmark(options: ScaleOptions): Benchmark {
  return {
    name: 'scale',
    description: `a ${options.accounts.toLocaleString('en-US')}-account workspace beside the usual one: dashboard, account page, rebuild, import, file size, peak memory`,
    async run(ctx) {
      ctx.log('  measuring the insert limit ...');
      const limit = await insertLimit();
      ctx.log(`  ${limit.what}`);
      const dir = mkdtempSync(join(tmpdir(), 'fulcrum-bench-scale-'));
      try {
        const small = measureSize(dir, ctx.accounts, options, ctx.log);
        const large = measureSize(dir, options.accounts, options, ctx.log);
        process.stdout.write(`\n${growthTable(small, large)}\n`);
        process.stdout.write(`\nFigures as JSON: ${JSON.stringify({ insertLimit: limit.rowsPerSecond, small, large })}\n`);
        return measurements(large, limit.rowsPerSecond, options.runs);
      } finally {
        if (options.keep) ctx.log(`Kept ${dir}`);
        else rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
