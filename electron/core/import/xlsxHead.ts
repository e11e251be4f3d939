import { closeSync, createReadStream, openSync, readSync, statSync, type ReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../lib/lazyModules';

// The head of one sheet of a workbook, read without the rest (issue 13: a preview of a large
// workbook converted the whole sheet first). exceljs's streaming reader reads the zip front to back,
// and Excel stores the sheets before the shared strings, so it inflates every sheet to a temporary
// file before it parses a row. Here the zip's central directory says where each part is: the
// relationships, the workbook, the shared strings and the styles are read first, then the sheet's
// part is inflated as a stream and parsed by exceljs's own worksheet reader until the caller stops.
// The rows past the head are never inflated, let alone parsed: a workbook whose later rows are
// malformed previews all the same. Zip64 archives (over 4 GB) are not read here; the caller falls
// back to the whole conversion.

interface ZipEntry {
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** The archive's parts by name, from its central directory (end of central directory within the last 64 KiB). */
function zipEntries(path: string): Map<string, ZipEntry> {
  const fd = openSync(path, 'r');
  try {
    const size = statSync(path).size;
    const tail = Buffer.alloc(Math.min(size, 65_557));
    readSync(fd, tail, 0, tail.length, size - tail.length);
    let end = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        end = i;
        break;
      }
    }
    if (end < 0) throw new Error('no zip directory');
    const count = tail.readUInt16LE(end + 10);
    const directorySize = tail.readUInt32LE(end + 12);
    const directoryOffset = tail.readUInt32LE(end + 16);
    if (directoryOffset === 0xffffffff || count === 0xffff) throw new Error('zip64 is not read here');
    const directory = Buffer.alloc(directorySize);
    readSync(fd, directory, 0, directorySize, directoryOffset);
    const entries = new Map<string, ZipEntry>();
    for (let at = 0, n = 0; n < count; n++) {
      if (directory.readUInt32LE(at) !== 0x02014b50) throw new Error('a broken zip directory');
      const nameLength = directory.readUInt16LE(at + 28);
      const extraLength = directory.readUInt16LE(at + 30);
      const commentLength = directory.readUInt16LE(at + 32);
      const name = directory.toString('utf8', at + 46, at + 46 + nameLength);
      entries.set(name, {
        method: directory.readUInt16LE(at + 10),
        compressedSize: directory.readUInt32LE(at + 20),
        size: directory.readUInt32LE(at + 24),
        localOffset: directory.readUInt32LE(at + 42),
      });
      at += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  } finally {
    closeSync(fd);
  }
}

/** One part's bytes as a stream: its compressed bytes from the file (`raw`, closed with it) and the inflated text. */
function entryStream(path: string, entry: ZipEntry): { raw: ReadStream; text: Readable } {
  const fd = openSync(path, 'r');
  const header = Buffer.alloc(30);
  try {
    readSync(fd, header, 0, 30, entry.localOffset);
  } finally {
    closeSync(fd);
  }
  if (header.readUInt32LE(0) !== 0x04034b50) throw new Error('a broken zip entry');
  const start = entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  // An empty part: an empty stream (createReadStream's end is inclusive).
  const raw = createReadStream(path, { start, end: Math.max(start, start + entry.compressedSize - 1) });
  if (entry.compressedSize === 0) raw.destroy();
  if (entry.method === 0) return { raw, text: raw };
  if (entry.method !== 8) throw new Error(`compression method ${entry.method} is not read here`);
  return { raw, text: raw.pipe(createInflateRaw()) };
}

/** exceljs's WorkbookReader's steps, which its own `parse` runs in the zip's order. */
interface ReaderParts {
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Iterable<{ eventType: string; value: AsyncIterable<ExcelJS.Row> }>;
  workbookRels?: { Id: string; Target: string }[];
  model?: { sheets?: { name: string; rId: string }[] };
}

export interface SheetHead {
  /** The sheet's rows in order, until the caller stops; then call `close`. */
  rows: AsyncIterable<ExcelJS.Row>;
  /** How much of the sheet's XML the rows so far were parsed from (0..1): how far the head reaches into the sheet. */
  fraction(): number;
  close(): void;
  /** Every sheet's name, in the workbook's order. */
  sheets: string[];
}

/** The sheet named `sheetName` (the first when undefined); null when there is no such sheet (the caller names the ones there are). */
export async function openSheetHead(path: string, sheetName: string | undefined): Promise<SheetHead | null> {
  const entries = zipEntries(path);
  const excel = await loadExcelJS();
  const reader = new excel.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  }) as unknown as ReaderParts;
  const part = (name: string) => {
    const entry = entries.get(name);
    return entry ? entryStream(path, entry).text : undefined;
  };
  const rels = part('xl/_rels/workbook.xml.rels');
  const book = part('xl/workbook.xml');
  if (!rels || !book) throw new Error('no workbook part');
  await reader._parseRels(rels);
  await reader._parseWorkbook(book);
  const strings = part('xl/sharedStrings.xml');
  if (strings) for await (const _ of reader._parseSharedStrings(strings));
  const styles = part('xl/styles.xml');
  if (styles) await reader._parseStyles(styles);
  const sheets = reader.model?.sheets ?? [];
  const sheet = sheetName === undefined ? sheets[0] : sheets.find((s) => s.name === sheetName);
  if (!sheet) return null;
  const target = reader.workbookRels?.find((rel) => rel.Id === sheet.rId)?.Target.replace(/^\/?(xl\/)?/, '');
  const sheetNo = target?.match(/^worksheets\/sheet(\d+)\.xml$/)?.[1];
  const entry = target ? entries.get(`xl/${target}`) : undefined;
  if (!sheetNo || !entry) throw new Error(`no part for sheet '${sheet.name}'`);
  const { raw, text } = entryStream(path, entry);
  // The XML handed to the parser so far (not what the streams buffered ahead): how far the head reaches.
  let parsed = 0;
  const counted = (async function* () {
    for await (const chunk of text as AsyncIterable<Buffer>) {
      parsed += chunk.length;
      yield chunk;
    }
  })();
  const events = [...reader._parseWorksheet(counted, sheetNo)];
  const worksheet = events.find((event) => event.eventType === 'worksheet');
  if (!worksheet) throw new Error(`sheet '${sheet.name}' was not read`);
  return {
    rows: worksheet.value,
    fraction: () => (entry.size > 0 ? Math.min(1, parsed / entry.size) : 1),
    close: () => {
      text.destroy();
      raw.destroy();
    },
    sheets: sheets.map((s) => s.name),
  };
}
