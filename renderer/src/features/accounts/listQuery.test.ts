import { describe, expect, it } from 'vitest';
import { DEFAULT_LIST_STATE, isFiltered, listInput, restoreListState } from './listQuery';

describe('accounts list query', () => {
  it('asks for one page sorted by name when nothing is chosen', () => {
    expect(listInput(DEFAULT_LIST_STATE, 1, 100)).toEqual({ page: 1, pageSize: 100, sort: { field: 'name', direction: 'asc' } });
    expect(isFiltered(DEFAULT_LIST_STATE)).toBe(false);
  });

  it('sends only the filters and search the user set', () => {
    const state = { ...DEFAULT_LIST_STATE, search: '  north ', segment: 'enterprise', stage: 'at_risk', sort: { field: 'arrMinor', direction: 'desc' as const } };
    expect(listInput(state, 3, 100)).toEqual({
      page: 3,
      pageSize: 100,
      sort: { field: 'arrMinor', direction: 'desc' },
      search: 'north',
      filter: { segment: 'enterprise', lifecycleStage: 'at_risk' },
    });
    expect(isFiltered(state)).toBe(true);
    expect(listInput({ ...DEFAULT_LIST_STATE, owner: 'Dana', includeArchived: true }, 1, 50)).toMatchObject({ filter: { owner: 'Dana' }, includeArchived: true });
  });

  it('restores a remembered state and cleans what it cannot use', () => {
    expect(restoreListState(undefined)).toEqual(DEFAULT_LIST_STATE);
    expect(restoreListState({ search: 'x', segment: 3, sort: { field: 'dropTable', direction: 'asc' } })).toEqual({ ...DEFAULT_LIST_STATE, search: 'x' });
    expect(restoreListState({ sort: { field: 'renewalDate', direction: 'sideways' }, includeArchived: 'yes' })).toEqual({
      ...DEFAULT_LIST_STATE,
      sort: { field: 'renewalDate', direction: 'asc' },
    });
  });
});
