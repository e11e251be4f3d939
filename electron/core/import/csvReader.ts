// An incremental RFC 4180 record reader: text goes in by chunks (`push`, then `end`), records come
// out of `next()` as soon as they are whole, so a file of any size is read in bounded memory (the
// buffer holds the unread chunk plus at most one record). Structural faults are reported on the
// record, never merged silently:
// - a quote that is never closed (the file ends inside it, or it runs on past MAX_FIELD chars);
// - a quote that swallows a line break followed by a line that is a whole record of the header's
//   width on its own: the tell of a missing closing quote in the middle of a file (one row would
//   disappear into another's comment).
// Either way the record ends at the line of the opening quote and reading resumes on the next line,
// so the rows after it are still read and checked. Hand-written rather than csv-parse because it is
// the hot loop of a million-row import.

export interface StructuralProblem {
  /** The cell (0-based) where the fault is: the one the quote opened in. */
  cell: number;
  message: string;
}

export interface RecordOut {
  cells: string[];
  problem?: StructuralProblem;
}

/** A quoted cell this long without its closing quote is taken as unclosed: bounds the buffer. */
export const MAX_FIELD = 4 * 1024 * 1024;

const QUOTE = 34;
const LF = 10;
const CR = 13;

export const UNCLOSED_AT_END = 'the quote opened in this cell is never closed: the file ends inside it';
export const UNCLOSED_TOO_LONG = 'the quote opened in this cell is not closed within 4 MB: it is taken as unclosed';
export const RUNS_INTO_NEXT_ROW = 'the quote opened in this cell is not closed before the line break, and the next line is a whole row of its own: the rows would merge';

/** True when buf[from, to) read alone is a complete record of `width` cells (quotes balanced). */
function wholeRecord(buf: string, from: number, to: number, sep: number, width: number): boolean {
  let cells = 1;
  let quoted = false;
  for (let k = from; k < to; k++) {
    const c = buf.charCodeAt(k);
    if (c === QUOTE) quoted = !quoted;
    else if (c === sep && !quoted) cells++;
  }
  return !quoted && cells === width;
}

export class RecordReader {
  private buf = '';
  private pos = 0;
  private final = false;
  /** Characters dropped from the front of the buffer: `offset()` is absolute. */
  private base = 0;
  /** The header's cell count once known (0: unknown), for the merged-rows tell. */
  width = 0;

  /** `sep`: the delimiter's character code, or -1 for runs of white space (the CDNOW shape). */
  constructor(
    private readonly sep: number,
    private readonly maxField = MAX_FIELD,
  ) {}

  push(chunk: string): void {
    if (this.pos < this.buf.length) this.buf = this.buf.slice(this.pos) + chunk;
    else this.buf = chunk;
    this.base += this.pos;
    this.pos = 0;
  }

  end(): void {
    this.final = true;
  }

  /** Characters consumed so far. */
  offset(): number {
    return this.base + this.pos;
  }

  /** The next whole record; undefined when more text is needed (or, after `end`, when there is none). Empty lines are skipped. */
  next(): RecordOut | undefined {
    for (;;) {
      const found = this.sep < 0 ? this.line() : this.record();
      if (found === undefined) return undefined;
      if (found.cells.length === 1 && found.cells[0] === '' && !found.problem) continue;
      return found;
    }
  }

  private line(): RecordOut | undefined {
    const { buf } = this;
    if (this.pos >= buf.length) return undefined;
    let end = buf.indexOf('\n', this.pos);
    if (end < 0) {
      if (!this.final) return undefined;
      end = buf.length;
    }
    const text = buf.slice(this.pos, end).trim();
    this.pos = end + 1;
    return { cells: text === '' ? [''] : text.split(/\s+/) };
  }

  private record(): RecordOut | undefined {
    const { buf, sep, final } = this;
    const n = buf.length;
    let i = this.pos;
    if (i >= n) return undefined;
    const cells: string[] = [];
    for (;;) {
      if (i < n && buf.charCodeAt(i) === QUOTE) {
        const open = i;
        // The closing quote: a quote not followed by another ("" is an escaped quote).
        let q = buf.indexOf('"', open + 1);
        while (q >= 0 && q + 1 < n && buf.charCodeAt(q + 1) === QUOTE) q = buf.indexOf('"', q + 2);
        // A quote as the buffer's last character may be the first half of "": wait for more.
        if (q >= 0 && q + 1 >= n && !final) return undefined;
        if (q < 0 && final) return this.cut(cells, open, UNCLOSED_AT_END);
        const swallowed = buf.indexOf('\n', open + 1);
        if (swallowed >= 0 && (q < 0 || swallowed < q) && this.width > 1) {
          let lineEnd = buf.indexOf('\n', swallowed + 1);
          if (lineEnd < 0) {
            if (!final && n - open < this.maxField) return undefined;
            lineEnd = n;
          }
          if (wholeRecord(buf, swallowed + 1, lineEnd, sep, this.width)) return this.cut(cells, open, RUNS_INTO_NEXT_ROW);
        }
        if (q < 0) {
          if (n - open < this.maxField) return undefined;
          return this.cut(cells, open, UNCLOSED_TOO_LONG);
        }
        let value = buf.slice(open + 1, q);
        if (value.includes('""')) value = value.replace(/""/g, '"');
        // Anything between the closing quote and the delimiter is kept (lenient, as spreadsheets read it).
        let j = q + 1;
        while (j < n) {
          const c = buf.charCodeAt(j);
          if (c === sep || c === LF || c === CR) break;
          j++;
        }
        if (j >= n && !final) return undefined;
        if (j > q + 1) value += buf.slice(q + 1, j);
        cells.push(value);
        i = j;
      } else {
        let j = i;
        while (j < n) {
          const c = buf.charCodeAt(j);
          if (c === sep || c === LF || c === CR) break;
          j++;
        }
        if (j >= n && !final) return undefined;
        cells.push(buf.slice(i, j));
        i = j;
      }
      if (i < n && buf.charCodeAt(i) === sep) {
        i++;
        continue;
      }
      if (i < n && buf.charCodeAt(i) === CR) {
        i++;
        if (i >= n && !final) return undefined;
      }
      if (i < n && buf.charCodeAt(i) === LF) i++;
      break;
    }
    this.pos = i;
    return { cells };
  }

  /** Ends the record at the line of the quote that opened at `open`; reading resumes on the next line. */
  private cut(cells: string[], open: number, message: string): RecordOut {
    const { buf } = this;
    const eol = buf.indexOf('\n', open);
    const lineEnd = eol < 0 ? buf.length : eol;
    cells.push(buf.slice(open + 1, lineEnd).replace(/\r$/, ''));
    this.pos = eol < 0 ? buf.length : eol + 1;
    return { cells, problem: { cell: cells.length - 1, message } };
  }
}

/** Every record of a whole text (tests, small inputs). */
export function* readAll(text: string, sep: number, width = 0): Generator<RecordOut & { end: number }> {
  const reader = new RecordReader(sep);
  reader.width = width;
  reader.push(text);
  reader.end();
  for (let record = reader.next(); record; record = reader.next()) yield { ...record, end: reader.offset() };
}
