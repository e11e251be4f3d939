import { describe, expect, it } from 'vitest';
import type { Account } from '../../../../shared/contract/accounts';
import { accountToForm, emptyAccountForm, errorsFromApi, firstInvalid, formToAccount } from './accountForm';

describe('account form', () => {
  it('turns what the user typed into the core’s fields', () => {
    const values = emptyAccountForm({
      name: 'Fjordline Analytics',
      segment: 'mid_market',
      owner: ' Priya Nair ',
      arr: '12,500',
      currency: 'eur',
      employeeCount: '1,200',
      grossMarginPct: '35.5 %',
      renewalDate: '2027-06-30',
      tags: 'pilot, nordics, pilot,',
    });
    const result = formToAccount(values, 'en-US');
    expect(result).toEqual({
      ok: true,
      fields: {
        name: 'Fjordline Analytics',
        externalId: null,
        segment: 'mid_market',
        industry: null,
        region: null,
        owner: 'Priya Nair',
        lifecycleStage: 'onboarding',
        arrMinor: 1_250_000,
        currency: 'EUR',
        grossMarginPct: 35.5,
        employeeCount: 1200,
        contractStart: null,
        renewalDate: '2027-06-30',
        churnedAt: null,
        churnReason: null,
        tags: ['pilot', 'nordics'],
      },
    });
  });

  it('sends a blank segment as unknown (null), never a blank or guessed one (issue 13)', () => {
    const result = formToAccount(emptyAccountForm({ name: 'A', segment: '  ' }), 'en-US');
    expect(result.ok && result.fields.segment).toBeNull();
  });

  it('keeps churn details only for churned accounts', () => {
    const base = emptyAccountForm({ name: 'A', segment: 'smb', churnedAt: '2026-01-31', churnReason: 'Budget cut' });
    const active = formToAccount(base, 'en-US');
    const churned = formToAccount({ ...base, lifecycleStage: 'churned' }, 'en-US');
    expect(active.ok && active.fields.churnedAt).toBeNull();
    expect(churned.ok && [churned.fields.churnedAt, churned.fields.churnReason]).toEqual(['2026-01-31', 'Budget cut']);
  });

  it('refuses numbers it cannot read, beside their fields', () => {
    const result = formToAccount(emptyAccountForm({ name: 'A', arr: '12,5', employeeCount: 'many', grossMarginPct: 'high' }), 'en-US');
    expect(result).toEqual({
      ok: false,
      errors: { arr: 'must be an amount such as 12,500', employeeCount: 'must be a whole number', grossMarginPct: 'must be a number such as 35' },
    });
    expect(firstInvalid(result.ok ? {} : result.errors)).toBe('arr');
  });

  it('places the core’s issues beside the fields, ARR included', () => {
    const errors = errorsFromApi({
      error: {
        code: 'BAD_INPUT',
        message: '…',
        issues: [
          { path: 'grossMarginPct', message: 'must be between 0 and 100' },
          { path: 'arrMinor', message: 'must be whole minor units (cents)' },
          { path: 'name', message: 'is required' },
        ],
      },
    });
    expect(errors).toEqual({ grossMarginPct: 'must be between 0 and 100', arr: 'must be whole minor units (cents)', name: 'is required' });
    expect(firstInvalid(errors)).toBe('name');
    expect(errorsFromApi({ error: { code: 'CONFLICT', message: 'another row of accounts already has this external_id' } })).toEqual({
      externalId: 'another account already has this CRM id',
    });
  });

  it('round-trips a stored account through the form unchanged', () => {
    const account: Account = {
      id: 1,
      name: 'Northwind',
      externalId: 'CRM-1',
      industry: 'Logistics',
      segment: 'enterprise',
      region: 'EMEA',
      employeeCount: 5400,
      arrMinor: 48_500_050,
      currency: 'EUR',
      grossMarginPct: 72.5,
      owner: 'Dana',
      lifecycleStage: 'growth',
      contractStart: '2023-04-01',
      renewalDate: '2027-02-06',
      churnedAt: null,
      churnReason: null,
      tags: ['strategic'],
      createdAt: '',
      updatedAt: '',
      archivedAt: null,
    };
    const form = accountToForm(account, 'de-DE');
    expect(form.arr).toBe('485.000,5');
    expect(form.grossMarginPct).toBe('72,5');
    const back = formToAccount(form, 'de-DE');
    expect(back.ok && back.fields).toMatchObject({ arrMinor: 48_500_050, grossMarginPct: 72.5, employeeCount: 5400, tags: ['strategic'] });
  });
});
