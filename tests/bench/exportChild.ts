// Run in its own process by the export-memory benchmark (or by hand), so that its peak memory is
// one export's alone: `tsx tests/bench/exportChild.ts WORKSPACE download|table csv|xlsx [table]`.
// `download` is what the browser build does: export.download, then every chunk of a large file,
// each result serialised as the HTTP bridge sends it. Prints one JSON line.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, plainPaths } from '../../electron/core';

const [path, how = 'download', format = 'csv', table = 'tickets'] = process.argv.slice(2);

async function main() {
  const core = await createCore({ dbPath: path!, files: plainPaths(), log: (level, message) => process.stderr.write(`${level}: ${message}\n`) });
  const dir = mkdtempSync(join(tmpdir(), 'fulcrum-export-bench-'));
  let peak = 0;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
  const timer = setInterval(sample, 20);
  const baseline = process.memoryUsage().rss;
  const started = performance.now();
  let bytes = 0;
  let rows: number;
  let envelopes = 0;
  try {
    if (how === 'table') {
      const out = join(dir, `out.${format}`);
      const result = await core.dispatch('export.table', { table, format, path: out });
      if (!result.ok) throw new Error(result.error.message);
      rows = (result.value as { rows: number }).rows;
      bytes = statSync(out).size;
    } else {
      const result = await core.dispatch('export.download', { kind: 'table', table, format });
      if (!result.ok) throw new Error(result.error.message);
      const value = result.value as { rows: number; contentBase64: string | null; downloadId?: string | null };
      rows = value.rows;
      envelopes = JSON.stringify(result).length;
      if (value.contentBase64) bytes = Buffer.from(value.contentBase64, 'base64').length;
      for (let offset = 0, id = value.downloadId; id;) {
        const chunk = await core.dispatch('export.chunk', { downloadId: id, offset });
        if (!chunk.ok) throw new Error(chunk.error.message);
        const part = chunk.value as { contentBase64: string; offset: number; done: boolean };
        envelopes = Math.max(envelopes, JSON.stringify(chunk).length);
        bytes += Buffer.from(part.contentBase64, 'base64').length;
        offset = part.offset;
        if (part.done) id = undefined;
      }
    }
    sample();
  } finally {
    clearInterval(timer);
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(
    `${JSON.stringify({
      how,
      format,
      table,
      rows,
      bytes,
      seconds: (performance.now() - started) / 1000,
      largestEnvelopeMb: envelopes / 1e6,
      baselineRssMb: baseline / 1e6,
      peakRssMb: peak / 1e6,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
    })}\n`,
  );
}

void main();
