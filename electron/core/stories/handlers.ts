import type { ParsedInput } from '../../../shared/contract';
import { moveRefusal, withdrawalRefusal } from '../../../shared/contract/stories';
import type { Context } from '../context';
import { getRow, insertRow, setArchived, updateRow } from '../crud/queries';
import { CoreError } from '../errors';
import { outcomesTable } from '../outcomes/repo';
import { storyHtml } from './exportHtml';
import { storyMarkdown } from './exportMarkdown';
import { groupByProduct } from './productResults';
import {
  accountIndustry,
  approvalsOf,
  deleteApproval,
  getStoryDetail,
  getStoryRow,
  hasCustomerApproval,
  insertApproval,
  linkOutcome,
  listStories,
  liveProducts,
  resultsOf,
  setStage,
  storiesForProducts,
  storiesTable,
  unlinkOutcome,
} from './repo';
import { slug } from './resultLines';
import type { ChannelsOf, Handlers } from '../handlerTypes';

type Db = Context['db'];

/** Runs a write in one transaction, then tells open screens the story changed. */
async function write<T extends { id: number }>(ctx: Context, run: (db: Db) => Promise<T>): Promise<T> {
  const story = await ctx.db.transaction().execute(run);
  ctx.emit({ name: 'stories.changed', ids: [story.id] });
  return story;
}

/** An archived story is out of the workflow until it is restored. */
async function openStory(db: Db, id: number) {
  const story = await getStoryRow(db, id);
  if (story.archivedAt !== null) throw new CoreError('CONFLICT', `story ${id} is archived: it can no longer be changed`);
  return story;
}

export const storiesHandlers = {
  'stories.list': (input: ParsedInput<'stories.list'>, ctx: Context) => listStories(ctx.db, input),
  'stories.get': (input: ParsedInput<'stories.get'>, ctx: Context) => getStoryDetail(ctx.db, input.id),

  'stories.create': (input: ParsedInput<'stories.create'>, ctx: Context) =>
    write(ctx, async (db) => {
      const account = await db.selectFrom('accounts').select('id').where('id', '=', input.accountId).executeTakeFirst();
      if (!account)
        throw new CoreError('NOT_FOUND', `accountId: account ${input.accountId} does not exist`, [{ path: 'accountId', message: `account ${input.accountId} does not exist` }]);
      const row = await insertRow(
        db,
        storiesTable,
        {
          ...input,
          stage: 'idea',
          industry: input.industry !== undefined ? input.industry : await accountIndustry(db, input.accountId),
          products: input.products ?? (await liveProducts(db, input.accountId)),
          quotes: input.quotes ?? [],
        },
        ctx.now(),
      );
      return getStoryDetail(db, Number(row.id));
    }),

  'stories.update': ({ id, ...patch }: ParsedInput<'stories.update'>, ctx: Context) =>
    write(ctx, async (db) => {
      await openStory(db, id);
      await updateRow(db, storiesTable, id, patch, ctx.now());
      return getStoryDetail(db, id);
    }),

  'stories.archive': (input: ParsedInput<'stories.archive'>, ctx: Context) => write(ctx, (db) => setArchived(db, storiesTable, input.id, true, ctx.now())),

  'stories.move': (input: ParsedInput<'stories.move'>, ctx: Context) =>
    write(ctx, async (db) => {
      const story = await openStory(db, input.id);
      const from = story.stage;
      if (from === input.stage) return getStoryDetail(db, input.id);
      const refusal = moveRefusal(from, input.stage, await hasCustomerApproval(db, input.id));
      if (refusal) throw new CoreError('CONFLICT', refusal);
      const now = ctx.now().toISOString();
      // Published is a fact with a date: set on publication, kept when the story retires (it was
      // published then), dropped when it is taken back to approved (it is no longer out).
      const publishedAt = input.stage === 'published' ? (story.publishedAt ?? now) : input.stage === 'retired' ? story.publishedAt : null;
      await setStage(db, input.id, input.stage, publishedAt, now);
      return getStoryDetail(db, input.id);
    }),

  'stories.approve': (input: ParsedInput<'stories.approve'>, ctx: Context) =>
    write(ctx, async (db) => {
      await openStory(db, input.id);
      const now = ctx.now().toISOString();
      await insertApproval(db, { storyId: input.id, approver: input.approver, role: input.role, approvedAt: now, note: input.note ?? null });
      await db.updateTable('successStories').set({ updatedAt: now }).where('id', '=', input.id).execute();
      return getStoryDetail(db, input.id);
    }),

  'stories.withdrawApproval': (input: ParsedInput<'stories.withdrawApproval'>, ctx: Context) =>
    write(ctx, async (db) => {
      const story = await openStory(db, input.id);
      const approvals = await approvalsOf(db, input.id);
      const approval = approvals.find((a) => a.id === input.approvalId);
      if (!approval) throw new CoreError('NOT_FOUND', `approval ${input.approvalId} is not on story ${input.id}`);
      const customers = approvals.filter((a) => a.role === 'customer').length;
      const refusal = withdrawalRefusal(story.stage, approval.role, customers);
      if (refusal) throw new CoreError('CONFLICT', refusal);
      await deleteApproval(db, input.id, input.approvalId);
      await db.updateTable('successStories').set({ updatedAt: ctx.now().toISOString() }).where('id', '=', input.id).execute();
      return getStoryDetail(db, input.id);
    }),

  'stories.linkOutcome': (input: ParsedInput<'stories.linkOutcome'>, ctx: Context) =>
    write(ctx, async (db) => {
      const story = await openStory(db, input.id);
      const outcome = await getRow(db, outcomesTable, input.outcomeId).catch(() => {
        throw new CoreError('NOT_FOUND', `outcomeId: outcome ${input.outcomeId} does not exist`, [{ path: 'outcomeId', message: `outcome ${input.outcomeId} does not exist` }]);
      });
      if (outcome.accountId !== story.accountId) {
        const message = `outcome ${input.outcomeId} was measured at another account: a story's results must be its own customer's`;
        throw new CoreError('BAD_INPUT', `outcomeId: ${message}`, [{ path: 'outcomeId', message }]);
      }
      await linkOutcome(db, input.id, input.outcomeId);
      return getStoryDetail(db, input.id);
    }),

  'stories.unlinkOutcome': (input: ParsedInput<'stories.unlinkOutcome'>, ctx: Context) =>
    write(ctx, async (db) => {
      await openStory(db, input.id);
      if (!(await unlinkOutcome(db, input.id, input.outcomeId))) {
        throw new CoreError('NOT_FOUND', `outcome ${input.outcomeId} is not a result of story ${input.id}`);
      }
      return getStoryDetail(db, input.id);
    }),

  'stories.export': async (input: ParsedInput<'stories.export'>, ctx: Context) => {
    const story = await getStoryDetail(ctx.db, input.id);
    const base = `story-${story.id}-${slug(story.title)}`;
    return input.format === 'markdown'
      ? { fileName: `${base}.md`, mimeType: 'text/markdown;charset=utf-8', content: storyMarkdown(story) }
      : { fileName: `${base}.html`, mimeType: 'text/html;charset=utf-8', content: storyHtml(story) };
  },

  'stories.productResults': async (input: ParsedInput<'stories.productResults'>, ctx: Context) => {
    const stages = input.stage === undefined ? undefined : Array.isArray(input.stage) ? input.stage : [input.stage];
    const stories = await storiesForProducts(ctx.db, stages);
    const results = await resultsOf(
      ctx.db,
      stories.map((story) => story.id),
    );
    return groupByProduct(stories, results, input.product);
  },
} satisfies Handlers<ChannelsOf<'stories'>>;
