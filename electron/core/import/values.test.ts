import { describe, expect, it } from 'vitest';
import { describeMissing, isMissing, parseBoolean, parseMoney, parseNumber } from './values';

describe('isMissing', () => {
  it.each([
    ['', true],
    [' ', true],
    ['NA', true],
    ['N/A', true],
    ['null', true],
    ['-', true],
    ['n/a', true],
    ['NULL', true],
    ['Null', true],
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

describe('describeMissing', () => {
  it.each([
    ['', 'missing (NA): the cell is empty'],
    ['  ', 'missing (NA): the cell is empty'],
    ['NA', "missing (NA): the cell says 'NA'"],
    [' N/A ', "missing (NA): the cell says 'N/A'"],
    ['null', "missing (NA): the cell says 'null'"],
    ['-', "missing (NA): the cell says '-'"],
  ])('%j -> %s', (raw, text) => expect(describeMissing(raw)).toBe(text));
});

// Dates: dates.test.ts.
