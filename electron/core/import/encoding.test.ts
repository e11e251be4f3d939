import { describe, expect, it } from 'vitest';
import { createDecoder, decodeBytes, detectEncoding } from './encoding';

const bytes = (...parts: (number[] | string)[]) => Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part, 'latin1')] : part)));
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

describe('detectEncoding', () => {
  it.each([
    [[0xef, 0xbb, 0xbf, 0x61], 'utf-8', 'bom', 3],
    [[0xff, 0xfe, 0x61, 0], 'utf-16le', 'bom', 2],
    [[0xfe, 0xff, 0, 0x61], 'utf-16be', 'bom', 2],
    [[0x61, 0, 0x62, 0], 'utf-16le', 'nul-bytes', 0],
    [[0, 0x61, 0, 0x62], 'utf-16be', 'nul-bytes', 0],
  ] as const)('%j -> %s from %s', (sample, encoding, source, bomLength) => expect(detectEncoding(Uint8Array.from(sample))).toMatchObject({ encoding, source, bomLength }));

  it('valid UTF-8 with accents is UTF-8, surely; plain ASCII is UTF-8 without evidence', () => {
    expect(detectEncoding(utf8('name,comment\nAcme,café crème\n'))).toEqual({ encoding: 'utf-8', source: 'valid-utf8', confidence: 0.99, bomLength: 0 });
    expect(detectEncoding(utf8('name\nAcme\n'))).toMatchObject({ encoding: 'utf-8', confidence: 0.5 });
  });

  it('a sample cut inside a UTF-8 character is still UTF-8', () => expect(detectEncoding(utf8('caf\u00e9').subarray(0, 4)).encoding).toBe('utf-8'));

  it('Windows-1252 (é as one byte, curly quotes, €) is not UTF-8: windows-1252', () => {
    expect(detectEncoding(bytes('name,comment\nAcme,caf', [0xe9], ' ', [0x93], 'great', [0x94], ' ', [0x80], '5\n'))).toMatchObject({
      encoding: 'windows-1252',
      source: 'invalid-utf8',
      confidence: 0.85,
    });
  });

  it('Cyrillic in Windows-1251 (whole words of high bytes) is windows-1251', () => {
    // "Привет мир" in Windows-1251.
    const cyrillic = [0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x20, 0xec, 0xe8, 0xf0];
    expect(detectEncoding(bytes('comment\n', cyrillic, '\n')).encoding).toBe('windows-1251');
  });

  it.each([
    [[0xc0, 0x80], 'an overlong'],
    [[0xed, 0xa0, 0x80], 'a surrogate'],
    [[0xf5, 0x80, 0x80, 0x80], 'above U+10FFFF'],
    [[0x61, 0x80, 0x61], 'a lone continuation byte'],
  ])('%j (%s) is not UTF-8', (sample) => expect(detectEncoding(Uint8Array.from(sample)).source).toBe('invalid-utf8'));
});

describe('createDecoder', () => {
  it('windows-1252 decodes 0x80-0x9F as the characters Windows shows (€ “ ” –), not as control codes', () => {
    const decoder = createDecoder('windows-1252');
    expect(decoder.write(bytes([0x80, 0x93], 'caf', [0xe9, 0x94, 0x96]))).toBe('€“café”–');
    expect(decoder.replaced).toBe(0);
  });

  it('iso-8859-1 keeps 0x80-0x9F as Latin-1 has them', () => expect(createDecoder('iso-8859-1').write(bytes([0x80, 0xe9]))).toBe('\u0080é'));

  it('windows-1250 and windows-1251 go through ICU', () => {
    expect(createDecoder('windows-1250').write(bytes([0x8a, 0xe8]))).toBe('Šč');
    expect(createDecoder('windows-1251').write(bytes([0xcf, 0xf0]))).toBe('Пр');
  });

  it('streams: a UTF-8 character split between chunks comes out whole, with nothing replaced', () => {
    const decoder = createDecoder('utf-8');
    const all = utf8('Müller,café');
    const text = decoder.write(all.subarray(0, 2)) + decoder.write(all.subarray(2, 11)) + decoder.write(all.subarray(11)) + decoder.end();
    expect(text).toBe('Müller,café');
    expect(decoder).toMatchObject({ replaced: 0, firstReplacedAt: null });
  });

  it('counts bytes that are not UTF-8 and where the first one landed', () => {
    const decoder = createDecoder('utf-8');
    const text = decoder.write(bytes('ab\ncaf', [0xe9], '\nna', [0xef], 'x')) + decoder.end();
    expect(text).toBe('ab\ncaf\ufffd\nna\ufffdx');
    expect(decoder).toMatchObject({ replaced: 2, firstReplacedAt: 6 });
  });

  it('a U+FFFD that is in the file (EF BF BD), even split across chunks, is not counted', () => {
    const decoder = createDecoder('utf-8');
    const all = utf8('a\ufffdb');
    expect(decoder.write(all.subarray(0, 2)) + decoder.write(all.subarray(2)) + decoder.end()).toBe('a\ufffdb');
    expect(decoder.replaced).toBe(0);
  });

  it('a UTF-8 file cut inside its last character has one replacement', () => {
    const decoder = createDecoder('utf-8');
    expect(decoder.write(utf8('caf\u00e9').subarray(0, 4)) + decoder.end()).toBe('caf\ufffd');
    expect(decoder.replaced).toBe(1);
  });

  it('UTF-16LE skips its BOM and counts a lone surrogate', () => {
    const decoder = createDecoder('utf-16le');
    expect(decoder.write(Uint8Array.from([0xff, 0xfe, 0x61, 0, 0xfd, 0xff, 0x00, 0xd8, 0x62, 0])) + decoder.end()).toBe('a\ufffd\ufffdb');
    expect(decoder.replaced).toBe(1);
  });
});

describe('decodeBytes', () => {
  it('detects and reports', () => {
    expect(decodeBytes(bytes('caf', [0xe9]))).toEqual({ text: 'café', report: { encoding: 'windows-1252', source: 'invalid-utf8', confidence: 0.85, replaced: 0 } });
  });
  it('a chosen encoding wins, and reports what it could not decode', () => {
    expect(decodeBytes(bytes('caf', [0xe9]), 'utf-8')).toEqual({ text: 'caf\ufffd', report: { encoding: 'utf-8', source: 'chosen', confidence: 1, replaced: 1 } });
  });
  it('UTF-8 for 64 KiB and then a Windows-1252 byte: the whole file is read again as windows-1252', () => {
    const file = bytes('comment\n', 'a'.repeat(70_000), '\ncaf', [0xe9], '\n');
    const { text, report } = decodeBytes(file);
    expect(report).toEqual({ encoding: 'windows-1252', source: 'invalid-utf8', confidence: 0.85, replaced: 0 });
    expect(text.endsWith('café\n')).toBe(true);
  });
});
