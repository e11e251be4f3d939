import type { EncodingReport, ImportEncoding } from '../../../shared/contract/import';

// Pure: which encoding a text file is in, and a streaming decoder that counts what it could not
// decode. A Windows-1252 file read as UTF-8 turns "café" into "caf\uFFFD"; the decoder says so
// (`replaced`) instead of letting the replacement character reach the workspace unnoticed.

export type DetectedEncoding = Omit<EncodingReport, 'replaced'> & {
  /** Bytes of byte-order mark at the start (skipped by the decoder). */
  bomLength: number;
};

/**
 * Detects from the first bytes of the file (64 KiB is plenty); a multi-byte character cut at the
 * sample's end is not held against UTF-8 unless the sample is the whole file.
 */
export function detectEncoding(sample: Uint8Array, wholeFile = false): DetectedEncoding {
  const [b0, b1, b2] = [sample[0], sample[1], sample[2]];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { encoding: 'utf-8', source: 'bom', confidence: 1, bomLength: 3 };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', source: 'bom', confidence: 1, bomLength: 2 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', source: 'bom', confidence: 1, bomLength: 2 };
  // No BOM: ASCII text in UTF-16 has a NUL in every other byte.
  if (sample.length >= 4 && sample[1] === 0 && sample[3] === 0 && b0 !== 0) return { encoding: 'utf-16le', source: 'nul-bytes', confidence: 0.9, bomLength: 0 };
  if (sample.length >= 4 && sample[0] === 0 && sample[2] === 0 && b1 !== 0) return { encoding: 'utf-16be', source: 'nul-bytes', confidence: 0.9, bomLength: 0 };
  const utf8 = scanUtf8(sample, wholeFile);
  // Plain ASCII reads the same in every candidate: UTF-8, but nothing in the sample proves it.
  if (utf8.valid) return { encoding: 'utf-8', source: 'valid-utf8', confidence: utf8.multiByte > 0 ? 0.99 : 0.5, bomLength: 0 };
  return { ...singleByteGuess(sample), source: 'invalid-utf8', bomLength: 0 };
}

/** Whether bytes are well-formed UTF-8 (RFC 3629: no overlongs, no surrogates, at most U+10FFFF). */
function scanUtf8(bytes: Uint8Array, wholeFile: boolean): { valid: boolean; multiByte: number } {
  let multiByte = 0;
  const n = bytes.length;
  for (let i = 0; i < n;) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return { valid: false, multiByte };
    for (let k = 1; k <= need; k++) {
      // The sample may end inside a character: what is there so far fits.
      if (i + k >= n) return { valid: !wholeFile, multiByte: multiByte + 1 };
      const c = bytes[i + k]!;
      if (c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return { valid: false, multiByte };
    }
    multiByte++;
    i += need + 1;
  }
  return { valid: true, multiByte };
}

/**
 * Not UTF-8, so a single-byte code page. Western European text (Windows-1252, the common case for
 * Excel's "CSV" on Windows) has accented letters one at a time between ASCII letters; Cyrillic in
 * Windows-1251 has whole words of high bytes. Bytes Windows-1252 leaves undefined lower the confidence.
 */
function singleByteGuess(bytes: Uint8Array): { encoding: ImportEncoding; confidence: number } {
  let high = 0;
  let inRuns = 0;
  let undefined1252 = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    high++;
    if (b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90 || b === 0x9d) undefined1252++;
    const prev = bytes[i - 1] ?? 0;
    const next = bytes[i + 1] ?? 0;
    if (b >= 0xc0 && ((prev >= 0xc0 && bytes[i - 2]! >= 0xc0) || (next >= 0xc0 && prev >= 0xc0) || (next >= 0xc0 && bytes[i + 2]! >= 0xc0))) inRuns++;
  }
  if (high >= 8 && inRuns / high > 0.6) return { encoding: 'windows-1251', confidence: 0.6 };
  return { encoding: 'windows-1252', confidence: undefined1252 > 0 ? 0.5 : 0.85 };
}

export interface StreamDecoder {
  readonly encoding: ImportEncoding;
  /** The next chunk's text; a character cut between chunks comes out with the next one. */
  write(chunk: Uint8Array): string;
  /** The rest (an incomplete last character is one replacement). */
  end(): string;
  /** Characters decoded as U+FFFD that were not U+FFFD in the file. */
  readonly replaced: number;
  /** Where in the decoded text (UTF-16 units) the first such character is, or null. */
  readonly firstReplacedAt: number | null;
}

// Node's TextDecoder('windows-1252') decodes 0x80-0x9F as C1 controls (Latin-1), not as € “ ” – …
// (seen on Node 20): the 32 characters are mapped here instead.
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
const C1 = /[\u0080-\u009f]/g;

const latin1 = (chunk: Uint8Array) => Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');

/** Single-byte decoders cannot fail: every byte is a character. */
function singleByte(encoding: ImportEncoding): ((chunk: Uint8Array) => string) | null {
  if (encoding === 'iso-8859-1') return latin1;
  if (encoding === 'windows-1252') return (chunk) => latin1(chunk).replace(C1, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
  return null;
}

/**
 * Counts genuine U+FFFD in the bytes (EF BF BD in UTF-8, FFFD in UTF-16), carrying the last bytes
 * across chunks, so only the decoder's own replacements are reported.
 */
function genuineCounter(encoding: ImportEncoding) {
  const pattern = encoding === 'utf-8' ? [0xef, 0xbf, 0xbd] : encoding === 'utf-16le' ? [0xfd, 0xff] : encoding === 'utf-16be' ? [0xff, 0xfd] : null;
  let offset = 0;
  let tail: number[] = [];
  return (chunk: Uint8Array): number => {
    if (!pattern) return 0;
    let found = 0;
    const at = (i: number) => (i < 0 ? tail[tail.length + i] : chunk[i]);
    for (let i = -tail.length; i <= chunk.length - pattern.length; i++) {
      if (at(i) !== pattern[0]) continue;
      // UTF-16: only at a code unit boundary.
      if (pattern.length === 2 && (offset + i) % 2 !== 0) continue;
      let match = true;
      for (let k = 1; k < pattern.length && match; k++) match = at(i + k) === pattern[k];
      if (match) found++;
    }
    const keep = Math.min(pattern.length - 1, chunk.length + tail.length);
    tail = [...tail, ...chunk.subarray(Math.max(0, chunk.length - keep))].slice(-keep);
    offset += chunk.length;
    return found;
  };
}

export function createDecoder(encoding: ImportEncoding): StreamDecoder {
  const single = singleByte(encoding);
  // UTF-8 and UTF-16 skip their own BOM (TextDecoder's default).
  const decoder = single ? null : new TextDecoder(encoding);
  const genuine = genuineCounter(encoding);
  let replaced = 0;
  let firstReplacedAt: number | null = null;
  let decodedLength = 0;
  let genuineSeen = 0;
  const account = (text: string, genuineInChunk: number) => {
    genuineSeen += genuineInChunk;
    for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) {
      // The first U+FFFD found are matched against the genuine ones seen so far.
      if (genuineSeen > 0) genuineSeen--;
      else {
        replaced++;
        firstReplacedAt ??= decodedLength + i;
      }
    }
    decodedLength += text.length;
    return text;
  };
  return {
    encoding,
    write: (chunk) => (single ? single(chunk) : account(decoder!.decode(chunk, { stream: true }), genuine(chunk))),
    end: () => (single ? '' : account(decoder!.decode(), 0)),
    get replaced() {
      return replaced;
    },
    get firstReplacedAt() {
      return firstReplacedAt;
    },
  };
}

export const SAMPLE_BYTES = 65_536;

/**
 * A whole file at once: detected (or the caller's choice), decoded, and reported as the preview
 * shows it. A file whose first 64 KiB are UTF-8 but whose later bytes are not is read again as the
 * single-byte code page the whole file points to (a streaming reader restarts the same way).
 */
export function decodeBytes(bytes: Uint8Array, chosen?: ImportEncoding): { text: string; report: EncodingReport } {
  if (chosen) {
    const { text, replaced } = decodeWith(bytes, chosen);
    return { text, report: { encoding: chosen, source: 'chosen', confidence: 1, replaced } };
  }
  let detected = detectEncoding(bytes.subarray(0, SAMPLE_BYTES), bytes.length <= SAMPLE_BYTES);
  let decoded = decodeWith(bytes, detected.encoding);
  if (decoded.replaced > 0 && detected.source === 'valid-utf8') {
    detected = detectEncoding(bytes, true);
    decoded = decodeWith(bytes, detected.encoding);
  }
  return { text: decoded.text, report: { encoding: detected.encoding, source: detected.source, confidence: detected.confidence, replaced: decoded.replaced } };
}

function decodeWith(bytes: Uint8Array, encoding: ImportEncoding): { text: string; replaced: number } {
  const decoder = createDecoder(encoding);
  const text = decoder.write(bytes) + decoder.end();
  return { text, replaced: decoder.replaced };
}
