import { describe, expect, it } from 'vitest';
import { csvRows, decodeText, sniffDelimiter, type Delimiter } from './csv';

const rows = (text: string, delimiter: Delimiter) => [...csvRows(text, delimiter)].map((row) => row.cells);

describe('csvRows', () => {
  it.each([
    [
      'a,b\n1,2\n',
      ',',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'a,b\r\n1,2',
      ',',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'a;b\n"x;y";"say ""hi"""\n',
      ';',
      [
        ['a', 'b'],
        ['x;y', 'say "hi"'],
      ],
    ],
    [
      'a,b\n"line 1\nline 2",2\n',
      ',',
      [
        ['a', 'b'],
        ['line 1\nline 2', '2'],
      ],
    ],
    [
      'a\tb\n1\t\n',
      '\t',
      [
        ['a', 'b'],
        ['1', ''],
      ],
    ],
    [
      'a|b\n\n1|2\n',
      '|',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      '  00001 19970101  1  11.77\r\n  00002 19970112  2  89.00\r\n',
      'whitespace',
      [
        ['00001', '19970101', '1', '11.77'],
        ['00002', '19970112', '2', '89.00'],
      ],
    ],
  ] as const)('%j', (text, delimiter, expected) => expect(rows(text, delimiter)).toEqual(expected));
});

describe('sniffDelimiter', () => {
  it.each([
    ['a,b,c\n1,2,3\n', ','],
    ['a;b;c\n1,5;2;3\n', ';'],
    ['a\tb\n1\t2\n', '\t'],
    ['a|b\n1|2\n', '|'],
    ['id  date  n\n 1  2  3\n', 'whitespace'],
    ['name,notes\n"x","a;b;c;d"\n', ','],
  ])('%j -> %j', (text, delimiter) => expect(sniffDelimiter(text)).toBe(delimiter));
});

describe('decodeText', () => {
  const text = 'Name,Città\nÅsa,Zürich\n';
  it('UTF-8 without BOM', () => expect(decodeText(Buffer.from(text, 'utf8')).text).toBe(text));
  it('UTF-8 with BOM', () => expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]))).toEqual({ text, encoding: 'utf-8 (BOM)' }));
  it('UTF-16 LE with BOM', () => expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toEqual({ text, encoding: 'utf-16le' }));
  it('UTF-16 BE with BOM', () => {
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual({ text, encoding: 'utf-16be' });
  });
});
