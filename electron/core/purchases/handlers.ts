import type { ParsedInput } from '../../../shared/contract';
import type { Context } from '../context';
import { exclusive } from '../db/exclusive';
import type { ChannelsOf, Handlers } from '../handlerTypes';
import { createPurchase, listPurchases, updatePurchase } from './repo';
import { readSettings } from '../db/settings';
import { purchaseModel } from './model';

export const purchasesHandlers = {
  'purchases.list': (input: ParsedInput<'purchases.list'>, ctx: Context) => exclusive(ctx, (sqlite) => listPurchases(sqlite, input)),
  'purchases.create': async (input: ParsedInput<'purchases.create'>, ctx: Context) => {
    const created = await exclusive(ctx, (sqlite) => createPurchase(sqlite, input, ctx.now()));
    ctx.emit({ name: 'purchases.changed' });
    return created;
  },
  'purchases.update': async (input: ParsedInput<'purchases.update'>, ctx: Context) => {
    const updated = await exclusive(ctx, (sqlite) => updatePurchase(sqlite, input, ctx.now()));
    ctx.emit({ name: 'purchases.changed' });
    return updated;
  },
  // Issue 16: fitted on demand (kept in memory while the purchases are unchanged).
  'purchases.model': (input: ParsedInput<'purchases.model'>, ctx: Context) => exclusive(ctx, (sqlite) => purchaseModel(sqlite, input, readSettings(sqlite))),
} satisfies Handlers<ChannelsOf<'purchases'>>;
