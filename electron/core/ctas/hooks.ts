import type { Output, ParsedInput } from '../../../shared/contract';
import type { Context } from '../context';
import { inTransaction, stmt } from '../db/sql';
import type { Handler } from '../handlerTypes';
import { evaluateAccount } from './engine';
import { announceOpened } from './handlers';

// Writes that can fire a rule run the rules for their accounts in the same transaction: the
// derived hooks (answers, touchpoints, deployments, accounts: health moves with them) call
// `runRulesAfterWrite`; a reference request's approval is wrapped here, since requests sit below
// the rules in the order of domains and need not know them.

/** The rules over the accounts a write touched (inside its transaction). */
export function runRulesAfterWrite(ctx: Context, accountIds: Iterable<number>): void {
  const opened = inTransaction(ctx.sqlite, () => [...accountIds].flatMap((id) => evaluateAccount(ctx.sqlite, id, ctx.now())));
  announceOpened(ctx, opened);
}

/** requests.approve, then the rules over the reference's account (a reference request approved). */
export function afterRequestApproved(approve: Handler<'requests.approve'>): Handler<'requests.approve'> {
  return async (input: ParsedInput<'requests.approve'>, ctx: Context): Promise<Output<'requests.approve'>> => {
    const row = await approve(input, ctx);
    const accountId = stmt<number>(ctx.sqlite, 'SELECT r.account_id FROM reference_requests q JOIN "references" r ON r.id = q.reference_id WHERE q.id = ?').pluck().get(input.id);
    if (accountId !== undefined) runRulesAfterWrite(ctx, [accountId]);
    return row;
  };
}
