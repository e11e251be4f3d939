import { z } from 'zod';
import { archivable, currency, id, idInput, instant, listInput, minorUnits, oneOrMany, pageOf, requiredText, stamps, text, writable } from './common';
import { refineWith } from './refine';

export const DEAL_STAGES = ['qualify', 'discover', 'propose', 'negotiate', 'closed_won', 'closed_lost'] as const;
export const dealStage = z.enum(DEAL_STAGES);

export const deal = z.object({
  id,
  /** Set when the prospect is already a customer (an expansion deal). */
  accountId: id.nullable(),
  prospect: requiredText(),
  industry: text(100).nullable(),
  segment: text(50).nullable(),
  region: text(100).nullable(),
  employeeCount: z.number().int().nonnegative().nullable(),
  products: z.array(requiredText(100)).max(50),
  useCase: text(500).nullable(),
  competitor: text(100).nullable(),
  amountMinor: minorUnits,
  currency,
  stage: dealStage,
  owner: text(100).nullable(),
  openedAt: instant,
  closedAt: instant.nullable(),
  ...stamps,
  ...archivable,
});
export type Deal = z.infer<typeof deal>;

const dealInput = writable(deal, ['prospect', 'openedAt']);

export function dealOrderIssues(value: { openedAt?: string; closedAt?: string | null }) {
  return value.openedAt && value.closedAt && value.closedAt < value.openedAt ? [{ path: 'closedAt', message: 'cannot be before openedAt' }] : [];
}

export const dealsContract = {
  'deals.list': {
    input: listInput(
      ['prospect', 'stage', 'amountMinor', 'openedAt', 'closedAt', 'createdAt'],
      z.object({ accountId: oneOrMany(id), stage: oneOrMany(dealStage), segment: oneOrMany(z.string()), industry: oneOrMany(z.string()) }),
    ),
    output: pageOf(deal),
  },
  'deals.get': { input: idInput, output: deal },
  'deals.create': { input: dealInput.create.superRefine(refineWith(dealOrderIssues)), output: deal },
  'deals.update': { input: dealInput.update.superRefine(refineWith(dealOrderIssues)), output: deal },
  'deals.archive': { input: idInput, output: deal },
} as const;
