import { describe, expect, it } from 'vitest';
import { assignColumn, decodeStart, fieldsByColumn, fileProblem, fromBase64, parseCsvStart, sampleValues, toBase64 } from './importModel';

describe('import model', () => {
  it('inverts a mapping per column and applies the user correction', () => {
    const mapping = { fields: { name: 'Company', segment: 'Tier', arrMinor: { column: 'MRR', scale: 12 } } };
    expect(fieldsByColumn(mapping, ['Company', 'Tier', 'MRR', 'Notes'])).toEqual({ Company: 'name', Tier: 'segment', MRR: 'arrMinor', Notes: '' });
    // Tier is really the region; the segment is no longer imported.
    const fixed = assignColumn(mapping, 'Tier', 'region');
    expect(fixed.fields).toEqual({ name: 'Company', region: 'Tier', arrMinor: { column: 'MRR', scale: 12 } });
    // A field takes one column: giving `name` to Notes takes it from Company.
    expect(assignColumn(fixed, 'Notes', 'name').fields).toEqual({ region: 'Tier', arrMinor: { column: 'MRR', scale: 12 }, name: 'Notes' });
    expect(assignColumn(fixed, 'MRR', '').fields).toEqual({ name: 'Company', region: 'Tier' });
  });

  it('refuses empty, too large and foreign files before staging', () => {
    expect(fileProblem({ name: 'a.csv', size: 0 })).toMatch(/empty/);
    // XLSX and CSV both stream: the limit is 2 GB (the temp folder's room), not 100 MB.
    expect(fileProblem({ name: 'a.csv', size: 200 * 1024 * 1024 })).toBeUndefined();
    expect(fileProblem({ name: 'a.xlsx', size: 3 * 1024 ** 3 })).toBe('a.xlsx is 3.0 GB; files up to 2.0 GB can be imported here (the command line takes larger ones).');
    expect(fileProblem({ name: 'a.pdf', size: 10 })).toMatch(/not a CSV/);
    expect(fileProblem({ name: 'A.XLSX', size: 10 })).toBeUndefined();
  });

  it('round-trips base64 and decodes BOMs', () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 255, 128]);
    expect([...fromBase64(toBase64(bytes))]).toEqual([...bytes]);
    expect(decodeStart(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toBe('a');
    expect(decodeStart(new Uint8Array([0xff, 0xfe, 0x61, 0]))).toBe('a');
  });

  it('reads sample cells with quotes, embedded newlines and other delimiters', () => {
    const records = parseCsvStart('Name;Note\r\n"Acme; Inc";"two\nlines"\nBeta;\nGam', ';', 10);
    expect(records).toEqual([
      ['Name', 'Note'],
      ['Acme; Inc', 'two\nlines'],
      ['Beta', ''],
    ]);
    expect(sampleValues(records[0]!, records.slice(1))).toEqual({ Name: ['Acme; Inc', 'Beta'], Note: ['two\nlines'] });
  });
});
