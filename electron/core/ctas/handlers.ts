import type { ParsedInput } from '../../../shared/contract';
import type { Context } from '../context';
import { inTransaction, stmt } from '../db/sql';
import { CoreError } from '../errors';
import type { ChannelsOf, Handlers } from '../handlerTypes';
import { evaluateAccount, evaluateAll } from './engine';
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
  'ctas.evaluate': (input: ParsedInput<'ctas.evaluate'>, ctx: Context) => {
    const now = ctx.now();
    const result = inTransaction(ctx.sqlite, () =>
      input.accountId === undefined ? evaluateAll(ctx.sqlite, now) : { accounts: 1, opened: evaluateAccount(ctx.sqlite, input.accountId, now) },
    );
    announceOpened(ctx, result.opened);
    return result;
  },
} satisfies Handlers<ChannelsOf<'ctas'>>;
