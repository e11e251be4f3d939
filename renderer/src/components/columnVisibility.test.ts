import { beforeEach, expect, it } from 'vitest';
import { readVisibility, visibilityKey, writeVisibility } from './columnVisibility';

beforeEach(() => localStorage.clear());

it('remembers the column choice per table', () => {
  writeVisibility(localStorage, 'accounts', { employeeCount: false, region: true });
  expect(readVisibility(localStorage, 'accounts', ['employeeCount', 'region'])).toEqual({ employeeCount: false, region: true });
  expect(readVisibility(localStorage, 'contacts', ['employeeCount'])).toEqual({});
});

it('ignores columns that no longer exist or may not be hidden, and broken values', () => {
  localStorage.setItem(visibilityKey('accounts'), JSON.stringify({ name: false, gone: false, region: 'no', owner: false }));
  expect(readVisibility(localStorage, 'accounts', ['region', 'owner'])).toEqual({ owner: false });
  localStorage.setItem(visibilityKey('accounts'), '{not json');
  expect(readVisibility(localStorage, 'accounts', ['owner'])).toEqual({});
  localStorage.setItem(visibilityKey('accounts'), '[1,2]');
  expect(readVisibility(localStorage, 'accounts', ['owner'])).toEqual({});
  expect(readVisibility(undefined, 'accounts', ['owner'])).toEqual({});
});
