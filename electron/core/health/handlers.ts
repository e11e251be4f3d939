import type { ParsedInput } from '../../../shared/contract';
import type { Context } from '../context';
import { exclusive } from '../db/exclusive';
import type { ChannelsOf, Handlers } from '../handlerTypes';
import { explainHealth, recomputeAllHealthInSteps } from './service';

export const healthHandlers = {
  'health.explain': (input: ParsedInput<'health.explain'>, ctx: Context) => exclusive(ctx, (sqlite) => explainHealth(sqlite, input.id, ctx.now())),
  'health.recompute': async (_input: ParsedInput<'health.recompute'>, ctx: Context) => {
    const result = await exclusive(ctx, (sqlite) =>
      recomputeAllHealthInSteps(sqlite, ctx.now(), (done, total) => ctx.emit({ name: 'health.progress', progress: { done, total } })),
    );
    ctx.emit({ name: 'health.changed' });
    return result;
  },
} satisfies Handlers<ChannelsOf<'health'>>;
