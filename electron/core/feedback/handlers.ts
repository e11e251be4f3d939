import type { ParsedInput } from '../../../shared/contract';
import type { Context } from '../context';
import { crudHandlers } from '../crud/handlers';
import { exclusive } from '../db/exclusive';
import { CoreError } from '../errors';
import type { ChannelsOf, Handlers } from '../handlerTypes';
import { requestCandidates } from './candidates';
import { tellAskers } from './tell';
import { feedbackDraft } from './draft';
import { productResults } from './productResults';
import { itemsTable, requestsTable } from './repo';
import { requestsCsv, requestsMarkdown } from './report';
import { linkItems, requestTable } from './service';
import { requestsXlsx } from './xlsx';

const items = crudHandlers('feedback', itemsTable);
const requests = crudHandlers('feedbackRequests', requestsTable);

/** A captured item's source row must be the account's own; its contact is taken from the source when not given. */
async function withSource(ctx: Context, input: ParsedInput<'feedback.create'>): Promise<ParsedInput<'feedback.create'>> {
  const source =
    input.source === 'ticket' && input.ticketId != null
      ? await ctx.db.selectFrom('tickets').select(['accountId', 'contactId']).where('id', '=', input.ticketId).executeTakeFirst()
      : input.source === 'survey' && input.surveyResponseId != null
        ? await ctx.db.selectFrom('surveyResponses').select(['accountId', 'contactId']).where('id', '=', input.surveyResponseId).executeTakeFirst()
        : input.source === 'touchpoint' && input.touchpointId != null
          ? await ctx.db.selectFrom('touchpoints').select(['accountId', 'contactId']).where('id', '=', input.touchpointId).executeTakeFirst()
          : undefined;
  if (!source) return input;
  if (source.accountId !== input.accountId) throw new CoreError('BAD_INPUT', `accountId: the ${input.source} belongs to account ${source.accountId}, not ${input.accountId}`);
  return input.contactId === undefined && source.contactId !== null ? { ...input, contactId: source.contactId } : input;
}

export const feedbackHandlers = {
  ...items,
  'feedback.create': async (input: ParsedInput<'feedback.create'>, ctx: Context) => items['feedback.create'](await withSource(ctx, input), ctx),
  'feedback.draft': (input: ParsedInput<'feedback.draft'>, ctx: Context) => exclusive(ctx, (sqlite) => feedbackDraft(sqlite, input)),
  'feedback.link': (input: ParsedInput<'feedback.link'>, ctx: Context) => linkItems(ctx, input),
  'feedback.productResults': (_input: ParsedInput<'feedback.productResults'>, ctx: Context) => exclusive(ctx, (sqlite) => productResults(sqlite)),
  ...requests,
  // A request marked shipped keeps the day it shipped (the screen and the export show it).
  'feedbackRequests.update': (input: ParsedInput<'feedbackRequests.update'>, ctx: Context) =>
    requests['feedbackRequests.update'](input.status === 'shipped' && input.shippedAt === undefined ? { ...input, shippedAt: ctx.now().toISOString().slice(0, 10) } : input, ctx),
  'feedbackRequests.table': (input: ParsedInput<'feedbackRequests.table'>, ctx: Context) => exclusive(ctx, (sqlite) => requestTable(sqlite, input, ctx.now())),
  'feedbackRequests.candidates': (input: ParsedInput<'feedbackRequests.candidates'>, ctx: Context) => exclusive(ctx, (sqlite) => requestCandidates(sqlite, input.id)),
  'feedbackRequests.tell': async (input: ParsedInput<'feedbackRequests.tell'>, ctx: Context) => {
    const told = await exclusive(ctx, (sqlite) => tellAskers(sqlite, input.id, ctx.now()));
    if (told.opened.length) ctx.emit({ name: 'tasks.changed', ids: told.opened });
    return told;
  },
  'feedbackRequests.export': async (input: ParsedInput<'feedbackRequests.export'>, ctx: Context) => {
    const table = await exclusive(ctx, (sqlite) => requestTable(sqlite, { status: input.status, horizonDays: 180 }, ctx.now()));
    const today = ctx.now().toISOString().slice(0, 10);
    if (input.format === 'xlsx')
      return {
        filename: `requests-${today}${input.style === 'raw' ? '-raw' : ''}.xlsx`,
        mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        content: (await requestsXlsx(table.rows, table.currency, input.style)).toString('base64'),
        encoding: 'base64' as const,
      };
    return input.format === 'csv'
      ? { filename: `requests-${today}.csv`, mime: 'text/csv', content: requestsCsv(table.rows, table.currency) }
      : { filename: `requests-${today}.md`, mime: 'text/markdown', content: requestsMarkdown(table.rows, table.currency, today, table.horizonDays) };
  },
} satisfies Handlers<ChannelsOf<'feedback'> | ChannelsOf<'feedbackRequests'>>;
