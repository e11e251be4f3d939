import type Database from 'better-sqlite3';
import type { CtaRule } from '../../../shared/contract/ctas';
import type { Playbook, PlaybookStep } from '../../../shared/contract/playbooks';
import { stmt } from '../db/sql';
import { notFound } from '../errors';
import { insertTask } from '../tasks/repo';

// Playbooks and what applying one does. The steps are kept as one JSON list on the playbook: an
// edit replaces the whole ordered list at once, and the tasks a playbook created are copies that
// later edits do not touch.

const SELECT = `SELECT id, name, description, opens_on AS opensOn, steps, archived_at AS archivedAt, created_at AS createdAt, updated_at AS updatedAt FROM playbooks`;

type StoredPlaybook = Omit<Playbook, 'steps'> & { steps: string };
const decode = (row: StoredPlaybook): Playbook => ({ ...row, steps: JSON.parse(row.steps) as PlaybookStep[] });

export function listPlaybooks(sqlite: Database.Database, includeArchived: boolean): Playbook[] {
  return stmt<StoredPlaybook>(sqlite, `${SELECT}${includeArchived ? '' : ' WHERE archived_at IS NULL'} ORDER BY name COLLATE NOCASE`)
    .all()
    .map(decode);
}

export function getPlaybook(sqlite: Database.Database, id: number): Playbook {
  const row = stmt<StoredPlaybook>(sqlite, `${SELECT} WHERE id = ?`).get(id);
  if (!row) throw notFound('playbook', id);
  return decode(row);
}

/** The playbook a rule's calls to action open, if one is set and not archived. */
export function playbookForRule(sqlite: Database.Database, rule: CtaRule): Playbook | undefined {
  const row = stmt<StoredPlaybook>(sqlite, `${SELECT} WHERE opens_on = ? AND archived_at IS NULL`).get(rule);
  return row && decode(row);
}

const DAY_MS = 86_400_000;
/** `start` (YYYY-MM-DD) plus `days`. */
export const addDays = (start: string, days: number) => new Date(Date.parse(`${start}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** Creates a playbook's tasks on an account, in step order, due `day` days after `start`. Returns their ids. */
export function applyPlaybook(
  sqlite: Database.Database,
  playbook: Pick<Playbook, 'steps'>,
  target: { accountId: number; owner: string | null; start: string; ctaId: string | null },
  now: string,
): number[] {
  return playbook.steps.map((step, position) =>
    insertTask(
      sqlite,
      {
        accountId: target.accountId,
        title: step.title,
        owner: target.owner,
        dueDate: addDays(target.start, step.day),
        priority: step.priority,
        status: 'open',
        notes: null,
        contactId: null,
        touchpointId: null,
        requestId: null,
        ctaId: target.ctaId,
        playbookStep: position,
      },
      now,
    ),
  );
}
