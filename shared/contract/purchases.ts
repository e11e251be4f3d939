import { z } from 'zod';
import { calendarDate, currency, id, listInput, minorUnits, oneOrMany, pageOf, text } from './common';
import { customListShape, customRowValues } from './customFields';

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

/** The purchases table's sort fields (issue 13): the columns the core sorts by. */
export const PURCHASE_SORT_FIELDS = ['purchasedOn', 'amountMinor', 'currency', 'accountName', 'createdAt'] as const;

/**
 * The purchases table screen's query: the tables' list query (paging, one sort, search over the order
 * id and the customer's name, `from`/`to` on the purchase day) with custom-field conditions.
 * Purchases are never archived, so `includeArchived` changes nothing.
 */
export const purchasesTableInput = listInput(PURCHASE_SORT_FIELDS, z.object({ accountId: oneOrMany(id), currency: oneOrMany(z.string()) })).extend(customListShape);

/** A row of the purchases table: the purchase, its customer's name (the link) and its custom values. */
export const purchaseTableRow = purchase.extend({ accountName: z.string(), custom: customRowValues });
export type PurchaseTableRow = z.infer<typeof purchaseTableRow>;

const fields = {
  accountId: id,
  externalId: text(100).min(1).optional(),
  purchasedOn: calendarDate,
  amountMinor: minorUnits,
  currency: currency.optional(),
};

/** Issue 16: BG/NBD and Gamma-Gamma fitted on the purchase histories (customers without contracts). */
export const purchaseModelInput = z.strictObject({
  /** The last day the fit sees (inclusive); the latest purchase's day when absent. */
  calibrationEnd: calendarDate.optional(),
  /** Expected purchases are for the next this many weeks. */
  horizonWeeks: z.number().int().min(1).max(520).default(52),
  /** CLV counts this many years of expected purchases. */
  clvYears: z.number().int().min(1).max(10).default(3),
  /** Customers listed, highest CLV first. */
  limit: z.number().int().min(0).max(1000).default(20),
  offset: z.number().int().min(0).default(0),
  /** Only this customer's row (the account page); the fits and totals stay the whole workspace's. */
  accountId: id.optional(),
});

const fitFacts = { logLikelihood: z.number(), n: z.number().int(), converged: z.boolean(), seconds: z.number() };

export const purchaseCustomer = z.object({
  accountId: id,
  accountName: z.string(),
  /** Repeat purchases (days) in the calibration period, the last one's time since the first (weeks), the customer's age (weeks). */
  x: z.number().int(),
  tx: z.number(),
  T: z.number(),
  /** Mean value of the repeats, in minor units (0 without repeats). */
  zbarMinor: z.number(),
  expectedPurchases: z.number(),
  pAlive: z.number(),
  expectedSpendMinor: z.number().nullable(),
  clvMinor: z.number().nullable(),
});
export type PurchaseCustomer = z.infer<typeof purchaseCustomer>;

export const purchaseModel = z.object({
  /** 'empty': no purchases; 'tooFew': not enough customers or repeats to fit (reason says what). */
  status: z.enum(['ok', 'empty', 'tooFew']),
  reason: z.string().nullable(),
  currency: z.string(),
  /** Purchases in other currencies, left out (no exchange rates offline). */
  otherCurrencyPurchases: z.number().int(),
  calibrationEnd: calendarDate.nullable(),
  customers: z.number().int(),
  repeatCustomers: z.number().int(),
  bgnbd: z.object({ r: z.number(), alpha: z.number(), a: z.number(), b: z.number(), ...fitFacts }).nullable(),
  gammaGamma: z.object({ p: z.number(), q: z.number(), gamma: z.number(), ...fitFacts }).nullable(),
  /** The settings and options the figures use. */
  horizonWeeks: z.number().int(),
  clvYears: z.number().int(),
  discountRate: z.number(),
  marginPct: z.number(),
  acquisitionCostMinor: z.number(),
  /** Σ expected purchases in the horizon, mean P(alive), Σ CLV (without acquisition cost: customer equity) and the median CLV (net of it). */
  totals: z.object({ expectedPurchases: z.number(), meanPAlive: z.number(), customerEquityMinor: z.number().nullable(), clvMedianMinor: z.number().nullable() }).nullable(),
  rows: z.array(purchaseCustomer),
  /** Ids of the definitions (metrics.definitions) of the figures. */
  definitions: z.object({ purchases: z.string(), alive: z.string(), clv: z.string() }),
});
export type PurchaseModel = z.infer<typeof purchaseModel>;

export const purchasesContract = {
  'purchases.list': {
    /** Custom fields kept from an import filter (`customFilters`) and sort (`customSort`, instead of newest first) too (issue 13). */
    input: z.strictObject({ accountId: id.optional(), limit: z.number().int().min(1).max(10_000).default(500), offset: z.number().int().min(0).default(0), ...customListShape }),
    output: z.object({ rows: z.array(purchase), total: z.number().int() }),
  },
  /** The table screen's page (issue 13), and what its Export view and `export.table` of purchases read. */
  'purchases.table': { input: purchasesTableInput, output: pageOf(purchaseTableRow) },
  'purchases.facets': { input: z.strictObject({}), output: z.object({ currencies: z.array(z.string()) }) },
  'purchases.create': { input: z.strictObject(fields), output: purchase },
  'purchases.update': { input: z.strictObject({ id, ...z.strictObject(fields).partial().shape }), output: purchase },
  'purchases.model': { input: purchaseModelInput, output: purchaseModel },
} as const;
