// The peak memory of importing a large XLSX (issue 13: it was loaded whole by exceljs), beside the
// same rows as CSV in the same run (the CSV import streams: its figure is the reference), and
// beside loading that XLSX whole as the import did before. Each in a child process, so its peak
// memory is its own. Zendesk-shaped ticket rows; FULCRUM_BENCH_XLSX_ROWS sets how many.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { accountsCsv, writeFixture } from '../fixtures/import/generate';
import type { Benchmark, Measurement } from './types';

const ROWS = Number(process.env.FULCRUM_BENCH_XLSX_ROWS ?? 300_000);
const ACCOUNTS = 1_000;
const HEADER = ['Id', 'Organization', 'Subject', 'Created at', 'First reply time in minutes', 'Solved at', 'Priority', 'Via', 'Status', 'Satisfaction Score', 'Tags'];

/** One ticket row: dates as Date (an XLSX writes them as date-formatted serials, a CSV as ISO text). */
function ticket(i: number): (string | number | Date | null)[] {
  const opened = Date.UTC(2025, 0, 1) + (i % 500_000) * 60_000;
  const solved = i % 5 === 0 ? null : new Date(opened + 3_600_000);
  const priority = ['low', 'normal', 'high', 'urgent'][i % 4]!;
  return [
    `T-${i}`,
    `ACC-${(i % ACCOUNTS) + 1}`,
    'Cannot log in, again',
    new Date(opened),
    i % 90,
    solved,
    priority,
    ['email', 'Web', 'chat', 'phone'][i % 4]!,
    solved ? 'solved' : 'open',
    i % 7 === 0 ? null : (i % 5) + 1,
    'login',
  ];
}

const csvCell = (value: string | number | Date | null) =>
  value === null ? '' : value instanceof Date ? value.toISOString() : typeof value === 'string' && value.includes(',') ? `"${value}"` : String(value);

function writeCsv(path: string): number {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, `${HEADER.join(',')}\n`);
    let chunk = '';
    for (let i = 1; i <= ROWS; i++) {
      chunk += `${ticket(i).map(csvCell).join(',')}\n`;
      if (i % 50_000 === 0) {
        writeSync(fd, chunk);
        chunk = '';
      }
    }
    writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
  return statSync(path).size;
}

/** Written as Excel writes a sheet: shared strings, dates as styled serials (exceljs's streaming writer). */
async function writeXlsx(path: string): Promise<number> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  const sheet = book.addWorksheet('Tickets');
  sheet.addRow(HEADER).commit();
  for (let i = 1; i <= ROWS; i++) {
    const row = sheet.addRow(ticket(i));
    row.getCell(4).numFmt = 'yyyy-mm-dd hh:mm:ss';
    row.getCell(6).numFmt = 'yyyy-mm-dd hh:mm:ss';
    row.commit();
  }
  sheet.commit();
  await book.commit();
  return statSync(path).size;
}

interface ChildResult {
  rows: number;
  seconds: number;
  baselineRssMb: number;
  peakRssMb: number;
  maxRssMb: number;
}

function child(dir: string, accounts: string, file: string, how: 'commit' | 'whole' | 'preview'): ChildResult {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'xlsxMemoryChild.ts'), dir, accounts, file, how], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`the ${how} child of ${file} failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as ChildResult;
}

export const xlsxMemoryBenchmark: Benchmark = {
  name: 'xlsx-memory',
  description: 'import.commit of a large XLSX of tickets: peak memory beside the same rows as CSV (and beside loading the XLSX whole, as before)',
  async run(ctx) {
    const dir = mkdtempSync(join(tmpdir(), 'fulcrum-bench-xlsx-'));
    const n = (value: number) => Math.round(value).toLocaleString('en-US');
    try {
      const accounts = writeFixture(dir, 'accounts.csv', accountsCsv(ACCOUNTS));
      const csv = join(dir, 'tickets.csv');
      const xlsx = join(dir, 'tickets.xlsx');
      const csvBytes = writeCsv(csv);
      ctx.log(`  writing ${n(ROWS)} ticket rows as XLSX ...`);
      const xlsxBytes = await writeXlsx(xlsx);
      ctx.log(`  import.commit of the CSV (${(csvBytes / 1e6).toFixed(0)} MB) and the XLSX (${(xlsxBytes / 1e6).toFixed(0)} MB), each in a child process ...`);
      const fromCsv = child(dir, accounts, csv, 'commit');
      const fromXlsx = child(dir, accounts, xlsx, 'commit');
      ctx.log('  import.preview of the XLSX (its head only) ...');
      const preview = child(dir, accounts, xlsx, 'preview');
      ctx.log('  loading the XLSX whole (the import before it streamed) ...');
      const whole = child(dir, accounts, xlsx, 'whole');
      const out: Measurement[] = [
        {
          name: `import.commit ${n(ROWS)} rows from XLSX: peak memory (rss)`,
          value: fromXlsx.peakRssMb,
          unit: 'MB',
          limit: 800,
          better: 'lower',
          detail: `${(xlsxBytes / 1e6).toFixed(0)} MB file, ${n(fromXlsx.rows)} rows in ${fromXlsx.seconds.toFixed(0)} s; rss ${fromXlsx.baselineRssMb.toFixed(0)} MB before the tickets`,
          reference: { value: fromCsv.peakRssMb, what: `the same rows as CSV (${(csvBytes / 1e6).toFixed(0)} MB) in ${fromCsv.seconds.toFixed(0)} s` },
        },
        {
          name: 'import.commit XLSX / CSV peak memory (goal at most 1.5)',
          value: fromXlsx.peakRssMb / fromCsv.peakRssMb,
          unit: 'x',
          limit: 1.5,
          better: 'lower',
          detail: `${fromXlsx.peakRssMb.toFixed(0)} MB against ${fromCsv.peakRssMb.toFixed(0)} MB; loading the XLSX whole (before) peaked at ${whole.peakRssMb.toFixed(0)} MB in ${whole.seconds.toFixed(0)} s without importing a row`,
        },
        // Issue 13: a workbook's preview reads its head only (import/xlsxHead.ts), so its time does not grow with the sheet.
        {
          name: `import.preview of the ${n(ROWS)}-row XLSX: time / the import's (goal at most 0.1)`,
          value: preview.seconds / fromXlsx.seconds,
          unit: 'x',
          limit: 0.1,
          better: 'lower',
          detail: `${preview.seconds.toFixed(2)} s for its head of ${n(preview.rows)} rows, peak ${preview.peakRssMb.toFixed(0)} MB (rss ${preview.baselineRssMb.toFixed(0)} MB before)`,
          reference: {
            value: fromXlsx.seconds,
            what: `import.commit of the same file in ${fromXlsx.seconds.toFixed(1)} s (${n(fromXlsx.rows / fromXlsx.seconds)} rows/s), peak ${fromXlsx.peakRssMb.toFixed(0)} MB`,
          },
        },
      ];
      return out;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
