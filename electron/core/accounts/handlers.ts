import type { ParsedInput } from '../../../shared/contract';
import { formatTimelineCursor, parseTimelineCursor } from '../../../shared/contract/accounts';
import type { Context } from '../context';
import { crudHandlers } from '../crud/handlers';
import { getRow, setArchived } from '../crud/queries';
import { accountFacets, accountsTable, accountTimeline } from './repo';
import { accountTable } from './table';
import { atRiskPage } from './atRisk';
import type { ChannelsOf, Handlers } from '../handlerTypes';

const FAR_FUTURE = '9999-12-31T23:59:59.999Z';

export const accountsHandlers = {
  ...crudHandlers('accounts', accountsTable),
  'accounts.restore': async (input: ParsedInput<'accounts.restore'>, ctx: Context) => {
    const row = await ctx.db.transaction().execute(async (db) => {
      const before = await getRow(db, accountsTable, input.id);
      const after = await setArchived(db, accountsTable, input.id, false, ctx.now());
      accountsTable.afterWrite?.(ctx, { before, after });
      return after;
    });
    ctx.emit({ name: 'accounts.changed', ids: [input.id] });
    return row;
  },
  'accounts.facets': (_input: ParsedInput<'accounts.facets'>, ctx: Context) => accountFacets(ctx.db),
  'accounts.table': (input: ParsedInput<'accounts.table'>, ctx: Context) => accountTable(ctx, input),
  'accounts.atRisk': (input: ParsedInput<'accounts.atRisk'>, ctx: Context) => atRiskPage(ctx, input),
  'accounts.timeline': async (input: ParsedInput<'accounts.timeline'>, ctx: Context) => {
    await getRow(ctx.db, accountsTable, input.id);
    // No kind sorts after '~', so a bare `before` keeps only entries strictly earlier than it.
    const cursor = input.cursor ? parseTimelineCursor(input.cursor) : { at: input.before ?? FAR_FUTURE, kind: '~' as never, id: 0 };
    // One extra row tells whether there is more history to page into.
    const entries = await accountTimeline(ctx.db, input.id, cursor, input.limit + 1);
    const page = entries.slice(0, input.limit);
    const hasMore = entries.length > input.limit;
    return { entries: page, hasMore, nextCursor: hasMore ? formatTimelineCursor(page.at(-1)!) : null };
  },
} satisfies Handlers<ChannelsOf<'accounts'>>;
