import { expect, it } from 'vitest';
import { profileFromForm, profileToForm } from './profileForm';

it('turns the typed profile into the match input, leaving empty fields out', () => {
  const form = { ...profileToForm(undefined), industry: ' Banking ', employeeCount: '4,000', products: 'Ledger, Payments, Ledger,', competitor: 'Acme' };
  expect(profileFromForm(form)).toEqual({ ok: true, profile: { industry: 'Banking', employeeCount: 4000, products: ['Ledger', 'Payments'], competitor: 'Acme' } });
  expect(profileFromForm(profileToForm(undefined))).toEqual({ ok: true, profile: {} });
});

it('refuses a size that is not a whole number', () => {
  expect(profileFromForm({ ...profileToForm(undefined), employeeCount: 'about 40' })).toEqual({ ok: false, message: 'must be a whole number of employees' });
});

it('round-trips a profile', () => {
  const profile = {
    prospect: 'Globex',
    industry: 'Banking',
    segment: 'enterprise',
    employeeCount: 4000,
    region: 'EMEA',
    products: ['Ledger'],
    useCase: 'fraud',
    competitor: 'Acme',
  };
  expect(profileFromForm(profileToForm(profile))).toEqual({ ok: true, profile });
});
