import type Database from 'better-sqlite3';
import { inTransaction, stmt } from '../db/sql';
import { insertTask } from '../tasks/repo';
import { requestCandidates } from './candidates';

/** The task that tells one account's askers about a request: its title is what makes a second ask find it. */
export function tellTaskTitle(request: { title: string; status: string }, contactNames: readonly string[]): string {
  return `Tell ${contactNames.join(', ') || 'the account'} that “${request.title}” ${request.status === 'shipped' ? 'shipped' : 'is coming'}`;
}

/**
 * One task per account that asked for the request (its owner's, linked to the first contact who
 * asked), in one transaction. An account that already has this task (open or done; a cancelled one
 * does not count) is left alone, so a second click, a retry after a lost answer or a colleague's
 * click opens nothing twice, and nobody is told twice.
 */
export function tellAskers(sqlite: Database.Database, requestId: number, now: Date): { opened: number[]; already: number } {
  return inTransaction(sqlite, () => {
    const { request, toTell } = requestCandidates(sqlite, requestId);
    const open = stmt(sqlite, `SELECT 1 FROM tasks WHERE account_id = ? AND title = ? AND status != 'cancelled'`);
    const opened: number[] = [];
    let already = 0;
    for (const account of toTell) {
      const title = tellTaskTitle(
        request,
        account.contacts.map((c) => c.name),
      );
      if (open.get(account.accountId, title) !== undefined) {
        already++;
        continue;
      }
      const task = {
        accountId: account.accountId,
        title,
        owner: account.owner,
        dueDate: null,
        priority: 'normal' as const,
        status: 'open' as const,
        notes: null,
        contactId: account.contacts[0]?.id ?? null,
        touchpointId: null,
        requestId: null,
        ctaId: null,
        playbookStep: null,
      };
      opened.push(insertTask(sqlite, task, now.toISOString()));
    }
    return { opened, already };
  });
}
