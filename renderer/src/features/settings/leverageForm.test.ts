import { expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../shared/contract/settings';
import { leverageFromForm, leverageToForm } from './leverageForm';

it('round-trips the default leverage settings', () => {
  expect(leverageFromForm(leverageToForm(DEFAULT_SETTINGS.leverage))).toEqual({ ok: true, value: DEFAULT_SETTINGS.leverage });
});

it('puts an error beside each bad field', () => {
  const form = leverageToForm(DEFAULT_SETTINGS.leverage);
  form.windowDays = '0';
  form.restDays = '2.5';
  form.budgets.reference_call = 'two';
  form.candidateThreshold = '';
  const checked = leverageFromForm(form);
  expect(checked).toEqual({
    ok: false,
    errors: {
      'leverage.fatigue.windowDays': 'must be 1-366',
      'leverage.fatigue.restDays': 'must be a whole number',
      'leverage.fatigue.budgets.reference_call': 'must be a number',
      'leverage.candidateThreshold': 'must be a number',
    },
  });
});

it('refuses weights that are all 0', () => {
  const form = leverageToForm(DEFAULT_SETTINGS.leverage);
  form.scoreWeights = { similarity: '0', readiness: '0', freshness: '0' };
  expect(leverageFromForm(form)).toEqual({ ok: false, errors: { 'leverage.scoreWeights': 'at least one weight must be above 0' } });
});
