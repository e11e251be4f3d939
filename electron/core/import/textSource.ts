import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { CoreError } from '../errors';
import type { EncodingReport, ImportEncoding } from '../../../shared/contract/import';
import { delimiterCode, sniffDelimiter, type Delimiter } from './csv';
import { RecordReader, type RecordOut } from './csvReader';
import { createDecoder, detectEncoding, type StreamDecoder } from './encoding';

// A delimited text file read as a stream: the head (HEAD_BYTES) for the encoding, the delimiter and
// the header; the rows in CHUNK_BYTES reads through a streaming decoder and the incremental record
// reader, so memory stays bounded whatever the file's size. Each call to `rows()` reads the file
// again from the start (sampling, date detection and the import are separate passes).

const HEAD_BYTES = 64 * 1024;
const CHUNK_BYTES = 1024 * 1024;

export interface TextRow {
  /** The record's number (the header is 1). */
  row: number;
  cells: string[];
  /** A structural fault: an unclosed quote or a cell count that differs from the header's. */
  problem?: { column: string | null; message: string };
}

export interface TextSource {
  headers: string[];
  encoding: string;
  /** How the text was decoded (encoding.ts); `replaced` is as of the last pass over the rows. */
  encodingReport(): EncodingReport;
  delimiter: Delimiter;
  rows(): Generator<TextRow>;
  fraction(): number;
  estimatedRows: number;
}

function readHead(path: string): { head: Buffer; size: number } {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(Math.min(size, HEAD_BYTES));
    const got = readSync(fd, head, 0, head.length, 0);
    return { head: head.subarray(0, got), size };
  } finally {
    closeSync(fd);
  }
}

/** Every record of the file, decoded and read chunk by chunk; `progress(bytes, chars)` (read so far) after each read. */
/** The encoding a file is read in; `decoder` is the latest pass's (its count of undecodable characters is the report's). */
interface Decoding {
  label: ImportEncoding;
  skip: number;
  decoder?: StreamDecoder;
}

function* records(path: string, found: Decoding, reader: RecordReader, progress: (bytes: number, chars: number) => void): Generator<RecordOut> {
  const fd = openSync(path, 'r');
  try {
    // encoding.ts's decoder: Windows-1252 mapped right, and a count of the U+FFFD it had to make. UTF-8/16 skip their BOM themselves.
    const decoder = createDecoder(found.label);
    found.decoder = decoder;
    const chunk = Buffer.alloc(CHUNK_BYTES);
    let position = found.skip;
    let chars = 0;
    for (;;) {
      const got = readSync(fd, chunk, 0, CHUNK_BYTES, position);
      position += got;
      const text = got === 0 ? decoder.end() : decoder.write(chunk.subarray(0, got));
      chars += text.length;
      progress(position, chars);
      reader.push(text);
      if (got === 0) reader.end();
      for (let record = reader.next(); record; record = reader.next()) yield record;
      if (got === 0) return;
    }
  } finally {
    closeSync(fd);
  }
}

const isEmptyRecord = (cells: string[]) => cells.every((cell) => cell.trim() === '');

/**
 * Cells beyond the header's count are tolerated when they are all empty (spreadsheet exports pad
 * rows with trailing delimiters when some row elsewhere was wider); any other difference is a
 * problem of the row, naming both counts.
 */
function raggedProblem(cells: string[], width: number): string | undefined {
  if (cells.length === width) return undefined;
  if (cells.length > width && cells.slice(width).every((cell) => cell.trim() === '')) {
    cells.length = width;
    return undefined;
  }
  const n = cells.length;
  return `has ${n.toLocaleString('en-US')} ${n === 1 ? 'cell' : 'cells'} where the header has ${width.toLocaleString('en-US')}`;
}

/** `strict: false` skips the structural checks (the benchmark's baseline for what they cost). */
export function openTextSource(path: string, options: { delimiter?: Delimiter; encoding?: ImportEncoding; header?: boolean; strict?: boolean }): TextSource {
  const strict = options.strict ?? true;
  let head: Buffer;
  let size: number;
  try {
    ({ head, size } = readHead(path));
  } catch (error) {
    throw new CoreError('NOT_FOUND', `cannot read ${path}: ${(error as Error).message}`);
  }
  const name = basename(path);
  if (size === 0) throw new CoreError('BAD_INPUT', `the file is empty: ${name} has 0 bytes`);
  // The caller's encoding (--encoding, the preview's picker), else detected from the head: BOM, UTF-16, valid UTF-8, else a single-byte code page.
  const detected = options.encoding ? { encoding: options.encoding, source: 'chosen' as const, confidence: 1 } : detectEncoding(head, head.length >= size);
  const found: Decoding = { label: detected.encoding, skip: 0 };
  // The head may end inside a character: a streaming decode leaves the partial one out.
  const headText = createDecoder(found.label).write(head);
  const delimiter = options.delimiter ?? sniffDelimiter(headText);
  const sep = delimiterCode(delimiter);
  const header = options.header ?? true;

  // The first two records: the header (or the first row's width) and whether any data follows.
  const first: RecordOut[] = [];
  for (const record of records(path, found, new RecordReader(sep), () => {})) {
    if (isEmptyRecord(record.cells)) continue;
    first.push(record);
    if (first.length === 2) break;
  }
  if (first.length === 0) throw new CoreError('BAD_INPUT', `the file is empty: ${name} holds no rows`);
  if (header && first.length === 1) throw new CoreError('BAD_INPUT', `the file is empty: ${name} has a header line and no rows below it`);
  const width = first[0]!.cells.length;
  const headers = header ? first[0]!.cells.map((cell, i) => cell.trim() || `column${i + 1}`) : Array.from({ length: width }, (_, i) => `column${i + 1}`);

  // Rows estimated from the head's line length: only chooses how to write (deferred indexes).
  const headLines = Math.max(1, headText.split('\n').length - 1);
  const estimatedRows = head.length >= size ? headLines : Math.round((size / head.length) * headLines);

  // Progress is the reader's position in characters scaled to bytes (the reads run a chunk ahead).
  let position = () => 0;
  return {
    headers,
    encoding: detected.source === 'bom' && detected.encoding === 'utf-8' ? 'utf-8 (BOM)' : detected.encoding,
    encodingReport: () => ({ encoding: detected.encoding, source: detected.source, confidence: detected.confidence, replaced: found.decoder?.replaced ?? 0 }),
    delimiter,
    *rows() {
      const reader = new RecordReader(sep);
      reader.width = strict ? width : 0;
      let row = header ? 1 : 0;
      let skip = header;
      let bytesPerChar = 1;
      position = () => reader.offset() * bytesPerChar;
      for (const record of records(path, found, reader, (bytes, chars) => (bytesPerChar = chars > 0 ? bytes / chars : 1))) {
        // A line of delimiters only (a blank spreadsheet row) is no record, like an empty line.
        if (!record.problem && isEmptyRecord(record.cells)) continue;
        if (skip) {
          skip = false;
          continue;
        }
        row++;
        const { cells } = record;
        if (record.problem) {
          yield { row, cells, problem: { column: headers[record.problem.cell] ?? null, message: record.problem.message } };
          continue;
        }
        const ragged = strict ? raggedProblem(cells, width) : undefined;
        yield ragged ? { row, cells, problem: { column: null, message: ragged } } : { row, cells };
      }
      position = () => size;
    },
    fraction: () => Math.min(1, position() / size),
    estimatedRows,
  };
}
