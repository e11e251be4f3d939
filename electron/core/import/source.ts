import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../lib/lazyModules';
import { CoreError } from '../errors';
import type { EncodingReport, ImportEncoding } from '../../../shared/contract/import';
import type { Delimiter } from './csv';
import { openTextSource } from './textSource';

export interface SourceOptions {
  path: string;
  /** Sniffed when absent. */
  delimiter?: Delimiter;
  /** XLSX: the sheet's name; the first sheet when absent. */
  sheet?: string;
  /** False for files without a header line (CDNOW): columns are then named column1, column2, … */
  header?: boolean;
  /** A text file's encoding; detected when absent (encoding.ts). */
  encoding?: ImportEncoding;
}

export interface SourceRow {
  /** The spreadsheet row number (the header is row 1). */
  row: number;
  cells: string[];
  /** A structural fault of the row (unclosed quote, cell count): reported as its problem, never converted. */
  problem?: { column: string | null; message: string };
}

export interface Source {
  headers: string[];
  format: string;
  encoding?: string;
  /** Text files: how the text was decoded (encoding.ts), for the preview's source.encodingReport. */
  encodingReport?: () => EncodingReport;
  delimiter?: Delimiter;
  /** Rows of data, read lazily; `fraction()` tells how far the reading has got (0..1). */
  rows(): Iterable<SourceRow>;
  fraction(): number;
  /** About how many data rows there are (line breaks in a text file), for choosing how to write. */
  estimatedRows: number;
}

const isXlsx = (path: string) => ['.xlsx', '.xlsm'].includes(extname(path).toLowerCase());

/** The file's first two bytes: a zip (XLSX) starts with PK. */
function startsAsZip(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw new CoreError('NOT_FOUND', `cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    const two = Buffer.alloc(2);
    return readSync(fd, two, 0, 2, 0) === 2 && two[0] === 0x50 && two[1] === 0x4b;
  } finally {
    closeSync(fd);
  }
}

export async function openSource(options: SourceOptions): Promise<Source> {
  if (isXlsx(options.path) || startsAsZip(options.path)) return openXlsx(options);
  // Text is streamed (textSource.ts): never read whole into memory.
  const text = openTextSource(options.path, { delimiter: options.delimiter, header: options.header, encoding: options.encoding });
  return { ...text, format: 'csv' };
}

function headerNames(first: string[] | undefined, header: boolean, width: number): string[] {
  if (header && first) return first.map((name, i) => name.trim() || `column${i + 1}`);
  return Array.from({ length: width }, (_, i) => `column${i + 1}`);
}

/** A cell of a spreadsheet as the text a CSV would have held. */
function cellText(value: ExcelJS.CellValue): string {
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

async function openXlsx(options: SourceOptions): Promise<Source> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(options.path);
  } catch (error) {
    throw new CoreError('NOT_FOUND', `cannot read ${options.path}: ${(error as Error).message}`);
  }
  const workbook = new (await loadExcelJS()).Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new CoreError('BAD_INPUT', `${options.path} is not a readable XLSX file: ${(error as Error).message}`);
  }
  const sheet = options.sheet ? workbook.getWorksheet(options.sheet) : workbook.worksheets[0];
  if (!sheet) throw new CoreError('NOT_FOUND', options.sheet ? `no sheet named '${options.sheet}'` : 'the workbook has no sheets');
  const all: SourceRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const values = row.values as ExcelJS.CellValue[];
    all.push({ row: number, cells: values.slice(1).map(cellText) });
  });
  const header = options.header ?? true;
  const width = Math.max(0, ...all.map((row) => row.cells.length));
  const headers = headerNames(header ? all[0]?.cells : undefined, header, width);
  const data = header ? all.slice(1) : all;
  if (data.length === 0) throw new CoreError('BAD_INPUT', `the file is empty: ${basename(options.path)} has no rows${header && all.length > 0 ? ' below its header' : ''}`);
  let done = 0;
  return {
    headers,
    format: 'xlsx',
    *rows() {
      for (const row of data) {
        done++;
        yield row;
      }
    },
    fraction: () => (data.length === 0 ? 1 : done / data.length),
    estimatedRows: data.length,
  };
}
