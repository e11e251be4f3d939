import { describe, expect, it } from 'vitest';
import { syncProblem, tableInWords, valueInWords } from './teamWords';

describe('the team screen words', () => {
  it('puts stored values in words', () => {
    expect(valueInWords(null)).toBe('empty');
    expect(valueInWords('"Retail"')).toBe('Retail');
    expect(valueInWords('null')).toBe('empty');
    expect(valueInWords('42')).toBe('42');
    expect(valueInWords('{"industry":"Retail","owner":null}')).toBe('industry: Retail, owner: empty');
    expect(valueInWords('new row refused by the server: permission denied')).toBe('new row refused by the server: permission denied');
  });

  it('names tables and problems', () => {
    expect(tableInWords('accounts')).toBe('Account');
    expect(tableInWords('reference_requests')).toBe('Reference request');
    expect(tableInWords('stories')).toBe('Story');
    expect(syncProblem({ code: 'UNAVAILABLE', message: 'the team server: connect ECONNREFUSED' })).toMatch(/could not be reached/);
    expect(syncProblem({ code: 'FORBIDDEN', message: 'the team server refused the login: password authentication failed' })).toMatch(/check the password/);
  });
});
