import { closeSync, openSync, readSync } from 'node:fs';
import { extname } from 'node:path';
import { CoreError } from '../errors';
import type { EncodingReport, ImportEncoding } from '../../../shared/contract/import';
import type { Delimiter } from './csv';
import { openTextSource } from './textSource';
import { openXlsx } from './xlsxSource';

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
  /** A preview's head: the data rows it reads at most. An XLSX then converts only its head (xlsxSource.ts); a text file is streamed anyway. */
  headRows?: number;
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
  /** Set when the source holds only the head of the file (an XLSX preview): its data rows; a preview reads no further. */
  headRows?: number;
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
