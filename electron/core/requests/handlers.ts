import type { ParsedInput } from '../../../shared/contract';
import type { Context } from '../context';
import { ageBasis } from './ageBasis';
import { getRequest, listRequests, recentRequestsOf } from './repo';
import type { RequestAction } from './lifecycle';
import { createRequest, stepValues, transition } from './service';
import type { ChannelsOf, Handlers } from '../handlerTypes';

/** A reference's latest requests, aged as the requests list ages them: the references.get detail's (see handlers.ts). */
export const recentRequestsForReference = (ctx: Context, referenceId: number, now: Date) => recentRequestsOf(ctx.db, referenceId, { ...ageBasis(ctx), now });

/**
 * One write in one transaction; announces `requests.changed` and `references.changed` for its
 * reference, whose detail lists its requests (and whose fatigue the finder derives from them).
 */
async function write(ctx: Context, run: (db: Context['db'], now: string) => Promise<{ id: number; referenceId: number }>) {
  const now = ctx.now();
  const { id, referenceId } = await ctx.db.transaction().execute((db) => run(db, now.toISOString()));
  ctx.emit({ name: 'requests.changed', ids: [id] });
  ctx.emit({ name: 'references.changed', ids: [referenceId] });
  return getRequest(ctx.db, id, { ...ageBasis(ctx), now });
}

const step =
  <Input extends { id: number }>(action: RequestAction, values: (input: Input, now: string) => Parameters<typeof transition>[3]) =>
  (input: Input, ctx: Context) =>
    write(ctx, async (db, now) => ({ id: input.id, referenceId: await transition(db, input.id, action, values(input, now), now) }));

export const requestsHandlers = {
  'requests.list': (input: ParsedInput<'requests.list'>, ctx: Context) => listRequests(ctx.db, input, ageBasis(ctx)),
  'requests.get': (input: ParsedInput<'requests.get'>, ctx: Context) => getRequest(ctx.db, input.id, ageBasis(ctx)),
  'requests.create': (input: ParsedInput<'requests.create'>, ctx: Context) =>
    write(ctx, async (db, now) => ({ id: await createRequest(db, input, now), referenceId: input.referenceId })),
  'requests.approve': step<ParsedInput<'requests.approve'>>('approve', stepValues.approve),
  'requests.schedule': step<ParsedInput<'requests.schedule'>>('schedule', (input) => stepValues.schedule(input)),
  'requests.complete': step<ParsedInput<'requests.complete'>>('complete', stepValues.complete),
  'requests.decline': step<ParsedInput<'requests.decline'>>('decline', (input, now) => stepValues.close('declined', input.reason, now)),
  'requests.cancel': step<ParsedInput<'requests.cancel'>>('cancel', (input, now) => stepValues.close('cancelled', input.reason, now)),
} satisfies Handlers<ChannelsOf<'requests'>>;
