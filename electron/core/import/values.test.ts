import { describe, expect, it } from 'vitest';
import { chooseDateOrder, isMissing, parseBoolean, parseDate, parseInstant, parseMoney, parseNumber } from './values';

describe('isMissing', () => {
  it.each([
    ['', true],
    [' ', true],
    ['NA', true],
    ['N/A', true],
    ['null', true],
    ['-', true],
    ['n/a', true],
    ['0', false],
    ['No', false],
    ['x', false],
  ])('%j -> %s', (raw, missing) => expect(isMissing(raw)).toBe(missing));
});

describe('parseNumber', () => {
  it.each([
    ['1234', 1234],
    ['1,234', 1234],
    ['1,234.56', 1234.56],
    ['1.234,56', 1234.56],
    ['1 234,5', 1234.5],
    ['12,5', 12.5],
    ['-3', -3],
    ['(12.50)', -12.5],
    ['1.234.567', 1234567],
    ['29.85', 29.85],
    ['.5', 0.5],
  ])('%j -> %d', (raw, value) => expect(parseNumber(raw)).toEqual({ value }));
  it.each(['abc', '12a', '1..2', ''])('%j is not a number', (raw) => expect(parseNumber(raw)).toEqual({ error: `'${raw}' is not a number` }));
});

describe('parseMoney', () => {
  it.each([
    ['$1,234.56', 123456],
    ['€1.234,56', 123456],
    ['1.234,56 €', 123456],
    ['USD 99', 9900],
    ['£0.10', 10],
    ['29.85', 2985],
    ['($5.00)', -500],
  ])('%j -> %d minor units', (raw, value) => expect(parseMoney(raw)).toEqual({ value }));
  it('scales (monthly x 12) before rounding', () => expect(parseMoney('29.85', 12)).toEqual({ value: 35820 }));
  it('refuses text', () => expect('error' in parseMoney('abc')).toBe(true));
});

describe('parseBoolean', () => {
  it.each([
    ['Yes', true],
    ['no', false],
    ['1', true],
    ['0', false],
    ['TRUE', true],
    ['false', false],
    ['Y', true],
  ])('%j -> %s', (raw, value) => expect(parseBoolean(raw)).toEqual({ value }));
  it('refuses maybe', () => expect(parseBoolean('maybe')).toEqual({ error: "'maybe' is not yes/no" }));
});

describe('parseDate', () => {
  it.each([
    ['2024-03-05', 'ymd', '2024-03-05'],
    ['19970101', 'ymd', '1997-01-01'],
    ['03/05/2024', 'mdy', '2024-03-05'],
    ['03/05/2024', 'dmy', '2024-05-03'],
    ['05.03.2024', 'dmy', '2024-03-05'],
    ['5/3/24', 'dmy', '2024-03-05'],
    ['2024-03-05T10:00:00Z', 'ymd', '2024-03-05'],
  ] as const)('%j read %s -> %s', (raw, order, value) => expect(parseDate(raw, order)).toEqual({ value }));
  it.each(['2024-02-30', '13/13/2024', 'soon'])('%j is refused', (raw) => expect('error' in parseDate(raw, 'mdy')).toBe(true));
});

describe('parseInstant', () => {
  it.each([
    ['2024-03-05T10:00:00Z', '2024-03-05T10:00:00.000Z'],
    ['2024-03-05 10:00:00 +0100', '2024-03-05T09:00:00.000Z'],
    ['2024-03-05', '2024-03-05T00:00:00.000Z'],
    ['2024-03-05T10:00:00.250+02:00', '2024-03-05T08:00:00.250Z'],
    ['03/05/2024 2:30 PM', '2024-03-05T14:30:00.000Z'],
  ])('%j -> %s', (raw, value) => expect(parseInstant(raw, 'mdy')).toEqual({ value }));
});

describe('chooseDateOrder over a column', () => {
  it.each([
    [['01/02/2024', '13/02/2024'], { order: 'dmy', ambiguous: false, evidence: '13/02/2024' }],
    [['01/02/2024', '02/13/2024'], { order: 'mdy', ambiguous: false, evidence: '02/13/2024' }],
    [['01/02/2024', '03/04/2024'], { order: 'mdy', ambiguous: true }],
    [['2024-01-02'], { order: null, ambiguous: false }],
  ] as const)('%j', (values, choice) => expect(chooseDateOrder(values)).toEqual(choice));
  it('reports a column that contradicts itself', () => {
    expect(chooseDateOrder(['13/01/2024', '01/13/2024']).conflict).toContain('13/01/2024');
  });
});
