import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../lib/lazyModules';
import { CoreError } from '../errors';
import { csvRows, decodeText, sniffDelimiter, type Delimiter } from './csv';

export interface SourceOptions {
  path: string;
  /** Sniffed when absent. */
  delimiter?: Delimiter;
  /** XLSX: the sheet's name; the first sheet when absent. */
  sheet?: string;
  /** False for files without a header line (CDNOW): columns are then named column1, column2, … */
  header?: boolean;
}

export interface SourceRow {
  /** The spreadsheet row number (the header is row 1). */
  row: number;
  cells: string[];
}

export interface Source {
  headers: string[];
  format: string;
  encoding?: string;
  delimiter?: Delimiter;
  /** Rows of data, read lazily; `fraction()` tells how far the reading has got (0..1). */
  rows(): Iterable<SourceRow>;
  fraction(): number;
  /** About how many data rows there are (line breaks in a text file), for choosing how to write. */
  estimatedRows: number;
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

const isXlsx = (path: string) => ['.xlsx', '.xlsm'].includes(extname(path).toLowerCase());

export async function openSource(options: SourceOptions): Promise<Source> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(options.path);
  } catch (error) {
    throw new CoreError('NOT_FOUND', `cannot read ${options.path}: ${(error as Error).message}`);
  }
  return isXlsx(options.path) || (bytes[0] === 0x50 && bytes[1] === 0x4b) ? openXlsx(bytes, options) : openText(bytes, options);
}

function headerNames(first: string[] | undefined, header: boolean, width: number): string[] {
  if (header && first) return first.map((name, i) => name.trim() || `column${i + 1}`);
  return Array.from({ length: width }, (_, i) => `column${i + 1}`);
}

function openText(bytes: Buffer, options: SourceOptions): Source {
  const { text, encoding } = decodeText(bytes);
  const delimiter = options.delimiter ?? sniffDelimiter(text);
  const header = options.header ?? true;
  const firstRow = csvRows(text, delimiter).next();
  const first = firstRow.done ? undefined : firstRow.value;
  const headers = headerNames(first?.cells, header, first?.cells.length ?? 0);
  let position = 0;
  return {
    headers,
    format: 'csv',
    encoding,
    delimiter,
    *rows() {
      let row = header ? 1 : 0;
      let skip = header;
      for (const { cells, end } of csvRows(text, delimiter)) {
        position = end;
        if (skip) {
          skip = false;
          continue;
        }
        yield { row: ++row, cells };
      }
      position = text.length;
    },
    fraction: () => (text.length === 0 ? 1 : position / text.length),
    estimatedRows: countLines(text),
  };
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

async function openXlsx(bytes: Buffer, options: SourceOptions): Promise<Source> {
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
