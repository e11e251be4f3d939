// The browser build's export of the biggest table (every ticket) through export.download and its
// chunks, each in a child process so its peak memory is the export's alone (issue 12: it held the
// whole file, and 2M tickets' CSV could not be downloaded at all).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Benchmark, Measurement } from './types';

interface ChildResult {
  rows: number;
  bytes: number;
  seconds: number;
  largestEnvelopeMb: number;
  baselineRssMb: number;
  peakRssMb: number;
  maxRssMb: number;
}

export const exportMemoryBenchmark: Benchmark = {
  name: 'export-memory',
  description: 'export.download of every ticket as CSV and XLSX, read chunk by chunk: peak memory',
  async run(ctx) {
    const { path } = await ctx.workspace();
    const out: Measurement[] = [];
    for (const format of ['csv', 'xlsx'] as const) {
      ctx.log(`  export.download tickets as ${format} in a child process ...`);
      const child = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'exportChild.ts'), path, 'download', format, 'tickets'], { encoding: 'utf8' });
      if (child.status !== 0) throw new Error(`the ${format} export failed: ${child.stderr}`);
      const r = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as ChildResult;
      out.push({
        name: `export.download tickets ${format}: peak memory (rss)`,
        value: r.maxRssMb,
        unit: 'MB',
        limit: 800,
        better: 'lower',
        detail: `${r.rows.toLocaleString('en-US')} rows, ${(r.bytes / 1e6).toFixed(0)} MB file in ${r.seconds.toFixed(0)} s; largest envelope ${r.largestEnvelopeMb.toFixed(1)} MB; rss ${r.baselineRssMb.toFixed(0)} MB with the workspace open before the export`,
      });
    }
    return out;
  },
};
