import { describe, expect, it } from 'vitest';
import { aboutCount, headNote, problemRow } from './previewHead';

describe("the preview's head, said plainly", () => {
  it('a large file: how many rows were checked, of about how many', () => {
    expect(headNote({ rows: 200_000, fraction: 200_000 / 1_234_567 })).toBe('Checked the first 200,000 of about 1.2M rows; the rest is checked during the import.');
    expect(headNote({ rows: 200_000, fraction: 0.5 })).toBe('Checked the first 200,000 of about 400,000 rows; the rest is checked during the import.');
  });
  it('a file read whole says nothing', () => expect(headNote(undefined)).toBeNull());
  it.each([
    [12_400_000, '12M'],
    [1_000_000, '1M'],
    [48_200, '48,000'],
    [9_870, '9,870'],
  ])('about %d is %s', (n, text) => expect(aboutCount(n)).toBe(text));
  it('row 0 is the file', () => {
    expect(problemRow(0)).toBe('file');
    expect(problemRow(1204)).toBe('1,204');
  });
});
