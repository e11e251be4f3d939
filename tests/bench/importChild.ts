// Run in its own process by the import benchmark, so that its peak memory is the import's alone:
// `tsx tests/bench/importChild.ts DIR commit|preview ACCOUNTS_CSV TICKETS_CSV`. `commit` imports the
// accounts, then the tickets through import.commit (rows, commit and derived data, as the UI calls
// it); `preview` runs the preview over every row of the tickets (read, convert, validate, no writes;
// import.preview itself checks only a large file's head, so the service is called with no limit).
// Prints one JSON line.
import { join } from 'node:path';
import { createCore, plainPaths } from '../../electron/core';
import { previewImport } from '../../electron/core/import/service';
import { importInput, type ImportPreview, type ImportResult } from '../../shared/contract/import';

const [dir, how = 'commit', accounts, tickets] = process.argv.slice(2);

async function main() {
  const logs: string[] = [];
  const core = await createCore({ dbPath: join(dir!, `${how}.fulcrum`), create: true, files: plainPaths(), log: (_level, message) => logs.push(message) });
  try {
    const seeded = await core.dispatch('import.commit', { jobId: 'accounts', path: accounts!, into: 'accounts', preset: 'crm-accounts' });
    if (!seeded.ok) throw new Error(seeded.error.message);
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const baseline = process.memoryUsage().rss;
    const started = performance.now();
    const input = { path: tickets!, into: 'tickets', preset: 'helpdesk-tickets', previewRows: 0 } as const;
    const result =
      how === 'preview'
        ? { ok: true as const, value: await previewImport(core.context, importInput.parse(input), Infinity) }
        : await core.dispatch('import.commit', { ...input, jobId: 'tickets', policy: 'reject' });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(timer);
    if (!result.ok) throw new Error(result.error.message);
    const value = result.value as ImportPreview | ImportResult;
    if (value.counts.errors > 0 || ('committed' in value && !value.committed)) throw new Error(`the import had problems: ${JSON.stringify(value.problems.slice(0, 3))}`);
    const mb = (bytes: number) => bytes / 1024 / 1024;
    process.stdout.write(
      `${JSON.stringify({ rows: value.counts.rows, seconds, log: logs.at(-1) ?? '', baselineRssMb: mb(baseline), peakRssMb: mb(Math.max(peak, process.memoryUsage().rss)), maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
    );
  } finally {
    await core.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
