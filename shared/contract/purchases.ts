import { z } from 'zod';
import { calendarDate, currency, id, minorUnits, text } from './common';

// Purchases (issue 13): orders with a customer, a day and an amount, imported as their own target;
// the value figures for customers without contracts (and the BG/NBD fits planned on them) read these.

export const purchase = z.object({
  id,
  accountId: id,
  /** The order id in the source system: an import matches rows by it. */
  externalId: z.string().nullable(),
  purchasedOn: calendarDate,
  amountMinor: minorUnits,
  currency: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Purchase = z.infer<typeof purchase>;

const fields = {
  accountId: id,
  externalId: text(100).min(1).optional(),
  purchasedOn: calendarDate,
  amountMinor: minorUnits,
  currency: currency.optional(),
};

export const purchasesContract = {
  'purchases.list': {
    input: z.strictObject({ accountId: id.optional(), limit: z.number().int().min(1).max(10_000).default(500), offset: z.number().int().min(0).default(0) }),
    output: z.object({ rows: z.array(purchase), total: z.number().int() }),
  },
  'purchases.create': { input: z.strictObject(fields), output: purchase },
  'purchases.update': { input: z.strictObject({ id, ...z.strictObject(fields).partial().shape }), output: purchase },
} as const;
