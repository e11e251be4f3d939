import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { utf8Breaks } from './encodingScan';

const file = (bytes: Buffer) => {
  const path = join(mkdtempSync(join(tmpdir(), 'fulcrum-scan-')), 'f.csv');
  writeFileSync(path, bytes);
  return path;
};

describe('utf8Breaks', () => {
  it('a UTF-8 character cut by the 1 MiB read boundary is still UTF-8', () => {
    // 'é' (C3 A9) starts at the last byte of the first read.
    const bytes = Buffer.concat([Buffer.alloc(1024 * 1024 - 1, 0x61), Buffer.from('é and more', 'utf8')]);
    expect(utf8Breaks(file(bytes))).toBeNull();
  });
  it('a Windows-1252 byte past the first read points to windows-1252', () => {
    const bytes = Buffer.concat([Buffer.alloc(1024 * 1024 + 10, 0x61), Buffer.from('caf\xe9\n', 'latin1')]);
    expect(utf8Breaks(file(bytes))).toEqual({ encoding: 'windows-1252', confidence: 0.85 });
  });
  it('a file ending inside a UTF-8 character is not UTF-8', () => expect(utf8Breaks(file(Buffer.from([0x61, 0xc3])))).not.toBeNull());
  it('an empty file is UTF-8', () => expect(utf8Breaks(file(Buffer.alloc(0)))).toBeNull());
});
