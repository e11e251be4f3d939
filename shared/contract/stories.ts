import { z } from 'zod';
import { archivable, id, idInput, listInput, oneOrMany, pageOf, requiredText, stamps, text } from './common';
import { outcome, type Outcome } from './outcomes';

/** A success story's way from idea to publication; a retired story is no longer told. */
export const STORY_STAGES = ['idea', 'drafting', 'customer_review', 'approved', 'published', 'retired'] as const;
export const storyStage = z.enum(STORY_STAGES);
export type StoryStage = z.infer<typeof storyStage>;

/** Stages a story only reaches with the customer's approval on record. */
export const STAGES_NEEDING_CUSTOMER_APPROVAL: readonly StoryStage[] = ['approved', 'published'];

export const APPROVAL_ROLES = ['customer', 'legal', 'marketing', 'account_owner'] as const;
export const approvalRole = z.enum(APPROVAL_ROLES);
export type ApprovalRole = z.infer<typeof approvalRole>;

export const quote = z.strictObject({
  text: requiredText(2000),
  /** Who said it, as it should be printed: "Maria Lopez, VP Operations". */
  speaker: requiredText(200),
});
export type Quote = z.infer<typeof quote>;

const products = z.array(requiredText(100)).max(50);
const quotes = z.array(quote).max(20);

export const story = z.object({
  id,
  accountId: id,
  title: requiredText(300),
  stage: storyStage,
  industry: text(100).nullable(),
  challenge: text(10_000).nullable(),
  solution: text(10_000).nullable(),
  quotes,
  products,
  publishedAt: z.string().nullable(),
  ...stamps,
  ...archivable,
});
export type Story = z.infer<typeof story>;

export const storyApproval = z.object({
  id,
  storyId: id,
  approver: z.string(),
  role: approvalRole,
  approvedAt: z.string(),
  note: z.string().nullable(),
});
export type StoryApproval = z.infer<typeof storyApproval>;

/** A story on the board: enough to show its card without loading it in full. */
export const storySummary = story.extend({
  accountName: z.string(),
  /** The roles that have approved it, each once. */
  approvedBy: z.array(approvalRole),
  resultCount: z.number().int().nonnegative(),
});
export type StorySummary = z.infer<typeof storySummary>;

/** A story with everything its editor and its export show. */
export const storyDetail = story.extend({
  accountName: z.string(),
  /** The linked outcomes: the story's quantified results. */
  results: z.array(outcome),
  approvals: z.array(storyApproval),
});
export type StoryDetail = z.infer<typeof storyDetail>;

const editable = {
  title: requiredText(300),
  industry: text(100).nullable(),
  challenge: text(10_000).nullable(),
  solution: text(10_000).nullable(),
  quotes,
  products,
};

/**
 * Why a move is refused, or null when it is allowed. A story moves one stage at a time, forward
 * or one step back (no skipping: each stage is a step someone has to do); it reaches approved and
 * published only with the customer's approval on record.
 */
export function moveRefusal(from: StoryStage, to: StoryStage, hasCustomerApproval: boolean): string | null {
  if (from === to) return null;
  const distance = STORY_STAGES.indexOf(to) - STORY_STAGES.indexOf(from);
  const label = (stage: StoryStage) => STORY_STAGE_LABELS[stage].toLowerCase();
  if (distance > 1 || distance < -1) {
    const next = STORY_STAGES[STORY_STAGES.indexOf(from) + 1];
    const previous = STORY_STAGES[STORY_STAGES.indexOf(from) - 1];
    const options = [next && `forward to ${label(next)}`, previous && `back to ${label(previous)}`].filter(Boolean).join(' or ');
    return `A story moves one stage at a time: from ${label(from)} it can go ${options}, not to ${label(to)}.`;
  }
  if (STAGES_NEEDING_CUSTOMER_APPROVAL.includes(to) && !hasCustomerApproval) {
    return `A story cannot be ${label(to)} without the customer's approval: record the customer's approval first.`;
  }
  return null;
}

/**
 * Why an approval cannot be withdrawn, or null: a story that is approved or published (or was
 * published) keeps at least one customer approval on record, so its gate stays true.
 */
export function withdrawalRefusal(stage: StoryStage, approvalRole: ApprovalRole, customerApprovals: number): string | null {
  const approvedOrOut = STORY_STAGES.indexOf(stage) >= STORY_STAGES.indexOf('approved');
  if (approvalRole === 'customer' && customerApprovals <= 1 && approvedOrOut) {
    return `This is the customer's only approval and the story is ${STORY_STAGE_LABELS[stage].toLowerCase()}: move it back to customer review first.`;
  }
  return null;
}

export const EXPORT_FORMATS = ['markdown', 'html'] as const;

export const productResult = z.object({
  product: z.string(),
  stories: z.array(z.object({ id, title: z.string(), accountName: z.string(), stage: storyStage, publishedAt: z.string().nullable(), results: z.array(outcome) })),
  storyCount: z.number().int().nonnegative(),
  resultCount: z.number().int().nonnegative(),
});
export type ProductResult = z.infer<typeof productResult>;

export const storiesContract = {
  'stories.list': {
    input: listInput(
      ['title', 'stage', 'createdAt', 'updatedAt', 'publishedAt'],
      z.object({ stage: oneOrMany(storyStage), accountId: oneOrMany(id), product: z.string().trim().min(1), industry: oneOrMany(z.string()) }),
    ),
    output: pageOf(storySummary),
  },
  'stories.get': { input: idInput, output: storyDetail },
  /** A new story starts as an idea; industry and products default to the account's. */
  'stories.create': {
    input: z
      .strictObject({ accountId: id, ...editable })
      .partial()
      .required({ accountId: true, title: true }),
    output: storyDetail,
  },
  /** The story's words; its stage moves only through `stories.move`, its account never changes. */
  'stories.update': {
    input: z
      .strictObject({ id, ...editable })
      .partial()
      .required({ id: true }),
    output: storyDetail,
  },
  'stories.archive': { input: idInput, output: story },
  'stories.move': { input: z.strictObject({ id, stage: storyStage }), output: storyDetail },
  'stories.approve': {
    input: z.strictObject({ id, approver: requiredText(200), role: approvalRole, note: text(1000).nullable().optional() }),
    output: storyDetail,
  },
  /** Withdraws an approval recorded by mistake (or taken back); never the customer's last one while the story is approved or out. */
  'stories.withdrawApproval': { input: z.strictObject({ id, approvalId: id }), output: storyDetail },
  'stories.linkOutcome': { input: z.strictObject({ id, outcomeId: id }), output: storyDetail },
  'stories.unlinkOutcome': { input: z.strictObject({ id, outcomeId: id }), output: storyDetail },
  'stories.export': {
    input: z.strictObject({ id, format: z.enum(EXPORT_FORMATS) }),
    output: z.object({ fileName: z.string(), mimeType: z.string(), content: z.string() }),
  },
  /** Per product, the stories that name it and their measured results: what product teams read. */
  'stories.productResults': {
    input: z.strictObject({ stage: oneOrMany(storyStage).optional(), product: z.string().trim().min(1).optional() }),
    output: z.array(productResult),
  },
} as const;

// ---- How a result reads, the same in the editor, the board and the exports ----

const plain = (value: number, locale = 'en-US') => value.toLocaleString(locale, { maximumFractionDigits: 2 });

/** A result measured as a share ("%"): its change is told in percentage points, never as a relative change of a percentage. */
export const isPercentUnit = (unit: string | null) => unit !== null && /^(%|percent|per ?cent)$/i.test(unit.trim());

/** ISO 4217 codes this runtime knows; any three capitals are well-formed to Intl, so "FTE" must be told apart. */
let currencies: Set<string> | undefined;

/** The currency a result is measured in, when its unit is an ISO 4217 code ("USD", "EUR"); else null. */
export function currencyUnit(unit: string | null): string | null {
  const code = unit?.trim() ?? '';
  if (!/^[A-Z]{3}$/.test(code)) return null;
  currencies ??= new Set(Intl.supportedValuesOf('currency'));
  return currencies.has(code) ? code : null;
}

/** One side of a result in its unit: "$18.60", "12.4 %", "4 hours". */
export function resultValue(value: number, unit: string | null, locale = 'en-US'): string {
  const currency = currencyUnit(unit);
  if (currency !== null) return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(value);
  if (isPercentUnit(unit)) return `${plain(value, locale)} %`;
  return unit ? `${plain(value, locale)} ${unit}` : plain(value, locale);
}

/** "12 → 4 hours", "$18.60 → $15.70", "12.4 % → 51.6 %" (or "→ 4 hours" without a baseline); null when nothing was measured. */
export function resultChange(result: Pick<Outcome, 'baseline' | 'achieved' | 'unit'>, locale = 'en-US'): string | null {
  if (result.achieved === null) return null;
  if (currencyUnit(result.unit) !== null || isPercentUnit(result.unit)) {
    const achieved = resultValue(result.achieved, result.unit, locale);
    return result.baseline === null ? `→ ${achieved}` : `${resultValue(result.baseline, result.unit, locale)} → ${achieved}`;
  }
  const unit = result.unit ? ` ${result.unit}` : '';
  return result.baseline === null ? `→ ${plain(result.achieved, locale)}${unit}` : `${plain(result.baseline, locale)} → ${plain(result.achieved, locale)}${unit}`;
}

/** The relative change from baseline to achieved, e.g. -0.67 for 12 → 4; null when it cannot be told or the result is a percentage. */
export function resultDelta(result: Pick<Outcome, 'baseline' | 'achieved'> & { unit?: string | null }): number | null {
  if (result.baseline === null || result.achieved === null || result.baseline === 0 || isPercentUnit(result.unit ?? null)) return null;
  return (result.achieved - result.baseline) / Math.abs(result.baseline);
}

const signed = (size: number, text: string) => `${size > 0 ? '+' : size < 0 ? '−' : '±'}${text}`;

/**
 * How much a result changed, as a person says it: "+39.2 pp" for a percentage (12.4 % → 51.6 %),
 * "−67 %" for anything else with a non-zero baseline; null when it cannot be told.
 */
export function resultDeltaText(result: Pick<Outcome, 'baseline' | 'achieved' | 'unit'>, locale = 'en-US'): string | null {
  if (result.baseline === null || result.achieved === null) return null;
  if (isPercentUnit(result.unit)) {
    const points = Math.round((result.achieved - result.baseline) * 10) / 10;
    return signed(points, `${plain(Math.abs(points), locale)} pp`);
  }
  const delta = resultDelta(result);
  if (delta === null) return null;
  const percent = Math.round(delta * 100);
  return signed(percent, `${plain(Math.abs(percent), locale)} %`);
}

/** A headline's figure: "from 12 % to 52 %" for a percentage, "by 67 %" otherwise (a story title never claims a relative change of a percentage). */
export function resultHeadlineSize(result: { baseline: number; achieved: number; unit: string | null }): string {
  if (isPercentUnit(result.unit)) return `from ${Math.round(result.baseline)} % to ${Math.round(result.achieved)} %`;
  return `by ${Math.round((Math.abs(result.achieved - result.baseline) / Math.abs(result.baseline)) * 100)} %`;
}

/** "Jan 2026 – Jun 2026", "from Jan 2026", or null. */
export function resultPeriod(result: Pick<Outcome, 'periodStart' | 'periodEnd'>): string | null {
  const month = (date: string) => new Date(`${date}T00:00:00Z`).toLocaleString('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });
  if (result.periodStart && result.periodEnd) return `${month(result.periodStart)} – ${month(result.periodEnd)}`;
  if (result.periodStart) return `from ${month(result.periodStart)}`;
  if (result.periodEnd) return `until ${month(result.periodEnd)}`;
  return null;
}

/** "Verified by Ana Ruiz on 2026-02-10", or null when no one verified it. */
/** `formatDay` words the ISO day: the screens pass the locale's date, documents keep ISO. */
export function resultVerification(result: Pick<Outcome, 'verifiedBy' | 'verifiedAt'>, formatDay = (ymd: string) => ymd): string | null {
  if (!result.verifiedBy) return null;
  return result.verifiedAt ? `Verified by ${result.verifiedBy} on ${formatDay(result.verifiedAt)}` : `Verified by ${result.verifiedBy}`;
}

export const STORY_STAGE_LABELS: Record<StoryStage, string> = {
  idea: 'Idea',
  drafting: 'Drafting',
  customer_review: 'Customer review',
  approved: 'Approved',
  published: 'Published',
  retired: 'Retired',
};

export const APPROVAL_ROLE_LABELS: Record<ApprovalRole, string> = {
  customer: 'Customer',
  legal: 'Legal',
  marketing: 'Marketing',
  account_owner: 'Account owner',
};
