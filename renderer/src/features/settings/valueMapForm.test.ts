import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../shared/contract/settings';
import { errorsFromApi, formToUpdate, settingsToForm } from './settingsForm';
import { checkValueMap, valueMapToForm, weightSum, type ValueMapForm } from './valueMapForm';

const PRICE = [
  { name: 'purchase price', weight: 60, ours: 9, theirs: 7 },
  { name: 'trade-in value', weight: 20, ours: 6, theirs: 6 },
];

describe('value-map survey form', () => {
  it('round-trips the stored survey, numbers in the user’s locale', () => {
    const survey = { competitor: 'Marque B', rounding: 'ratio-2dp' as const, quality: [{ name: 'service', weight: 100, ours: 8.5, theirs: 6 }], price: PRICE };
    const form = valueMapToForm(survey, 'de-DE');
    expect(form.quality[0]!.ours).toBe('8,5');
    expect(checkValueMap(form, {}, 'de-DE')).toEqual(survey);
    const settings = { ...DEFAULT_SETTINGS, valueMap: survey };
    const checked = formToUpdate(settingsToForm(settings, 'en-US'), 'en-US');
    expect(checked.ok && checked.value.valueMap).toEqual(survey);
  });

  it.each([
    { rows: [], sum: null },
    {
      rows: [
        { name: 'a', weight: '60', ours: '', theirs: '' },
        { name: 'b', weight: '30', ours: '', theirs: '' },
      ],
      sum: 90,
    },
    {
      rows: [
        { name: 'a', weight: 'x', ours: '', theirs: '' },
        { name: 'b', weight: '100', ours: '', theirs: '' },
      ],
      sum: 100,
    },
  ])('weights sum to $sum', ({ rows, sum }) => {
    expect(weightSum(rows, 'en-US')).toBe(sum);
  });

  it('puts each mistake beside its row and field, under the core’s name for it', () => {
    const form: ValueMapForm = {
      competitor: ' ',
      rounding: 'none',
      quality: [{ name: '', weight: '0', ours: '8', theirs: '0' }],
      price: [{ name: 'price', weight: '120', ours: 'lots', theirs: '7' }],
    };
    const errors = {};
    checkValueMap(form, errors, 'en-US');
    expect(errors).toEqual({
      'valueMap.quality.0.name': 'is required',
      'valueMap.quality.0.theirs': 'must be above 0 (it divides)',
      'valueMap.quality': 'at least one weight must be above 0',
      'valueMap.price.0.weight': 'must be between 0 and 100',
      'valueMap.price.0.ours': 'must be a number',
      'valueMap.competitor': 'name the competitor the ratings compare with',
    });
  });

  it('places the core’s issues about a row beside that row', () => {
    const issues = [{ path: 'valueMap.price.1.theirs', message: 'must be above 0 (it divides)' }];
    const errors = errorsFromApi({ error: { code: 'BAD_INPUT', message: 'bad', issues } as never, message: 'bad', issueFor: () => undefined });
    expect(errors).toEqual({ 'valueMap.price.1.theirs': 'must be above 0 (it divides)' });
  });
});
