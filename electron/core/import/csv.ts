// Pure text -> rows: encoding sniffing and delimiter sniffing; the records themselves are read by
// csvReader.ts (quoted fields with embedded delimiters, quotes and newlines; CRLF or LF).
import { readAll } from './csvReader';

export type Delimiter = ',' | ';' | '\t' | '|' | 'whitespace';

export interface DetectedEncoding {
  /** As reported to the user. */
  encoding: string;
  /** The TextDecoder label. */
  label: 'utf-8' | 'utf-16le' | 'utf-16be';
  /** Bytes of byte-order mark to skip. */
  skip: number;
}

/**
 * From the file's first bytes: UTF-8 with or without BOM, UTF-16 LE/BE with BOM (or without,
 * guessed from NUL bytes). The seam for the encoding module (legacy code pages) when it lands.
 */
export function detectEncoding(bytes: Uint8Array): DetectedEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8 (BOM)', label: 'utf-8', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', label: 'utf-16le', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', label: 'utf-16be', skip: 2 };
  // No BOM: ASCII text in UTF-16 has a NUL in every other byte.
  if (bytes.length >= 4 && bytes[1] === 0 && bytes[3] === 0 && bytes[0] !== 0) return { encoding: 'utf-16le', label: 'utf-16le', skip: 0 };
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[2] === 0 && bytes[1] !== 0) return { encoding: 'utf-16be', label: 'utf-16be', skip: 0 };
  return { encoding: 'utf-8', label: 'utf-8', skip: 0 };
}

/** A whole byte buffer as text, with the encoding found. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  const found = detectEncoding(bytes);
  return { text: new TextDecoder(found.label).decode(bytes.subarray(found.skip)), encoding: found.encoding };
}

/** The first few physical lines, outside quotes, for sniffing. */
function sampleLines(text: string, count: number): string[] {
  const lines: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length && lines.length < count; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 10 && !quoted) {
      lines.push(text.slice(start, i).replace(/\r$/, ''));
      start = i + 1;
    }
  }
  if (lines.length < count && start < text.length) lines.push(text.slice(start));
  return lines.filter((line) => line.trim() !== '');
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let n = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === delimiter && !quoted) n++;
  }
  return n;
}

/**
 * The delimiter whose count per line is the same (and not zero) on the most sample lines;
 * runs of spaces (the CDNOW shape) when none of , ; tab | occurs.
 */
export function sniffDelimiter(text: string): Delimiter {
  const lines = sampleLines(text, 20);
  let best: { delimiter: Delimiter; score: number } = { delimiter: ',', score: -1 };
  for (const delimiter of [',', ';', '\t', '|'] as const) {
    const counts = lines.map((line) => countOutsideQuotes(line, delimiter));
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const consistent = counts.filter((n) => n === first).length;
    const score = consistent * 1000 + first;
    if (score > best.score) best = { delimiter, score };
  }
  if (best.score < 0 && lines.length > 0 && lines.every((line) => /\S\s{1,}\S/.test(line.trim()))) return 'whitespace';
  return best.delimiter;
}

export interface CsvRow {
  cells: string[];
  /** Character offset after the row, for progress. */
  end: number;
}

/** The delimiter's character code for the record reader (-1: runs of white space). */
export const delimiterCode = (delimiter: Delimiter) => (delimiter === 'whitespace' ? -1 : delimiter.charCodeAt(0));

/** Rows of a whole delimited text (lenient: structural faults are not reported); fully empty lines are skipped. */
export function* csvRows(text: string, delimiter: Delimiter): Generator<CsvRow> {
  for (const { cells, end } of readAll(text, delimiterCode(delimiter))) yield { cells, end };
}
