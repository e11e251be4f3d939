import { isUtf8 } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';
import type { ImportEncoding } from '../../../shared/contract/import';
import { detectEncoding } from './encoding';

// Detection reads the first 64 KiB. A file that is ASCII there and Windows-1252 further down (an
// accented name on row 5,000) would be read as UTF-8; this scan of the whole file (Node's native
// isUtf8, 1 MiB at a time, so a page-cached file costs little) finds the first bytes that are not
// UTF-8 and which single-byte code page they point to.

const CHUNK = 1024 * 1024;

/** Bytes at the end that start a UTF-8 character the chunk does not finish (0-3). */
function incompleteTail(bytes: Uint8Array): number {
  for (let k = 1; k <= Math.min(3, bytes.length); k++) {
    const b = bytes[bytes.length - k]!;
    if ((b & 0xc0) === 0x80) continue;
    if (b < 0xc0) return 0;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return need > k ? k : 0;
  }
  return 0;
}

/** Null when the whole file is UTF-8; else the encoding the first invalid chunk points to. */
export function utf8Breaks(path: string): { encoding: ImportEncoding; confidence: number } | null {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(CHUNK + 3);
    let carried = 0;
    let position = 0;
    for (;;) {
      const got = readSync(fd, buffer, carried, CHUNK, position);
      position += got;
      const filled = carried + got;
      const tail = got === 0 ? 0 : incompleteTail(buffer.subarray(0, filled));
      const whole = buffer.subarray(0, filled - tail);
      if (!isUtf8(whole)) {
        const found = detectEncoding(whole, true);
        return found.source === 'invalid-utf8' ? { encoding: found.encoding, confidence: found.confidence } : null;
      }
      if (got === 0) return null;
      buffer.copy(buffer, 0, filled - tail, filled);
      carried = tail;
    }
  } finally {
    closeSync(fd);
  }
}
