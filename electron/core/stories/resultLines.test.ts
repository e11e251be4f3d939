import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../../shared/contract/outcomes';
import { isDraft, resultLine, slug } from './resultLines';

const outcome = (patch: Partial<Outcome>): Outcome => ({
  id: 1,
  accountId: 1,
  deploymentId: null,
  metric: 'Churn',
  baseline: 10,
  achieved: 12.5,
  unit: '%',
  periodStart: null,
  periodEnd: null,
  method: null,
  verifiedBy: null,
  verifiedAt: null,
  createdAt: '',
  updatedAt: '',
  archivedAt: null,
  ...patch,
});

describe('result lines', () => {
  it('adds the signed change to the figure: points for a percentage, relative otherwise', () => {
    expect(resultLine(outcome({})).figure).toBe('10 % → 12.5 % (+2.5 pp)');
    expect(resultLine(outcome({ baseline: 0 })).figure).toBe('0 % → 12.5 % (+12.5 pp)');
    expect(resultLine(outcome({ unit: 'hours' })).figure).toBe('10 → 12.5 hours (+25 %)');
    expect(resultLine(outcome({ unit: 'hours', baseline: 0 })).figure).toBe('0 → 12.5 hours');
    expect(resultLine(outcome({ achieved: null })).figure).toBe('not measured yet');
    expect(resultLine(outcome({})).verification).toBe('Not verified');
  });

  it('calls everything before the customer approval a draft', () => {
    expect(['idea', 'drafting', 'customer_review'].every((stage) => isDraft({ stage: stage as never }))).toBe(true);
    expect(['approved', 'published', 'retired'].some((stage) => isDraft({ stage: stage as never }))).toBe(false);
  });

  it('makes file-safe slugs', () => {
    expect(slug('Wie Müller & Söhne 40 % sparten!')).toBe('wie-muller-sohne-40-sparten');
    expect(slug('***')).toBe('story');
    expect(slug('a'.repeat(80)).length).toBe(60);
  });
});
