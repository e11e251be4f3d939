// Run in its own process by the xlsx-memory benchmark, so that its peak memory is one import's
// alone: `tsx tests/bench/xlsxMemoryChild.ts DIR ACCOUNTS_CSV FILE commit|whole`. `commit` imports
// the accounts, then FILE (CSV or XLSX) as tickets through import.commit; `whole` only loads the
// XLSX whole with exceljs and reads every row, as the import did before it streamed. One JSON line.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { createCore, plainPaths } from '../../electron/core';
import type { ImportResult } from '../../shared/contract/import';

const [dir, accounts, file, how = 'commit'] = process.argv.slice(2);

async function main() {
  const core = await createCore({ dbPath: join(dir!, `xlsx-${process.pid}.fulcrum`), create: true, files: plainPaths(), log: () => {} });
  try {
    const seeded = await core.dispatch('import.commit', { jobId: 'accounts', path: accounts!, into: 'accounts', preset: 'crm-accounts' });
    if (!seeded.ok) throw new Error(seeded.error.message);
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const baseline = process.memoryUsage().rss;
    const started = performance.now();
    let rows = 0;
    if (how === 'whole') {
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(file!);
      book.worksheets[0]!.eachRow(() => rows++);
      rows--;
    } else {
      const result = await core.dispatch('import.commit', { jobId: 'tickets', path: file!, into: 'tickets', preset: 'helpdesk-tickets', previewRows: 0, policy: 'reject' });
      if (!result.ok) throw new Error(result.error.message);
      const value = result.value as ImportResult;
      if (!value.committed) throw new Error(`the import had problems: ${JSON.stringify(value.problems.slice(0, 3))}`);
      rows = value.counts.rows;
    }
    const seconds = (performance.now() - started) / 1000;
    clearInterval(timer);
    const mb = (bytes: number) => bytes / 1024 / 1024;
    process.stdout.write(
      `${JSON.stringify({ rows, seconds, baselineRssMb: mb(baseline), peakRssMb: mb(Math.max(peak, process.memoryUsage().rss)), maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
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
