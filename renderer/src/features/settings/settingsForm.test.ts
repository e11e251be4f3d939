import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../shared/contract/settings';
import { ApiError } from '../../api/client';
import { errorsFromApi, formToUpdate, normalisedShares, readProgress, settingsToForm } from './settingsForm';

describe('settings form', () => {
  it('round-trips the stored settings, the discount rate as a percentage', () => {
    const form = settingsToForm({ ...DEFAULT_SETTINGS, discountRate: 0.07 }, 'en-US');
    expect(form.discountRatePct).toBe('7');
    expect(form.weights.satisfaction).toBe('30');
    const checked = formToUpdate(form, 'en-US');
    expect(checked).toEqual({
      ok: true,
      value: {
        health: DEFAULT_SETTINGS.health,
        discountRate: 0.07,
        slaTargets: DEFAULT_SETTINGS.slaTargets,
        businessHours: DEFAULT_SETTINGS.businessHours,
        valueMap: DEFAULT_SETTINGS.valueMap,
        customerValue: DEFAULT_SETTINGS.customerValue,
      },
    });
  });

  it('customer value (issue 16): the acquisition cost typed in the currency’s major unit, stored in minor units; weights and margin checked', () => {
    const stored = {
      ...DEFAULT_SETTINGS,
      customerValue: { survival: 'present' as const, acquisitionCostMinor: 125_050, purchaseMarginPct: 40, cvrWeights: { quality: 70, price: 30 } },
    };
    const form = settingsToForm(stored, 'en-US');
    expect(form.customerValue).toMatchObject({ survival: 'present', acquisitionCost: '1,250.5', purchaseMarginPct: '40', cvrQuality: '70', cvrPrice: '30' });
    expect(formToUpdate(form, 'en-US')).toMatchObject({ ok: true, value: { customerValue: stored.customerValue } });
    const yen = settingsToForm({ ...stored, currency: 'JPY', customerValue: { ...stored.customerValue, acquisitionCostMinor: 5000 } }, 'en-US');
    expect(yen.customerValue.acquisitionCost).toBe('5,000');
    const bad = formToUpdate({ ...form, customerValue: { ...form.customerValue, purchaseMarginPct: '120', cvrQuality: '0', cvrPrice: '0', acquisitionCost: 'x' } }, 'en-US');
    expect(bad).toEqual({
      ok: false,
      errors: {
        'customerValue.purchaseMarginPct': 'must be between 0 and 100',
        'customerValue.cvrWeights.quality': 'at least one weight must be above 0',
        'customerValue.acquisitionCostMinor': 'must be a number',
      },
    });
  });

  it('reads numbers in the user’s locale', () => {
    const form = settingsToForm(DEFAULT_SETTINGS, 'de-DE');
    form.discountRatePct = '7,5';
    form.sla.urgent.firstResponseHours = '0,5';
    const checked = formToUpdate(form, 'de-DE');
    expect(checked.ok && checked.value.discountRate).toBe(0.075);
    expect(checked.ok && checked.value.slaTargets.urgent.firstResponseHours).toBe(0.5);
  });

  it('puts each mistake beside its field, under the core’s name for it', () => {
    const form = settingsToForm(DEFAULT_SETTINGS, 'en-US');
    form.weights.support = 'lots';
    form.weights.renewal = '120';
    form.redBelow = '80';
    form.discountRatePct = '';
    form.sla.low.resolutionHours = '0';
    form.businessHours = { enabled: true, timeZone: 'Mars/Olympus', days: [], start: '17:00', end: '09:00' };
    const checked = formToUpdate(form, 'en-US');
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.errors).toEqual({
      'health.weights.support': 'must be a number',
      'health.weights.renewal': 'must be between 0 and 100',
      'health.redBelow': 'must not be above the amber threshold',
      discountRate: 'is required',
      'slaTargets.low.resolutionHours': 'must be more than 0 hours',
      'businessHours.end': 'must be after the start',
      'businessHours.days': 'choose at least one working day',
      'businessHours.timeZone': 'is not a time zone such as Europe/Berlin',
    });
  });

  it('refuses a model where every weight is 0', () => {
    const form = settingsToForm(DEFAULT_SETTINGS, 'en-US');
    for (const id of Object.keys(form.weights) as (keyof typeof form.weights)[]) form.weights[id] = '0';
    const checked = formToUpdate(form, 'en-US');
    expect(!checked.ok && checked.errors['health.weights']).toBe('at least one component needs a weight above 0');
  });

  it('shows each weight as its share of the total', () => {
    expect(normalisedShares({ satisfaction: 30, support: 20, adoption: 20, engagement: 15, renewal: 15 })).toEqual({
      satisfaction: 0.3,
      support: 0.2,
      adoption: 0.2,
      engagement: 0.15,
      renewal: 0.15,
    });
    expect(normalisedShares({ satisfaction: 1, support: 1, adoption: null, engagement: 0, renewal: 2 })).toMatchObject({ satisfaction: 0.25, adoption: null, renewal: 0.5 });
    expect(normalisedShares({ satisfaction: 0, support: 0, adoption: 0, engagement: 0, renewal: 0 }).satisfaction).toBeNull();
  });

  it('reads the progress of a recompute from the event', () => {
    expect(readProgress({ name: 'health.progress', progress: { done: 1000, total: 20000 } })).toEqual({ done: 1000, total: 20000 });
    expect(readProgress({ name: 'health.progress', progress: { done: 12, total: 10 } })).toEqual({ done: 10, total: 10 });
    expect(readProgress({ name: 'health.progress' })).toBeUndefined();
    expect(readProgress({ name: 'health.progress', progress: { done: 1, total: 0 } })).toBeUndefined();
  });

  it('puts the core’s issues beside the fields they name, the rest on the form', () => {
    const error = new ApiError({
      code: 'BAD_INPUT',
      message: 'invalid settings',
      issues: [
        { path: 'health.redBelow', message: 'must not be above the amber threshold' },
        { path: 'health.amberBelow', message: 'must not be above the amber threshold' },
        { path: 'slaTargets.high.resolutionHours', message: 'Too big' },
        { path: 'businessHours.days.2', message: 'must be 1-7' },
        { path: 'currency', message: 'must be a three-letter ISO 4217 code such as USD' },
      ],
    });
    expect(errorsFromApi(error)).toEqual({
      'health.redBelow': 'must not be above the amber threshold',
      'health.amberBelow': 'must not be above the amber threshold',
      'slaTargets.high.resolutionHours': 'Too big',
      'businessHours.days': 'must be 1-7',
      form: 'currency: must be a three-letter ISO 4217 code such as USD',
    });
    expect(errorsFromApi(new ApiError({ code: 'INTERNAL', message: 'the disk is full' }))).toEqual({ form: 'the disk is full' });
  });
});
