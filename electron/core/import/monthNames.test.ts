import { describe, expect, it } from 'vitest';
import { parseDate, parseInstant } from './dates';
import { monthOfName, monthTable } from './monthNames';

// Issue 13: month names of the CS teams' languages, long and short, as their exports write them.

describe('month names per locale', () => {
  it.each([
    ['de', '9. Oktober 2012'],
    ['de', '9. Okt. 2012'],
    ['de', '9. März 2012', '2012-03-09'],
    ['fr', '9 octobre 2012'],
    ['fr', '9 oct. 2012'],
    ['fr', '9 déc. 2012', '2012-12-09'],
    ['fr', '9 DÉCEMBRE 2012', '2012-12-09'],
    ['es', '9 de octubre de 2012'],
    ['es', '9 oct 2012'],
    ['es', '9 dic. 2012', '2012-12-09'],
    ['it', '9 ottobre 2012'],
    ['it', '9 ott 2012'],
    ['nl', '9 oktober 2012'],
    ['nl', '9 okt. 2012'],
    ['nl', '9 mei 2012', '2012-05-09'],
    ['pt', '9 outubro 2012'],
    ['pt', '9 de outubro de 2012'],
    ['pt', '9 out. 2012'],
    ['sv', '9 oktober 2012'],
    ['sv', '9 maj 2012', '2012-05-09'],
    ['da', '9. oktober 2012'],
    ['nb', '9. okt. 2012'],
    ['fi', '9. lokakuuta 2012'],
    ['fi', '9 lokakuu 2012'],
    ['pl', '9 października 2012'],
    ['pl', '9 paź 2012'],
    ['pl', '9 pazdziernik 2012'],
    ['en', '9 October 2012'],
    ['en', '9 Sept 2012', '2012-09-09'],
  ])('%s: %s', (_locale, raw, value = '2012-10-09') => expect(parseDate(raw)).toEqual({ value }));

  it('reads a time after a foreign date, and says what is not a month', () => {
    expect(parseInstant('9 octobre 2012 14:50')).toEqual({ value: '2012-10-09T14:50:00.000Z' });
    expect(parseDate('9 brumaire 2012')).toEqual({ error: "'9 brumaire 2012' is not a date ('brumaire' is not a month)" });
  });

  it('a name that means different months in two languages is reported, not guessed', () => {
    // "listopad" is November in Polish and October in Croatian.
    const table = monthTable(['pl', 'hr']);
    const read = monthOfName('listopad', table);
    expect(read).toEqual({ ambiguous: expect.stringMatching(/^'listopad' is month (10|11) in (hr|pl) but month (10|11) in (hr|pl)/) });
    // The fixed list has no such clash: every name there reads one month.
    for (const [name, entries] of monthTable()) expect(entries, name).toHaveLength(1);
  });
});
