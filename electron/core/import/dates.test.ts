import { describe, expect, it } from 'vitest';
import { chooseDateOrder, parseDate, parseInstant } from './dates';

describe('parseInstant: every form of issue 13', () => {
  it.each([
    ['2012/10/09 14:50:17.000', 'ymd', '2012-10-09T14:50:17.000Z'],
    ['2012/10/09', 'ymd', '2012-10-09T00:00:00.000Z'],
    ['2012.10.09 14:50', 'ymd', '2012-10-09T14:50:00.000Z'],
    ['09.10.2012', 'dmy', '2012-10-09T00:00:00.000Z'],
    ['09.10.2012 14:50:17', 'dmy', '2012-10-09T14:50:17.000Z'],
    ['10/9/12', 'mdy', '2012-10-09T00:00:00.000Z'],
    ['10/9/12', 'dmy', '2012-09-10T00:00:00.000Z'],
    ['10/9/12 2:50 PM', 'mdy', '2012-10-09T14:50:00.000Z'],
    ['12/31/1999 12:05 AM', 'mdy', '1999-12-31T00:05:00.000Z'],
    ['2012-10-09T14:50:17+02:00', 'ymd', '2012-10-09T12:50:17.000Z'],
    ['2012-10-09T14:50:17.250-0500', 'ymd', '2012-10-09T19:50:17.250Z'],
    ['2012-10-09 14:50:17 +02', 'ymd', '2012-10-09T12:50:17.000Z'],
    ['2012-10-09T14:50:17Z', 'ymd', '2012-10-09T14:50:17.000Z'],
    ['2012-10-09T14:50:17.9996Z', 'ymd', '2012-10-09T14:50:18.000Z'],
    ['2012-10-09 14:50:17 UTC', 'ymd', '2012-10-09T14:50:17.000Z'],
    ['20121009', 'ymd', '2012-10-09T00:00:00.000Z'],
  ] as const)('%j read %s -> %s', (raw, order, value) => expect(parseInstant(raw, order)).toEqual({ value }));

  it.each([
    ['41191', '2012-10-09T00:00:00.000Z'],
    ['41191.5', '2012-10-09T12:00:00.000Z'],
    ['41191.61825231', '2012-10-09T14:50:17.000Z'],
    ['1349794217', '2012-10-09T14:50:17.000Z'],
    ['1349794217.5', '2012-10-09T14:50:17.500Z'],
    ['1349794217000', '2012-10-09T14:50:17.000Z'],
  ])('%j (a number in a date column) -> %s', (raw, value) => expect(parseInstant(raw, 'ymd', true)).toEqual({ value }));

  it('numbers are dates only where the column is known to hold dates (automatic mapping does not take a column of ids for one)', () => {
    expect(parseInstant('41191')).toEqual({ error: "'41191' is not a date" });
    expect(parseInstant('1349794217')).toEqual({ error: "'1349794217' is not a date" });
  });

  it.each(['2012', '123', '12345678901', 'soon', '2012-10-09 25:00', '2012-10-09 14:60', '2012-02-30'])('%j is refused', (raw) =>
    expect('error' in parseInstant(raw, 'mdy', true)).toBe(true),
  );
});

describe('parseInstant: the dates Jira and Google Forms write', () => {
  it.each([
    // Jira's default complete date/time format, dd/MMM/yy h:mm a (Administration -> Look and feel).
    ['09/Oct/12 2:50 PM', '2012-10-09T14:50:00.000Z'],
    ['09/Oct/12 12:05 AM', '2012-10-09T00:05:00.000Z'],
    ['31/Dec/99 12:00 PM', '1999-12-31T12:00:00.000Z'],
    ['09/Oct/12', '2012-10-09T00:00:00.000Z'],
    ['9-Sept-2012 14:50', '2012-09-09T14:50:00.000Z'],
    ['9 October 2012', '2012-10-09T00:00:00.000Z'],
    ['Oct 9, 2012 2:50 PM', '2012-10-09T14:50:00.000Z'],
    // A Google Form's own "Download responses (.csv)": year first, 12-hour clock, the form's zone as GMT+h.
    ['2012/10/09 2:50:17 PM GMT+1', '2012-10-09T13:50:17.000Z'],
    ['2012/10/09 9:15:02 AM GMT-4', '2012-10-09T13:15:02.000Z'],
    ['2012/10/09 9:15:02 AM GMT+5:30', '2012-10-09T03:45:02.000Z'],
    ['2012/10/09 9:15:02 AM GMT', '2012-10-09T09:15:02.000Z'],
    ['2012/10/09 11:07:29 AM EST', '2012-10-09T16:07:29.000Z'],
    ['2012-10-09 14:50:17 UTC+02:00', '2012-10-09T12:50:17.000Z'],
  ])('%j -> %s', (raw, value) => expect(parseInstant(raw)).toEqual({ value }));

  it('the responses sheet of a Google Form (US locale) is month first: 10/9/2012 14:50:17', () => {
    expect(parseInstant('10/9/2012 14:50:17', 'mdy')).toEqual({ value: '2012-10-09T14:50:17.000Z' });
    expect(parseInstant('10/9/2012 2:50:17 PM GMT+1', 'mdy')).toEqual({ value: '2012-10-09T13:50:17.000Z' });
  });

  it.each([
    ['2012/10/09 11:07:29 AM AST', "'2012/10/09 11:07:29 AM AST' ends in a time zone ('AST') that does not name one offset: the file needs GMT+h or +hh:mm"],
    ['09/Oct/12 13:50 PM', "'09/Oct/12 13:50 PM' is not a valid time of day"],
    // 'Okt' is German and Dutch for October now (monthNames.ts); 'Okb' is no month anywhere.
    ['09/Okb/12 2:50 PM', "'09/Okb/12 2:50 PM' is not a date ('Okb' is not a month)"],
    ['30/Feb/12', "'30/Feb/12' is not a valid date"],
    ['2012/10/09 9:15 AM GMT+15', "'2012/10/09 9:15 AM GMT+15' ends in a time zone ('GMT+15') that does not name one offset: the file needs GMT+h or +hh:mm"],
  ])('%j is refused, saying why', (raw, error) => expect(parseInstant(raw)).toEqual({ error }));

  it('a calendar date keeps the day as written, whatever the zone', () => {
    expect(parseDate('09/Oct/12 11:50 PM')).toEqual({ value: '2012-10-09' });
    expect(parseDate('2012/10/09 11:50:00 PM GMT-5')).toEqual({ value: '2012-10-09' });
  });

  it('month names are not an order question', () => expect(chooseDateOrder(['09/Oct/12 2:50 PM', '01/Feb/13 9:00 AM'])).toEqual({ order: null, ambiguous: false }));
});

describe('parseDate', () => {
  it.each([
    ['2024-03-05', 'ymd', '2024-03-05'],
    ['2012/10/09 14:50:17.000', 'ymd', '2012-10-09'],
    ['09.10.2012', 'dmy', '2012-10-09'],
    ['10/9/12', 'mdy', '2012-10-09'],
    ['2012-10-09T23:30:00-05:00', 'ymd', '2012-10-09'],
  ] as const)('%j read %s -> %s', (raw, order, value) => expect(parseDate(raw, order)).toEqual({ value }));
  it('an Excel serial is a day', () => expect(parseDate('41191', 'ymd', true)).toEqual({ value: '2012-10-09' }));
  it('a leap day is a day, a 29 February of another year is not', () => {
    expect(parseDate('29/02/2024', 'dmy')).toEqual({ value: '2024-02-29' });
    expect(parseDate('29/02/2023', 'dmy')).toEqual({ error: "'29/02/2023' is not a valid date" });
  });
});

describe('chooseDateOrder over a column', () => {
  it.each([
    [['01/02/2024', '13/02/2024'], { order: 'dmy', ambiguous: false, evidence: '13/02/2024' }],
    [['01/02/2024', '02/13/2024'], { order: 'mdy', ambiguous: false, evidence: '02/13/2024' }],
    [['10/9/12', '10/13/12'], { order: 'mdy', ambiguous: false, evidence: '10/13/12' }],
    [['09.10.2012', '01.02.2013'], { order: 'dmy', ambiguous: false, evidence: '09.10.2012' }],
    [['10.13.2012'], { order: 'mdy', ambiguous: false, evidence: '10.13.2012' }],
    [['2012/10/09 14:50:17.000'], { order: null, ambiguous: false }],
    [['2024-01-02', 'NA', ''], { order: null, ambiguous: false }],
  ] as const)('%j', (values, choice) => expect(chooseDateOrder(values)).toEqual(choice));

  it('every value reading both ways is a question (ambiguous), the fallback only a suggestion', () => {
    expect(chooseDateOrder(['01/02/2024', '03/04/2024', 'N/A'])).toEqual({ order: 'mdy', ambiguous: true });
    expect(chooseDateOrder(['10/9/12'], 'dmy')).toEqual({ order: 'dmy', ambiguous: true });
  });

  it('reports a column that contradicts itself', () => {
    expect(chooseDateOrder(['13/01/2024', '01/13/2024'])).toMatchObject({ ambiguous: true, conflict: "'01/13/2024' is month-first but '13/01/2024' is day-first" });
  });
});
