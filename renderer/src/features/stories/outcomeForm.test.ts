import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../../../shared/contract/outcomes';
import { emptyOutcomeForm, formToOutcome, outcomeErrorsFromApi, outcomeToForm } from './outcomeForm';

const stored: Outcome = {
  id: 3,
  accountId: 1,
  deploymentId: null,
  metric: 'Handling time',
  baseline: 1234.5,
  achieved: -2,
  unit: 'min',
  periodStart: '2026-01-01',
  periodEnd: '2026-03-31',
  method: 'Median',
  verifiedBy: 'Ana',
  verifiedAt: '2026-04-02',
  createdAt: '',
  updatedAt: '',
  archivedAt: null,
};

describe('outcome form', () => {
  it('round-trips a stored outcome in en-US and de-DE', () => {
    for (const locale of ['en-US', 'de-DE']) {
      const values = outcomeToForm(stored, locale);
      const parsed = formToOutcome(values, locale);
      expect(parsed).toEqual({ ok: true, fields: expect.objectContaining({ baseline: 1234.5, achieved: -2, unit: 'min', verifiedAt: '2026-04-02' }) });
    }
    expect(outcomeToForm(stored, 'de-DE').baseline).toBe('1234,5');
  });

  it('turns blanks into nulls and names what is wrong', () => {
    const blank = formToOutcome({ ...emptyOutcomeForm(), metric: ' NPS ' }, 'en-US');
    expect(blank).toEqual({
      ok: true,
      fields: { metric: 'NPS', baseline: null, achieved: null, unit: null, periodStart: null, periodEnd: null, method: null, verifiedBy: null, verifiedAt: null },
    });
    const bad = formToOutcome({ ...emptyOutcomeForm(), baseline: 'twelve', periodStart: '2026-02-01', periodEnd: '2026-01-01', verifiedAt: '2026-01-01' }, 'en-US');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && Object.keys(bad.errors).sort()).toEqual(['baseline', 'metric', 'periodEnd', 'verifiedBy']);
  });

  it('puts the core’s issues beside their fields', () => {
    expect(outcomeErrorsFromApi({ code: 'BAD_INPUT', message: '', issues: [{ path: 'unit', message: 'too long' }] })).toEqual({ unit: 'too long' });
  });
});
