// The match keys already met in a file, with the row each was first on, for "'T-1' is also on row
// 12": a Map of strings costs about 100 bytes a key (400 MB for a 4M-row file), this open-addressing
// table of typed arrays 12 bytes a slot (at most half full: 24 bytes a key). A key is known by two
// independent 32-bit hashes of its text (64 bits: among 10 million keys the chance that any two
// distinct ones collide is about 3 in a million, and a collision would report a duplicate, never
// merge rows silently).

const EMPTY = 0;

/** FNV-1a over the UTF-16 code units, with a given offset basis. */
function fnv(text: string, basis: number): number {
  let h = basis;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** A second, independent hash (murmur3's mixing per code unit and its finaliser). */
function murmur(text: string): number {
  let h = 0x9747b28c ^ text.length;
  for (let i = 0; i < text.length; i++) {
    let k = Math.imul(text.charCodeAt(i), 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

export class SeenKeys {
  private a = new Int32Array(1024);
  private b = new Int32Array(1024);
  /** The row a key was first on; EMPTY marks a free slot (rows are numbered from 1). */
  private rows = new Int32Array(1024);
  private size = 0;

  /** The row `key` was first seen on; when new, records it as on `row` and returns undefined. */
  firstRow(key: string, row: number): number | undefined {
    const a = fnv(key, 0x811c9dc5);
    const b = murmur(key);
    const mask = this.rows.length - 1;
    for (let slot = a & mask; ; slot = (slot + 1) & mask) {
      const found = this.rows[slot]!;
      if (found === EMPTY) break;
      if (this.a[slot] === a && this.b[slot] === b) return found;
    }
    if ((this.size + 1) * 2 > this.rows.length) this.grow();
    this.place(a, b, row);
    this.size++;
    return undefined;
  }

  private place(a: number, b: number, row: number): void {
    const mask = this.rows.length - 1;
    let slot = a & mask;
    while (this.rows[slot] !== EMPTY) slot = (slot + 1) & mask;
    this.a[slot] = a;
    this.b[slot] = b;
    this.rows[slot] = row;
  }

  private grow(): void {
    const { a, b, rows } = this;
    this.a = new Int32Array(rows.length * 2);
    this.b = new Int32Array(rows.length * 2);
    this.rows = new Int32Array(rows.length * 2);
    for (let slot = 0; slot < rows.length; slot++) if (rows[slot] !== EMPTY) this.place(a[slot]!, b[slot]!, rows[slot]!);
  }
}
