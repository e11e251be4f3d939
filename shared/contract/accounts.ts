import { z } from 'zod';
import { archivable, calendarDate, channel, currency, id, idInput, instant, listInput, minorUnits, oneOrMany, pageOf, requiredText, stamps, text, writable } from './common';
import { customListShape, customRowValues } from './customFields';

export const LIFECYCLE_STAGES = ['onboarding', 'adoption', 'growth', 'renewal', 'at_risk', 'churned'] as const;
export const lifecycleStage = z.enum(LIFECYCLE_STAGES);
/**
 * The key of "no segment" wherever segments are a grouping or a filter value (the rollups' segment
 * cells, the facet lists, dashboard and table filters, figures by segment): an account's own
 * `segment` is null, but a key column is TEXT NOT NULL, and '' can be no real segment (accounts'
 * CHECK refuses a blank one). Shown as "No segment" (shared/labels.ts). Issue 13.
 */
export const NO_SEGMENT = '';
/** Segments are user-defined; these are the defaults offered. */
export const DEFAULT_SEGMENTS = ['enterprise', 'mid_market', 'smb'] as const;

export const account = z.object({
  id,
  name: requiredText(),
  externalId: text(100).nullable(),
  industry: text(100).nullable(),
  // Null: no segment known (issue 13: a file without one no longer gets an invented 'smb').
  segment: requiredText(50).nullable(),
  region: text(100).nullable(),
  employeeCount: z.number().int().nonnegative().nullable(),
  arrMinor: minorUnits,
  currency,
  grossMarginPct: z.number().min(0, 'must be between 0 and 100').max(100, 'must be between 0 and 100').nullable(),
  owner: text(100).nullable(),
  lifecycleStage,
  contractStart: calendarDate.nullable(),
  renewalDate: calendarDate.nullable(),
  churnedAt: calendarDate.nullable(),
  churnReason: text(500).nullable(),
  tags: z.array(requiredText(40)).max(50),
  ...stamps,
  ...archivable,
});
export type Account = z.infer<typeof account>;

const accountInput = writable(account, ['name']);
export const accountCreate = accountInput.create;
export const accountUpdate = accountInput.update;
export type AccountCreate = z.input<typeof accountCreate>;

export const ACCOUNT_SORT_FIELDS = ['name', 'segment', 'industry', 'region', 'owner', 'lifecycleStage', 'arrMinor', 'employeeCount', 'renewalDate', 'createdAt'] as const;

export const accountList = listInput(
  ACCOUNT_SORT_FIELDS,
  z.object({
    segment: oneOrMany(z.string()),
    owner: oneOrMany(z.string()),
    lifecycleStage: oneOrMany(lifecycleStage),
    industry: oneOrMany(z.string()),
    region: oneOrMany(z.string()),
  }),
).extend(customListShape);
export type AccountListInput = z.input<typeof accountList>;

/** The accounts table's sortable columns: the account's own fields, and the figures beside them. */
export const ACCOUNT_TABLE_SORT_FIELDS = [...ACCOUNT_SORT_FIELDS, 'healthScore', 'lastTouchAt', 'nps'] as const;
export const HEALTH_BANDS = ['red', 'amber', 'green', 'insufficient'] as const;

/**
 * The accounts table (issue 15): the list's filters plus "my accounts" (owner = the identity's name
 * or e-mail, identity.ts's ownerKeys) and the health band.
 */
export const accountTableInput = listInput(
  ACCOUNT_TABLE_SORT_FIELDS,
  z.object({
    segment: oneOrMany(z.string()),
    owner: oneOrMany(z.string()),
    lifecycleStage: oneOrMany(lifecycleStage),
    industry: oneOrMany(z.string()),
    region: oneOrMany(z.string()),
    /** Only the accounts of the person using this laptop (identity.get); refused while nobody is set. */
    mine: z.boolean(),
    healthBand: oneOrMany(z.enum(HEALTH_BANDS)),
  }),
).extend(customListShape);
export type AccountTableInput = z.input<typeof accountTableInput>;

export const accountTableRow = account.extend({
  health: z
    .object({
      score: z.number(),
      band: z.enum(HEALTH_BANDS),
      /** The score of the snapshot before the current one (another day or model), for the trend arrow. */
      previousScore: z.number().nullable(),
      takenAt: z.string(),
    })
    .nullable(),
  /** The latest touchpoint (not archived). */
  lastTouchAt: z.string().nullable(),
  /** NPS over the last twelve months (the current one included), from the account's answers; null with none. */
  nps: z.object({ value: z.number(), n: z.number().int().positive() }).nullable(),
  /** The account's custom-field values by field id (issue 13: custom fields as the table's optional columns). */
  custom: customRowValues.optional(),
});
export type AccountTableRow = z.infer<typeof accountTableRow>;

/** The account filter the dashboard and the at-risk list share (metrics.portfolio's names). */
export const accountScope = z.strictObject({
  segment: z.array(z.string()).max(50).optional(),
  industry: z.array(z.string()).max(50).optional(),
  region: z.array(z.string()).max(50).optional(),
  owner: z.array(z.string()).max(100).optional(),
  lifecycleStage: z.array(lifecycleStage).max(10).optional(),
  mine: z.boolean().optional(),
});

export const atRiskRow = z.object({
  accountId: id,
  name: z.string(),
  segment: z.string().nullable(),
  owner: z.string().nullable(),
  arrMinor: z.number().int(),
  currency: z.string(),
  renewalDate: z.string().nullable(),
  score: z.number(),
  band: z.enum(['red', 'amber']),
  /** When the health snapshot behind the score and the health reasons was taken ("as of"). */
  asOf: z.string(),
  /** Sentences a CSM reads ("No touchpoint in the last 95 days"), worst first. */
  reasons: z.array(z.string()),
});
export type AtRiskRow = z.infer<typeof atRiskRow>;

/** One entry of an account's history, whatever table it came from. */
export const timelineEntry = z.object({
  kind: z.enum(['touchpoint', 'ticket', 'survey', 'deployment']),
  id,
  at: z.string(),
  title: z.string(),
  detail: z.string().nullable(),
  channel: channel.nullable(),
});
export type TimelineEntry = z.infer<typeof timelineEntry>;

const CURSOR_PATTERN = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)~(touchpoint|ticket|survey|deployment)~(\d+)$/;

/** A timeline page's end: "at~kind~id", the sort key of its last entry. */
export const timelineCursor = z.string().regex(CURSOR_PATTERN, 'is not a timeline cursor from a previous page');

export const formatTimelineCursor = (entry: Pick<TimelineEntry, 'at' | 'kind' | 'id'>) => `${entry.at}~${entry.kind}~${entry.id}`;

export function parseTimelineCursor(cursor: string): Pick<TimelineEntry, 'at' | 'kind' | 'id'> {
  const [, at, kind, id] = CURSOR_PATTERN.exec(cursor)!;
  return { at: at!, kind: kind as TimelineEntry['kind'], id: Number(id) };
}

/** The distinct values the accounts table's filters offer. */
export const accountFacets = z.object({
  segments: z.array(z.string()),
  owners: z.array(z.string()),
  industries: z.array(z.string()),
  regions: z.array(z.string()),
});

export const accountsContract = {
  'accounts.list': { input: accountList, output: pageOf(account) },
  'accounts.get': { input: idInput, output: account },
  'accounts.create': { input: accountCreate, output: account },
  'accounts.update': { input: accountUpdate, output: account },
  'accounts.archive': { input: idInput, output: account },
  'accounts.restore': { input: idInput, output: account },
  'accounts.facets': { input: z.strictObject({}), output: accountFacets },
  'accounts.table': { input: accountTableInput, output: pageOf(accountTableRow) },
  /** Every account in the band (red by default), lowest score first, a page at a time, with its reasons as sentences. */
  'accounts.atRisk': {
    input: z.strictObject({
      scope: accountScope.default({}),
      band: z.enum(['red', 'amber']).default('red'),
      page: z.number().int().min(1).default(1),
      pageSize: z.number().int().min(1).max(100).default(20),
    }),
    output: pageOf(atRiskRow),
  },
  'accounts.timeline': {
    input: z.strictObject({
      id,
      /** Only entries strictly before this instant. */
      before: instant.optional(),
      /** The previous page's `nextCursor`: continue exactly after its last entry. */
      cursor: timelineCursor.optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ entries: z.array(timelineEntry), hasMore: z.boolean(), nextCursor: timelineCursor.nullable() }),
  },
} as const;
