import { z } from 'zod';

// Building blocks every domain's contract is made of, so that paging, dates and money
// mean the same on every channel.

export const id = z.number().int().positive();
export const idInput = z.strictObject({ id });

/** What `Date#toISOString` gives: UTC, milliseconds, `Z`. */
const CANONICAL_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** An instant, accepted with any offset and stored as ISO-8601 UTC ("2026-03-01T09:30:00.000Z"). */
export const instant = z.iso
  .datetime({ offset: true, message: 'must be an ISO-8601 date-time, e.g. 2026-03-01T09:30:00Z' })
  // Already in the stored form (zod checked the day and time): kept as is. Skips a Date parse and
  // format per value, ~1 s of a million-row ticket import (three instants a row).
  .transform((value) => (CANONICAL_INSTANT.test(value) ? value : new Date(value).toISOString()))
  // An offset can carry the last day of year 9999 into year 10000 ("+010000-01-01T…"): stored, it
  // would sort before every other instant. Only what stays a four-digit year in UTC is an instant.
  .refine((value) => CANONICAL_INSTANT.test(value), 'must fall within the years 0000 to 9999 in UTC');

/** A calendar date without time of day, such as a renewal date. */
export const calendarDate = z.iso.date({ message: 'must be a date as YYYY-MM-DD' });

export const text = (max = 200) => z.string().trim().max(max);
export const requiredText = (max = 200) => z.string().trim().min(1, 'is required').max(max);

/** Money as integer minor units (cents); the currency sits beside it. */
export const minorUnits = z.number().int('must be whole minor units (cents)').nonnegative();
export const currency = z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code such as USD');

export const CHANNELS = ['phone', 'email', 'chat', 'self_service', 'community', 'in_person', 'webinar'] as const;
export const channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof channel>;

export const REFERENCE_ACTIVITIES = ['reference_call', 'case_study', 'press_quote', 'analyst_briefing', 'site_visit', 'speaking', 'peer_review', 'logo_use'] as const;
export const referenceActivity = z.enum(REFERENCE_ACTIVITIES);

export const stamps = {
  createdAt: z.string(),
  updatedAt: z.string(),
};
export const archivable = { archivedAt: z.string().nullable() };

const META_KEYS = { id: true, createdAt: true, updatedAt: true, archivedAt: true } as const;

/**
 * Create and update inputs derived from an entity: what the user may write, never ids or stamps.
 * Optional on create are the fields the database gives a default or null.
 */
export function writable<Shape extends z.ZodRawShape, Required extends keyof Shape>(entity: z.ZodObject<Shape>, required: Required[]) {
  const fields = entity.omit(META_KEYS as never).partial();
  const requiredMask = Object.fromEntries(required.map((key) => [key, true]));
  return {
    // Strict: a misspelt field (`nmae`) is refused by name instead of silently doing nothing.
    create: fields.required(requiredMask as never).strict() as unknown as z.ZodObject<
      Omit<{ [K in keyof Shape]: z.ZodOptional<Shape[K]> }, Required | keyof typeof META_KEYS> & Pick<Shape, Required>
    >,
    update: fields.extend({ id }).strict() as unknown as z.ZodObject<Omit<{ [K in keyof Shape]: z.ZodOptional<Shape[K]> }, keyof typeof META_KEYS> & { id: typeof id }>,
  };
}

export const sortDirection = z.enum(['asc', 'desc']);

/** The list query every table shares: paging, one sort, equality filters, text search. */
export function listInput<Sort extends string, Filter extends z.ZodRawShape>(sortFields: readonly [Sort, ...Sort[]], filter: z.ZodObject<Filter>) {
  return z.strictObject({
    page: z.number().int().min(1).default(1),
    pageSize: z.number().int().min(1).max(500).default(50),
    sort: z.strictObject({ field: z.enum(sortFields), direction: sortDirection.default('asc') }).optional(),
    search: z.string().trim().max(200).optional(),
    filter: filter.partial().strict().optional(),
    /** Restrict to a time window on the table's main date (inclusive from, exclusive to). */
    from: instant.optional(),
    to: instant.optional(),
    includeArchived: z.boolean().default(false),
  });
}

export function pageOf<Row extends z.ZodType>(row: Row) {
  return z.object({
    rows: z.array(row),
    total: z.number().int().nonnegative(),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
  });
}

/** A filter value: one value or any of several. */
export const oneOrMany = <T extends z.ZodType>(schema: T) => z.union([schema, z.array(schema).min(1).max(100)]);
