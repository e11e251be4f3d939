import { describe, expect, it } from 'vitest';
import { DEFAULT_LIST_STATE, exportQuery, isFiltered, listInput, restoreListState } from '../features/accounts/listQuery';
import { conditionOf, describeCondition, forgetUnknownFields, opsFor, restoreConditions, type FieldLike } from './customFieldFilter';

const seats: FieldLike = { id: 2, name: 'Seats', type: 'number', choices: [] };
const plan: FieldLike = { id: 3, name: 'Plan', type: 'choice', choices: ['Gold', 'Silver'] };
const partner: FieldLike = { id: 4, name: 'Partner', type: 'bool', choices: [] };
const renews: FieldLike = { id: 5, name: 'Renews on', type: 'date', choices: [] };
const draft = (test: string, value = '', max = '') => ({ fieldId: 0, test, value, max });

describe('custom-field conditions from the filter form', () => {
  it('offers the tests of the field’s type, the usual one first', () => {
    expect(opsFor('text').map((o) => o.label)).toEqual(['contains', 'is', 'has a value', 'is empty']);
    expect(opsFor('number')[0]!.label).toBe('between');
    expect(opsFor('bool').map((o) => o.label)).toEqual(['is', 'has a value', 'is empty']);
  });

  it('makes the condition the core takes, or says what is missing', () => {
    expect(conditionOf(seats, draft('between', '10', ''))).toEqual({ condition: { fieldId: 2, op: 'range', min: 10 } });
    expect(conditionOf(seats, draft('between', 'ten', '20'))).toEqual({ error: 'Both ends must be numbers.' });
    expect(conditionOf(seats, draft('between'))).toEqual({ error: 'Give a lowest value, a highest value or both.' });
    expect(conditionOf(renews, draft('between', '', '2026-09-30'))).toEqual({ condition: { fieldId: 5, op: 'range', max: '2026-09-30' } });
    expect(conditionOf(plan, draft('is', 'Gold'))).toEqual({ condition: { fieldId: 3, op: 'equals', value: 'Gold' } });
    expect(conditionOf(partner, draft('is', 'no'))).toEqual({ condition: { fieldId: 4, op: 'equals', value: false } });
    expect(conditionOf(plan, draft('is empty'))).toEqual({ condition: { fieldId: 3, op: 'present', present: false } });
    expect(conditionOf(plan, draft('contains', '  '))).toEqual({ error: 'Type the text to look for.' });
  });

  it('says a condition in words', () => {
    expect(describeCondition(seats, { fieldId: 2, op: 'range', min: 10, max: 50 })).toBe('Seats between 10 and 50');
    expect(describeCondition(partner, { fieldId: 4, op: 'equals', value: true })).toBe('Partner is yes');
    expect(describeCondition(undefined, { fieldId: 9, op: 'contains', text: 'sso' })).toBe('Field 9 contains “sso”');
  });

  it('keeps only remembered conditions that still have their shape', () => {
    expect(restoreConditions([{ fieldId: 2, op: 'range', min: 1 }, { fieldId: 'x', op: 'equals', value: 1 }, { fieldId: 3, op: 'drop' }, null])).toEqual([
      { fieldId: 2, op: 'range', min: 1 },
    ]);
    expect(restoreConditions('nonsense')).toEqual([]);
  });
});

describe('the accounts list state carries custom fields to the core', () => {
  const state = { ...DEFAULT_LIST_STATE, custom: [{ fieldId: 2, op: 'range' as const, min: 10 }], sort: { field: 'custom.2', direction: 'desc' as const } };

  it('a custom column’s sort becomes customSort; conditions become customFilters, for the table and its export', () => {
    expect(listInput(state, 1, 100)).toEqual({ page: 1, pageSize: 100, customSort: { fieldId: 2, direction: 'desc' }, customFilters: state.custom });
    expect(exportQuery(state)).toEqual({ customSort: { fieldId: 2, direction: 'desc' }, customFilters: state.custom });
    expect(isFiltered(state)).toBe(true);
  });

  it('a remembered custom sort and its conditions survive a restart', () => {
    expect(restoreListState(JSON.parse(JSON.stringify(state)))).toEqual(state);
  });
});

describe('forgetUnknownFields', () => {
  const fallback = { field: 'name', direction: 'asc' as const };
  it('drops conditions and a sort whose field is gone, and says nothing when all are known', () => {
    const state = {
      custom: [
        { fieldId: 2, op: 'present' as const, present: true },
        { fieldId: 9, op: 'contains' as const, text: 'x' },
      ],
      sort: { field: 'custom.9', direction: 'desc' as const },
    };
    expect(forgetUnknownFields(state, new Set([2]), fallback)).toEqual({ custom: [state.custom[0]], sort: fallback });
    expect(forgetUnknownFields(state, new Set([2, 9]), fallback)).toBeUndefined();
    expect(forgetUnknownFields({ custom: [], sort: { field: 'arrMinor', direction: 'asc' } }, new Set(), fallback)).toBeUndefined();
  });
});
