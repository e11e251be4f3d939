import { once } from 'node:events';
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type ExcelJS from 'exceljs';
import { CoreError } from '../errors';
import { loadExcelJS } from '../lib/lazyModules';
import type { Source, SourceOptions } from './source';
import { openTextSource } from './textSource';

// XLSX read as a stream (exceljs's WorkbookReader, issue 13): the chosen sheet's rows are written
// once, as CSV, to a private temp file, and read from there by the streaming text reader
// (textSource.ts) like any CSV. Memory stays bounded by a row, the workbook's shared strings and
// styles, never the sheet; detection, preview and commit of the same file read one conversion, and
// the preview reads only the converted file's head. Each CSV record starts with the spreadsheet's
// own row number, so problems name the row the user sees in Excel even where empty rows were left out.

/** The sweep of stagings at start-up (stage.ts, expireStagings) deletes these folders once their process is gone. */
const FOLDER_PREFIX = `fulcrum-staged-p${process.pid}-xlsx-`;
/** Conversions kept for reuse (a detect, a preview and a commit of one file); older ones are deleted. */
const KEEP = 2;

interface Conversion {
  path: string;
  key: string;
  stamp: string;
  folder: string;
  done: Promise<{ csv: string; rows: number }>;
}
const conversions: Conversion[] = [];

function forget(conversion: Conversion): void {
  const index = conversions.indexOf(conversion);
  if (index >= 0) conversions.splice(index, 1);
  rmSync(conversion.folder, { recursive: true, force: true });
}
process.once('exit', () => conversions.forEach((conversion) => rmSync(conversion.folder, { recursive: true, force: true })));

/** A cell of a spreadsheet as the text a CSV would have held. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellText(value.result);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
    return JSON.stringify(value);
  }
  return String(value);
}

const NEEDS_QUOTES = /[",\r\n]/;
const csvCell = (text: string) => (NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** The sheet's rows, as `row number, cells…` CSV records, each padded to the first row's width. */
async function convert(path: string, sheetName: string | undefined, csv: string): Promise<number> {
  const excel = await loadExcelJS();
  const reader = new excel.stream.xlsx.WorkbookReader(path, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  const out = createWriteStream(csv);
  const seen: string[] = [];
  let rows = 0;
  let width = 0;
  try {
    for await (const sheet of reader) {
      const name = (sheet as unknown as { name: string }).name;
      seen.push(name);
      if (sheetName !== undefined && name !== sheetName) continue;
      for await (const row of sheet) {
        const cells = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
        if (cells.every((cell) => cell.trim() === '')) continue;
        if (rows === 0) width = cells.length;
        while (cells.length < width) cells.push('');
        rows++;
        if (!out.write(`${row.number},${cells.map(csvCell).join(',')}\r\n`)) await once(out, 'drain');
      }
      break;
    }
  } catch (error) {
    out.destroy();
    throw new CoreError('BAD_INPUT', `${basename(path)} is not a readable XLSX file: ${(error as Error).message}`);
  } finally {
    // Leaving the loop at the chosen sheet leaves the zip unread: close the file.
    (reader as unknown as { stream?: { destroy(): void } }).stream?.destroy();
  }
  out.end();
  await once(out, 'close');
  if (sheetName !== undefined && !seen.includes(sheetName)) {
    throw new CoreError('NOT_FOUND', seen.length > 0 ? `no sheet named '${sheetName}' (sheets: ${seen.join(', ')})` : `no sheet named '${sheetName}'`);
  }
  if (seen.length === 0) throw new CoreError('BAD_INPUT', `${basename(path)} has no sheets`);
  return rows;
}

/** The converted CSV of the sheet: converted once per file version (size and time), reused after. */
function converted(options: SourceOptions): Promise<{ csv: string; rows: number }> {
  let stat;
  try {
    stat = statSync(options.path);
  } catch (error) {
    throw new CoreError('NOT_FOUND', `cannot read ${options.path}: ${(error as Error).message}`);
  }
  // A staged file is deleted once its import returns: its conversion goes with it at the next open.
  for (const stale of conversions.filter((conversion) => !existsSync(conversion.path))) forget(stale);
  const key = `${options.path}\u0000${options.sheet ?? ''}`;
  const stamp = `${stat.size}:${stat.mtimeMs}`;
  const found = conversions.find((conversion) => conversion.key === key);
  if (found && found.stamp === stamp) return found.done;
  if (found) forget(found);
  const folder = mkdtempSync(join(tmpdir(), FOLDER_PREFIX));
  const csv = join(folder, `${basename(options.path)}.csv`);
  const conversion: Conversion = { path: options.path, key, stamp, folder, done: convert(options.path, options.sheet, csv).then((rows) => ({ csv, rows })) };
  // A failed conversion is not kept: the next open tries again (the user may have fixed the file).
  conversion.done.catch(() => forget(conversion));
  conversions.push(conversion);
  while (conversions.length > KEEP) forget(conversions[0]!);
  return conversion.done;
}

export async function openXlsx(options: SourceOptions): Promise<Source> {
  const { csv, rows } = await converted(options);
  const name = basename(options.path);
  const header = options.header ?? true;
  if (rows === 0) throw new CoreError('BAD_INPUT', `the file is empty: ${name} has no rows`);
  if (header && rows === 1) throw new CoreError('BAD_INPUT', `the file is empty: ${name} has no rows below its header`);
  const text = openTextSource(csv, { delimiter: ',', encoding: 'utf-8', header });
  // The first column is the row number the conversion wrote, not the sheet's.
  const headers = header ? text.headers.slice(1).map((cell, i) => (cell === `column${i + 2}` ? `column${i + 1}` : cell)) : text.headers.slice(1).map((_, i) => `column${i + 1}`);
  return {
    headers,
    format: 'xlsx',
    *rows() {
      for (const record of text.rows()) {
        const [number, ...cells] = record.cells;
        // A row wider than the header (cells past the header's last column): counted without the number column.
        const problem = record.problem && {
          ...record.problem,
          message: record.problem.column === null ? `has ${cells.length} cells where the header has ${headers.length}` : record.problem.message,
        };
        yield { row: Number(number), cells, ...(problem ? { problem } : {}) };
      }
    },
    fraction: () => text.fraction(),
    estimatedRows: header ? rows - 1 : rows,
  };
}
