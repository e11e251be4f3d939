import { describe, expect, it } from 'vitest';
import { compileConverter, recordKey, schemaProblem } from './convert';
import { mappingGaps } from './plan';
import { targetDef } from './targets';

const lookups = { account: (ref: string) => (ref === 'A-1' ? 1 : undefined), contact: () => undefined };
const options = { dateOrders: {}, churnDate: '2026-01-31', lookups };

describe('compileConverter: missing cells', () => {
  const accounts = targetDef('accounts');
  const headers = ['Name', 'ARR', 'Employees'];
  const convert = compileConverter(accounts, { fields: { name: 'Name', arrMinor: 'ARR', employeeCount: 'Employees' } }, headers, options);

  it('a missing amount whose column is NOT NULL (arr_minor) is a problem, naming the field and what the cell said', () => {
    expect(convert(['Acme', 'N/A', '12']).problems).toEqual([
      { column: 'ARR', message: "missing (NA): the cell says 'N/A'; arrMinor cannot be left unknown (it would be stored as 0): fill it in or give the mapping a default" },
    ]);
  });

  it('a missing number whose column allows null is left out of the record, and remembered for a "required" message', () => {
    expect(convert(['', '$10', 'null'])).toEqual({ record: { arrMinor: 1000 }, problems: [], missing: { name: '', employeeCount: 'null' } });
  });

  it('a default in the mapping stands in for a missing amount', () => {
    const withDefault = compileConverter(accounts, { fields: { name: 'Name', arrMinor: 'ARR' }, defaults: { arrMinor: '0' } }, headers, options);
    expect(withDefault(['Acme', '', '']).record).toEqual({ name: 'Acme', arrMinor: 0 });
  });

  it('a cell holding U+FFFD is a problem, never a value', () => {
    expect(convert(['Caf\ufffd', '1', '1']).problems).toEqual([
      {
        column: 'Name',
        message: "'Caf\ufffd' holds a character that could not be decoded (U+FFFD): the file is probably in another encoding; choose it (--encoding, or the preview's encoding)",
      },
    ]);
  });
});

describe('compileConverter: a number in a date column is a date', () => {
  it('Excel serials and Unix seconds, mapped to an instant', () => {
    const tickets = compileConverter(targetDef('tickets'), { fields: { account: 'Org', openedAt: 'Created' } }, ['Org', 'Created'], options);
    expect(tickets(['A-1', '41191.5']).record).toEqual({ accountId: 1, openedAt: '2012-10-09T12:00:00.000Z' });
    expect(tickets(['A-1', '1349794217']).record).toEqual({ accountId: 1, openedAt: '2012-10-09T14:50:17.000Z' });
  });
});

describe('schemaProblem', () => {
  const issue = (field: string) => ({ code: 'invalid_type', path: [field], message: 'Required', expected: 'string', input: undefined }) as never;

  it('a required field whose cell was missing says "missing (NA)" and what the cell said', () => {
    expect(schemaProblem(issue('name'), {}, { name: 'Account Name' }, { name: 'NA' }, new Set())).toEqual({
      column: 'Account Name',
      message: "is required but missing (NA): the cell says 'NA'",
    });
  });

  it('a field no column feeds is named as the mapping names it (account, not accountId), marked once when it is a gap of the plan', () => {
    expect(schemaProblem(issue('accountId'), {}, {}, undefined, new Set(['accountId']))).toEqual({
      column: null,
      message: "'account' is required and no column is mapped to it",
      once: true,
    });
  });
});

describe('mappingGaps', () => {
  it('the create schema’s required keys that nothing feeds, by record key', () => {
    expect(mappingGaps(targetDef('contacts'), { fields: { name: 'Name' } }, 'upsert')).toEqual(['accountId']);
    expect(mappingGaps(targetDef('tickets'), { fields: { account: 'Org' } }, 'insert').sort()).toEqual(['channel', 'openedAt']);
    expect(mappingGaps(targetDef('tickets'), { fields: { account: 'Org', openedAt: 'C' }, defaults: { channel: 'email' } }, 'insert')).toEqual([]);
  });
  it('a contact found by e-mail brings its account; an update-only import has no gaps', () => {
    expect(mappingGaps(targetDef('surveyResponses'), { fields: { contactEmail: 'Email', score: 'S', kind: 'K', respondedAt: 'R' } }, 'insert')).toEqual([]);
    expect(mappingGaps(targetDef('contacts'), { fields: { name: 'Name' } }, 'update')).toEqual([]);
  });
  it('recordKey: the key each field fills', () => {
    const tickets = targetDef('tickets');
    expect(tickets.fields.map(recordKey)).toContain('firstResponseAt');
    expect(recordKey(tickets.fields.find((field) => field.kind === 'account')!)).toBe('accountId');
  });
});
