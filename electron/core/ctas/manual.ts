import type Database from 'better-sqlite3';
import type { ParsedInput } from '../../../shared/contract';
import type { FiredBy } from '../../../shared/contract/ctas';
import { stmt } from '../db/sql';
import { CoreError, notFound } from '../errors';
import { applyPlaybook, getPlaybook } from '../playbooks/repo';
import { insertTask } from '../tasks/repo';
import { ctaIdOf } from './rules';

// A call to action opened by hand (the account page's "Open a call to action"). Team mode needs
// every laptop to agree on a call to action's id without asking a server, as the rules' ids do from
// (rule, account, cause). A person's reason is no cause two laptops would spell alike, so the cause
// is the client's own UUID (`by-hand:<clientId>`), made once when the dialog opens and recorded in
// the facts: replaying the same open is the same id, and INSERT OR IGNORE makes it a no-op.

export const manualCtaId = (accountId: number, clientId: string) => ctaIdOf('manual', accountId, `by-hand:${clientId.toLowerCase()}`);

/** Opens it (inside the caller's transaction); returns its id and whether this call opened it (false: the same open was already recorded). */
export function openManualCta(sqlite: Database.Database, input: ParsedInput<'ctas.open'>, openedBy: string | null, now: Date): { id: string; opened: boolean } {
  const account = stmt<{ owner: string | null; archivedAt: string | null }>(sqlite, 'SELECT owner, archived_at AS archivedAt FROM accounts WHERE id = ?').get(input.accountId);
  if (!account) throw notFound('account', input.accountId);
  const id = manualCtaId(input.accountId, input.clientId);
  if (stmt(sqlite, 'SELECT 1 FROM calls_to_action WHERE id = ?').get(id) !== undefined) return { id, opened: false };
  if (account.archivedAt !== null) throw new CoreError('CONFLICT', `accountId: account ${input.accountId} is archived; restore it before opening a call to action`);
  const today = now.toISOString().slice(0, 10);
  if (input.due && input.due < today) throw new CoreError('BAD_INPUT', `due: ${input.due} is before today (${today})`);
  const playbook = input.playbookId != null ? getPlaybook(sqlite, input.playbookId) : undefined;
  if (playbook?.archivedAt) throw new CoreError('BAD_INPUT', `playbookId: playbook “${playbook.name}” is archived`);
  // Not given: the account's owner, as the rules do; null: nobody yet.
  const owner = input.owner === undefined ? account.owner : input.owner || null;
  const at = now.toISOString();
  const firedBy: FiredBy = {
    summary: `Opened by hand${openedBy ? ` by ${openedBy}` : ''}: ${input.reason}${input.due ? ` (due ${input.due})` : ''}`,
    facts: { reason: input.reason, due: input.due ?? null, openedBy, note: input.note || null, clientId: input.clientId.toLowerCase() },
  };
  stmt(
    sqlite,
    `INSERT OR IGNORE INTO calls_to_action (id, rule, account_id, cause, title, fired_by, playbook_id, owner, status, opened_at) VALUES (?, 'manual', ?, ?, ?, ?, ?, ?, 'open', ?)`,
  ).run(id, input.accountId, `by-hand:${input.clientId.toLowerCase()}`, input.reason, JSON.stringify(firedBy), playbook?.id ?? null, owner, at);
  if (playbook) applyPlaybook(sqlite, playbook, { accountId: input.accountId, owner, start: today, ctaId: id }, at);
  // Without a playbook the reason itself is the task, so the call to action's due date reaches "my tasks".
  else
    insertTask(
      sqlite,
      {
        accountId: input.accountId,
        title: input.reason,
        owner,
        dueDate: input.due ?? null,
        priority: 'normal',
        status: 'open',
        notes: input.note || null,
        contactId: null,
        touchpointId: null,
        requestId: null,
        ctaId: id,
        playbookStep: null,
      },
      at,
    );
  return { id, opened: true };
}
