import type { ParsedInput } from '../../../shared/contract';
import type { Context } from '../context';
import { exclusive } from '../db/exclusive';
import { inTransaction, stmt } from '../db/sql';
import { CoreError } from '../errors';
import type { ChannelsOf, Handlers } from '../handlerTypes';
import { evaluateAccount } from './engine';
import { openManualCta } from './manual';
import { rulePassJob } from './pass';
import { getCta, listCtas } from './repo';

/** Tells the screens what a rule run opened (calls to action and their tasks). */
export function announceOpened(ctx: Context, opened: readonly string[]): void {
  if (opened.length === 0) return;
  ctx.emit({ name: 'ctas.changed' });
  ctx.emit({ name: 'tasks.changed' });
}

export const ctasHandlers = {
  'ctas.list': (input: ParsedInput<'ctas.list'>, ctx: Context) => listCtas(ctx.sqlite, input, input.limit),
  'ctas.get': (input: ParsedInput<'ctas.get'>, ctx: Context) => getCta(ctx.sqlite, input.id),
  'ctas.open': async (input: ParsedInput<'ctas.open'>, ctx: Context) => {
    // exclusive: never inside a rule pass's open transaction (ctas/pass.ts holds the connection across its steps).
    const { id, opened } = await exclusive(ctx, (sqlite) => inTransaction(sqlite, () => openManualCta(sqlite, input, ctx.identity.get()?.name ?? null, ctx.now())));
    announceOpened(ctx, opened ? [id] : []);
    return getCta(ctx.sqlite, id);
  },
  'ctas.close': (input: ParsedInput<'ctas.close'>, ctx: Context) => {
    const before = getCta(ctx.sqlite, input.id);
    if (before.status === 'closed') throw new CoreError('CONFLICT', `call to action ${input.id} is already closed (${before.outcome})`);
    const now = ctx.now().toISOString();
    const closedAt = input.closedAt ?? now;
    if (closedAt < before.openedAt) throw new CoreError('BAD_INPUT', `closedAt: ${closedAt} is before the call to action opened (${before.openedAt})`);
    inTransaction(ctx.sqlite, () => {
      stmt(ctx.sqlite, `UPDATE calls_to_action SET status = 'closed', outcome = ?, outcome_note = ?, closed_at = ?, closed_by = ? WHERE id = ?`).run(
        input.outcome,
        input.note || null,
        closedAt,
        ctx.identity.get()?.name ?? null,
        input.id,
      );
      if (input.cancelOpenTasks)
        stmt(ctx.sqlite, `UPDATE tasks SET status = 'cancelled', updated_at = ? WHERE cta_id = ? AND status IN ('open', 'in_progress')`).run(now, input.id);
    });
    ctx.emit({ name: 'ctas.changed' });
    if (input.cancelOpenTasks) ctx.emit({ name: 'tasks.changed' });
    return getCta(ctx.sqlite, input.id);
  },
  'ctas.evaluate': async (input: ParsedInput<'ctas.evaluate'>, ctx: Context) => {
    const accountId = input.accountId;
    // All accounts: a cancellable job in steps (ctas/pass.ts); one account is one short transaction.
    const result =
      accountId === undefined
        ? await rulePassJob(ctx)
        : await exclusive(ctx, (sqlite) => inTransaction(sqlite, () => ({ accounts: 1, opened: evaluateAccount(sqlite, accountId, ctx.now()) })));
    announceOpened(ctx, result.opened);
    return result;
  },
} satisfies Handlers<ChannelsOf<'ctas'>>;
