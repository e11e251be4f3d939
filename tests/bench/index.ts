// `npm run bench [-- <name>...] [--accounts N] [--keep] [--workspace FILE] [--scale [--scale-accounts N] [--scale-import-rows N] [--scale-runs N]]`: runs the benchmarks (all, or the named
// ones) against a generated 20,000-account workspace in a temporary folder and prints a table of
// each figure against its limit. A new benchmark is one file exporting a Benchmark, listed below.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateDemoWorkspace, type DemoSummary } from '../../electron/core/demo';
import { actionsBenchmark } from './actions';
import { accountsListBenchmark } from './accountsList';
import { churnBenchmark } from './churn';
import { demoBenchmark } from './demo';
import { eventLoopBenchmark } from './eventLoop';
import { exportMemoryBenchmark } from './exportMemory';
import { xlsxMemoryBenchmark } from './xlsxMemory';
import { importBenchmark } from './import';
import { importLargeBenchmark } from './importLarge';
import { journeyBenchmark } from './journey';
import { matchBenchmark } from './match';
import { metricsBenchmark } from './metrics';
import { purchasesBenchmark } from './purchases';
import { plansGoalsBenchmark } from './plansGoals';
import { scaleBenchmark } from './scale';
import { teamBenchmark } from './team';
import { teamScenarioBenchmark } from './teamScenario';
import { teamSyncBenchmark } from './teamSync';
import { teamOutboxBenchmark } from './teamOutbox';
import { machine, table } from './report';
import type { BenchContext, Benchmark, Measurement } from './types';

const BENCHMARKS: readonly Benchmark[] = [
  demoBenchmark,
  accountsListBenchmark,
  metricsBenchmark,
  importBenchmark,
  importLargeBenchmark,
  journeyBenchmark,
  matchBenchmark,
  exportMemoryBenchmark,
  xlsxMemoryBenchmark,
  eventLoopBenchmark,
  churnBenchmark,
  purchasesBenchmark,
  actionsBenchmark,
  plansGoalsBenchmark,
  teamBenchmark,
  teamSyncBenchmark,
  teamScenarioBenchmark,
  teamOutboxBenchmark,
];

function createContext(accounts: number, dir: string, existing?: string): BenchContext {
  const log = (text: string) => process.stderr.write(`${text}\n`);
  let workspace: Promise<{ path: string; summary: DemoSummary }> | undefined;
  return {
    accounts,
    log,
    workspace() {
      // --workspace: a copy of a kept workspace (the run may migrate and rebuild it), so before/after runs measure the same rows; the demo part has no summary then.
      if (existing && !workspace) {
        const path = join(dir, 'bench.fulcrum');
        copyFileSync(existing, path);
        workspace = Promise.resolve({ path, summary: {} as DemoSummary });
      }
      workspace ??= (async () => {
        const path = join(dir, 'bench.fulcrum');
        let tenth = -1;
        log(`Generating the ${accounts.toLocaleString('en-US')}-account workspace in ${dir} ...`);
        const summary = await generateDemoWorkspace(path, {
          accounts,
          // The day the metrics benchmark and the rebuild child measure at: a fixed day keeps runs comparable.
          today: '2026-11-01',
          onProgress: ({ written, total }) => {
            if (Math.floor((10 * written) / total) > tenth) log(`  ${(tenth = Math.floor((10 * written) / total)) * 10}% (${written.toLocaleString('en-US')} rows)`);
          },
        });
        return { path, summary };
      })();
      return workspace;
    },
  };
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: {
      accounts: { type: 'string', default: '20000' },
      keep: { type: 'boolean', default: false },
      workspace: { type: 'string' },
      // Opt-in, never in the default run: the 100,000-account workspace beside the --accounts one (tests/bench/scale.ts).
      scale: { type: 'boolean', default: false },
      'scale-accounts': { type: 'string', default: '100000' },
      'scale-import-rows': { type: 'string', default: '1000000' },
      'scale-runs': { type: 'string', default: '20' },
    },
    allowPositionals: true,
  });
  const unknown = positionals.filter((name) => !BENCHMARKS.some((b) => b.name === name));
  if (unknown.length > 0) {
    process.stderr.write(`unknown benchmark ${unknown.join(', ')}; choose from ${BENCHMARKS.map((b) => b.name).join(', ')}\n`);
    return 2;
  }
  const scale = scaleBenchmark({
    accounts: Number(values['scale-accounts']),
    importRows: Number(values['scale-import-rows']),
    runs: Number(values['scale-runs']),
    keep: values.keep,
  });
  const selected = values.scale ? [scale] : positionals.length > 0 ? BENCHMARKS.filter((b) => positionals.includes(b.name)) : BENCHMARKS;
  const dir = mkdtempSync(join(tmpdir(), 'fulcrum-bench-'));
  const ctx = createContext(Number(values.accounts), dir, values.workspace);
  const results: Measurement[] = [];
  try {
    for (const benchmark of selected) {
      ctx.log(`> ${benchmark.name}: ${benchmark.description}`);
      results.push(...(await benchmark.run(ctx)));
    }
  } finally {
    if (values.keep) ctx.log(`Kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(`\n${new Date().toISOString().slice(0, 10)} on ${machine()}\n\n${table(results)}\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
