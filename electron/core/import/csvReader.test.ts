import { describe, expect, it } from 'vitest';
import { readAll, RecordReader, RUNS_INTO_NEXT_ROW, UNCLOSED_AT_END, UNCLOSED_TOO_LONG, type RecordOut } from './csvReader';

const COMMA = 44;
const whole = (text: string, width = 0) => [...readAll(text, COMMA, width)].map(({ cells, problem }) => (problem ? { cells, problem } : { cells }));

/** The same text pushed in pieces of `size` characters. */
function chunked(text: string, size: number, width = 0, maxField?: number): RecordOut[] {
  const reader = new RecordReader(COMMA, maxField);
  reader.width = width;
  const out: RecordOut[] = [];
  for (let i = 0; i < text.length; i += size) {
    reader.push(text.slice(i, i + size));
    for (let r = reader.next(); r; r = reader.next()) out.push(r);
  }
  reader.end();
  for (let r = reader.next(); r; r = reader.next()) out.push(r);
  return out;
}

const SAMPLES = [
  'a,b,c\n1,2,3\n',
  'a,b\r\n"x,y","say ""hi"""\r\n"",\r\n',
  'a,b,c\n1,"line 1\nline 2",3\n4,5,6',
  'a,b,c\n1,"q"junk,3\n,,\n\n7,8,9\n',
  'id,name,comment,score\n1,A,"great product,5\n2,B,"ok",4\n3,C,fine,3\n',
  'id,name,comment,score\n1,A,fine,5\n2,B,"never closed,4\n',
];

describe('RecordReader', () => {
  it.each(SAMPLES)('reads %j the same whatever the chunk size', (text) => {
    const expected = whole(text, 4);
    for (let size = 1; size <= text.length; size++) expect(chunked(text, size, 4)).toEqual(expected);
  });

  it('a quote closed on a later line, whose next line is not a row of its own, is one cell', () => {
    expect(whole('id,name,comment,score\n1,A,"Retail\nand ""wholesale""",5\n', 4)).toEqual([
      { cells: ['id', 'name', 'comment', 'score'] },
      { cells: ['1', 'A', 'Retail\nand "wholesale"', '5'] },
    ]);
  });

  it('an unclosed quote in the middle: the row ends at its line, the next row is still read', () => {
    expect(whole('id,name,comment,score\n1,A,"great product,5\n2,B,"ok",4\n3,C,fine,3\n', 4)).toEqual([
      { cells: ['id', 'name', 'comment', 'score'] },
      { cells: ['1', 'A', 'great product,5'], problem: { cell: 2, message: RUNS_INTO_NEXT_ROW } },
      { cells: ['2', 'B', 'ok', '4'] },
      { cells: ['3', 'C', 'fine', '3'] },
    ]);
  });

  it('an unclosed quote at the end of the file', () => {
    expect(whole('id,name,comment,score\n1,A,fine,5\n2,B,"never closed\n', 4)).toEqual([
      { cells: ['id', 'name', 'comment', 'score'] },
      { cells: ['1', 'A', 'fine', '5'] },
      { cells: ['2', 'B', 'never closed'], problem: { cell: 2, message: UNCLOSED_AT_END } },
    ]);
  });

  it('a quote open past the field limit is cut there, so the buffer stays bounded', () => {
    const text = `a,b\n1,"${'x'.repeat(30)}\n${'y'.repeat(30)}\n`;
    const out = chunked(`${text}${'z'.repeat(100)}`, 7, 2, 40);
    expect(out[1]).toEqual({ cells: ['1', 'x'.repeat(30)], problem: { cell: 1, message: UNCLOSED_TOO_LONG } });
    expect(out[2]).toEqual({ cells: ['y'.repeat(30)] });
  });

  it('white space runs (the CDNOW shape)', () => {
    const reader = new RecordReader(-1);
    reader.push('  00001 19970101  1  11.77\r\n\n  00002 19970112  2  89.00');
    reader.end();
    expect([reader.next(), reader.next(), reader.next()]).toEqual([{ cells: ['00001', '19970101', '1', '11.77'] }, { cells: ['00002', '19970112', '2', '89.00'] }, undefined]);
  });
});
