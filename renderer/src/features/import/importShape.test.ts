import { describe, expect, it } from 'vitest';
import { keepColumn, keptAs, overPreset, scaleOf, shapeQuestions, withChurnDate, withDefault, withScale } from './importShape';

describe('the wizard’s shape choices as mapping changes', () => {
  const base = { fields: { name: 'Customer', arrMinor: 'MonthlyCharges', churned: 'Churn' } };
  it('a default is set and removed', () => {
    expect(withDefault(base, 'respondedAt', ' 2026-03-01 ').defaults).toEqual({ respondedAt: '2026-03-01' });
    expect(withDefault(withDefault(base, 'account', 'Acme'), 'account', '').defaults).toEqual({});
  });
  it('monthly charges become ARR by a factor of 12, and plain again', () => {
    const yearly = withScale(base, 'arrMinor', 12);
    expect(yearly.fields.arrMinor).toEqual({ column: 'MonthlyCharges', scale: 12 });
    expect(scaleOf(yearly, 'arrMinor')).toBe(12);
    expect(withScale(yearly, 'arrMinor', 1).fields.arrMinor).toBe('MonthlyCharges');
  });
  it('a column is kept as a custom field once, and let go', () => {
    const kept = keepColumn(keepColumn(base, 'gender', 'choice'), 'gender', 'text');
    expect(kept.customFields).toEqual([{ column: 'gender', type: 'text' }]);
    expect(keptAs(kept, 'gender')).toBe('text');
    expect(keepColumn(kept, 'gender', undefined).customFields).toEqual([]);
  });
  it('the churn date is set or left to the import day', () => {
    expect(withChurnDate(base, '2026-01-31').churnDate).toBe('2026-01-31');
    expect(withChurnDate({ ...base, churnDate: '2026-01-31' }, '')).not.toHaveProperty('churnDate');
  });
  it("a preset's field set to not imported is named with ''", () => {
    expect(overPreset({ fields: { name: 'Name' } }, ['name', 'region']).fields).toEqual({ name: 'Name', region: '' });
  });
  it('asks what the file lacks', () => {
    expect(shapeQuestions('accounts', base)).toMatchObject({ arrScale: true, churnDates: true, contractStart: true, surveyDate: false });
    expect(shapeQuestions('surveyResponses', { fields: { score: 'Q1' } })).toMatchObject({ surveyDate: true, fixedAccount: true });
    expect(shapeQuestions('surveyResponses', { fields: { score: 'Q1', respondedAt: 'When', account: 'Company' } })).toMatchObject({ surveyDate: false, fixedAccount: false });
  });
});
