import type { ParsedInput } from '../../../shared/contract';
import type { Context } from '../context';
import { exclusive } from '../db/exclusive';
import { runJob } from '../lib/jobs';
import type { ChannelsOf, Handlers } from '../handlerTypes';
import { explainHealth, recomputeAllHealthInSteps } from './service';

export const healthHandlers = {
  'health.explain': (input: ParsedInput<'health.explain'>, ctx: Context) => exclusive(ctx, (sqlite) => explainHealth(sqlite, input.id, ctx.now())),
  'health.recompute': async (_input: ParsedInput<'health.recompute'>, ctx: Context) => {
    // A cancellable job (lib/jobs.ts): the steps yield before each report, so a cancel is seen at the next one and rolls the recompute back.
    const result = await runJob(ctx, 'health.recompute', 'the previous health scores are kept', (job) =>
      exclusive(ctx, (sqlite) =>
        recomputeAllHealthInSteps(sqlite, ctx.now(), async (done, total) => {
          job.check();
          ctx.emit({ name: 'health.progress', progress: { done, total } });
          job.progress(done, total, 'health');
          if (done < total) await job.hold();
          job.check();
        }),
      ),
    );
    ctx.emit({ name: 'health.changed' });
    return result;
  },
} satisfies Handlers<ChannelsOf<'health'>>;
