import { once } from 'node:events';
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type ExcelJS from 'exceljs';
import { CoreError } from '../errors';
import { loadExcelJS } from '../lib/lazyModules';
import type { Source, SourceOptions } from './source';
import { openTextSource } from './textSource';
import { openSheetHead } from './xlsxHead';

// XLSX read as a stream (exceljs's WorkbookReader, issue 13): the chosen sheet's rows are written
// once, as CSV, to a private temp file, and read from there by the streaming text reader
// (textSource.ts) like any CSV. Memory stays bounded by a row, the workbook's shared strings and
// styles, never the sheet. Detection and preview convert only the sheet's head (XLSX_PREVIEW_ROWS,
// read without inflating the rest: xlsxHead.ts), so a large workbook previews at once; the commit
// converts the whole sheet once. Each CSV record starts with the spreadsheet's own row number, so
// problems name the row the user sees in Excel even where empty rows were left out.

/** The sweep of stagings at start-up (stage.ts, expireStagings) deletes these folders once their process is gone. */
const FOLDER_PREFIX = `fulcrum-staged-p${process.pid}-xlsx-`;
/** Conversions kept for reuse (a detect's and a preview's head, a commit's whole sheet); older ones are deleted. */
const KEEP = 3;

/** Data rows a preview of a workbook converts (issue 13): a head a large workbook previews at once; the commit reads every row. */
export const XLSX_PREVIEW_ROWS = 10_000;

interface Converted {
  csv: string;
  /** CSV records written (the header's among them). */
  rows: number;
  /** Set when the conversion stopped at its limit with more rows in the sheet: how far into the sheet it reached (0..1). */
  reach?: number;
}

interface Conversion {
  path: string;
  key: string;
  stamp: string;
  folder: string;
  /** Data rows converted at most (one more is written to show there are more); undefined: the whole sheet. */
  limit: number | undefined;
  done: Promise<Converted>;
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

/**
 * Writes a sheet's rows as `row number, cells…` CSV records, each padded to the first row's width,
 * up to `records` of them and one more when there is one (so the reader sees that the head is not
 * the whole sheet). Says how many were written and whether it stopped with rows left.
 */
async function writeRecords(rows: AsyncIterable<ExcelJS.Row>, out: ReturnType<typeof createWriteStream>, records: number): Promise<{ rows: number; more: boolean }> {
  let written = 0;
  let width = 0;
  for await (const row of rows) {
    const cells = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
    if (cells.every((cell) => cell.trim() === '')) continue;
    if (written === 0) width = cells.length;
    while (cells.length < width) cells.push('');
    written++;
    if (!out.write(`${row.number},${cells.map(csvCell).join(',')}\r\n`)) await once(out, 'drain');
    if (written > records) return { rows: written, more: true };
  }
  return { rows: written, more: false };
}

const unreadable = (path: string, error: unknown) => new CoreError('BAD_INPUT', `${basename(path)} is not a readable XLSX file: ${(error as Error).message}`);
const noSheet = (sheetName: string, seen: readonly string[]) =>
  new CoreError('NOT_FOUND', seen.length > 0 ? `no sheet named '${sheetName}' (sheets: ${seen.join(', ')})` : `no sheet named '${sheetName}'`);

/** The whole sheet, through exceljs's streaming reader (the zip read front to back). */
async function convertWhole(path: string, sheetName: string | undefined, out: ReturnType<typeof createWriteStream>): Promise<Converted['rows']> {
  const excel = await loadExcelJS();
  const reader = new excel.stream.xlsx.WorkbookReader(path, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  const seen: string[] = [];
  let rows = 0;
  try {
    for await (const sheet of reader) {
      const name = (sheet as unknown as { name: string }).name;
      seen.push(name);
      if (sheetName !== undefined && name !== sheetName) continue;
      rows = (await writeRecords(sheet, out, Infinity)).rows;
      break;
    }
  } catch (error) {
    throw unreadable(path, error);
  } finally {
    // Leaving the loop at the chosen sheet leaves the zip unread: close the file.
    (reader as unknown as { stream?: { destroy(): void } }).stream?.destroy();
  }
  if (sheetName !== undefined && !seen.includes(sheetName)) throw noSheet(sheetName, seen);
  if (seen.length === 0) throw new CoreError('BAD_INPUT', `${basename(path)} has no sheets`);
  return rows;
}

/** The sheet's first `records` records (xlsxHead.ts: the rest of the sheet is never inflated); null when the archive is not one it reads (zip64). */
async function convertHead(
  path: string,
  sheetName: string | undefined,
  out: ReturnType<typeof createWriteStream>,
  records: number,
): Promise<{ rows: number; reach?: number } | null> {
  let head;
  try {
    head = await openSheetHead(path, sheetName);
  } catch {
    return null;
  }
  if (!head) {
    if (sheetName === undefined) throw new CoreError('BAD_INPUT', `${basename(path)} has no sheets`);
    // The sheets there are, for the message.
    const names = await openSheetHead(path, undefined).then((first) => (first?.close(), first?.sheets ?? []));
    throw noSheet(sheetName, names);
  }
  try {
    const written = await writeRecords(head.rows, out, records);
    return written.more ? { rows: written.rows, reach: Math.max(head.fraction(), 1e-6) } : { rows: written.rows };
  } catch (error) {
    throw unreadable(path, error);
  } finally {
    head.close();
  }
}

/** The sheet (or its first `limit` data rows) as CSV in `csv`. */
async function convert(path: string, sheetName: string | undefined, csv: string, limit: number | undefined): Promise<Converted> {
  const out = createWriteStream(csv);
  try {
    // The header and `limit` data rows (a sheet without a header line has one more data row: the preview stops at its own limit).
    const head = limit === undefined ? null : await convertHead(path, sheetName, out, limit + 1);
    const converted = head ?? { rows: await convertWhole(path, sheetName, out) };
    out.end();
    await once(out, 'close');
    return { csv, ...converted };
  } catch (error) {
    // A write still in flight fails once the stream is destroyed: the conversion failed already (its folder goes with it), so that is no news.
    out.on('error', () => {});
    out.destroy();
    throw error;
  }
}

/**
 * The converted CSV of the sheet: converted once per file version (size and time), reused after. With
 * `limit`, its first `limit` data rows are enough: a whole conversion or a longer head serves too.
 */
function converted(options: SourceOptions, limit: number | undefined): Promise<Converted> {
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
  for (const old of conversions.filter((conversion) => conversion.key === key && conversion.stamp !== stamp)) forget(old);
  const serves = (conversion: Conversion) => conversion.limit === undefined || (limit !== undefined && conversion.limit >= limit);
  const found = conversions.find((conversion) => conversion.key === key && serves(conversion));
  if (found) return found.done;
  const folder = mkdtempSync(join(tmpdir(), FOLDER_PREFIX));
  const csv = join(folder, `${basename(options.path)}.csv`);
  const conversion: Conversion = { path: options.path, key, stamp, folder, limit, done: convert(options.path, options.sheet, csv, limit) };
  // A failed conversion is not kept: the next open tries again (the user may have fixed the file).
  conversion.done.catch(() => forget(conversion));
  conversions.push(conversion);
  while (conversions.length > KEEP) forget(conversions[0]!);
  return conversion.done;
}

export async function openXlsx(options: SourceOptions): Promise<Source> {
  // Detection and a preview convert the head only; the commit and a column's values read the whole sheet.
  const limit = options.headRows === undefined || !Number.isFinite(options.headRows) ? undefined : Math.min(options.headRows, XLSX_PREVIEW_ROWS);
  const { csv, rows, reach } = await converted(options, limit);
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
    // A head reaches `reach` of the sheet: the reading's fraction and the rows are of the whole sheet.
    fraction: () => text.fraction() * (reach ?? 1),
    estimatedRows: Math.round((header ? rows - 1 : rows) / (reach ?? 1)),
    ...(reach !== undefined && limit !== undefined ? { headRows: limit } : {}),
  };
}
