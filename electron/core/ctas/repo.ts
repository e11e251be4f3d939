import type Database from 'better-sqlite3';
import type { Cta, CtaKind } from '../../../shared/contract/ctas';
import { stmt } from '../db/sql';
import { CoreError } from '../errors';

// Reading calls to action with their account, playbook and task counts.

const SELECT = `SELECT c.id, c.rule, c.account_id AS accountId, a.name AS accountName, c.cause, c.title, c.fired_by AS firedBy, c.playbook_id AS playbookId,
    p.name AS playbookName, c.owner, c.status, c.outcome, c.outcome_note AS outcomeNote, c.opened_at AS openedAt, c.closed_at AS closedAt, c.closed_by AS closedBy,
    (SELECT count(*) FROM tasks t WHERE t.cta_id = c.id AND t.status IN ('open', 'in_progress')) AS openTasks,
    (SELECT count(*) FROM tasks t WHERE t.cta_id = c.id) AS totalTasks
  FROM calls_to_action c JOIN accounts a ON a.id = c.account_id LEFT JOIN playbooks p ON p.id = c.playbook_id`;

type Stored = Omit<Cta, 'firedBy'> & { firedBy: string };
const decode = (row: Stored): Cta => ({ ...row, firedBy: JSON.parse(row.firedBy) as Cta['firedBy'] });

export interface CtaFilter {
  status: 'open' | 'closed' | 'all';
  accountId?: number;
  rule?: CtaKind;
}

/** Open first, then by account name, newest first. */
export function listCtas(sqlite: Database.Database, filter: CtaFilter, limit: number): { rows: Cta[]; total: number } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.status !== 'all') {
    where.push('c.status = ?');
    params.push(filter.status);
  }
  if (filter.accountId !== undefined) {
    where.push('c.account_id = ?');
    params.push(filter.accountId);
  }
  if (filter.rule) {
    where.push('c.rule = ?');
    params.push(filter.rule);
  }
  const clause = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  const total = stmt<number>(sqlite, `SELECT count(*) FROM calls_to_action c${clause}`)
    .pluck()
    .get(...params)!;
  const rows = stmt<Stored>(sqlite, `${SELECT}${clause} ORDER BY c.status = 'closed', a.name COLLATE NOCASE, c.opened_at DESC, c.id LIMIT ?`)
    .all(...params, limit)
    .map(decode);
  return { rows, total };
}

export function getCta(sqlite: Database.Database, id: string): Cta {
  const row = stmt<Stored>(sqlite, `${SELECT} WHERE c.id = ?`).get(id);
  if (!row) throw new CoreError('NOT_FOUND', `call to action ${id} does not exist`);
  return decode(row);
}
