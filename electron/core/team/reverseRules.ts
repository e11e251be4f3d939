import type Database from 'better-sqlite3';
import type { ReferenceStage } from '../../../shared/contract/references';
import type { RequestStatus } from '../../../shared/contract/requests';
import { moveRefusal, type StoryStage } from '../../../shared/contract/stories';
import { alreadyInProgramme, liveReferenceOfAccountIn } from '../references/liveRule';
import { stageMoveProblem } from '../references/stages';
import { requestActionProblem, type RequestAction } from '../requests/lifecycle';

/**
 * Reversing a conflict writes a field back (conflicts.ts). The owning domain's own rules decide whether
 * that write is legal here, as they would for the person's own edit: the references' stage machine and
 * one-live-reference rule, the requests' lifecycle, the stories' stage order and customer approval, and
 * every unique key. The hub re-checks moves only from another laptop's value, so without this an
 * illegal stage written back here would reach the team as this laptop's own move.
 */

type Row = Record<string, unknown>;

/** The action that brings a request to a status (a request never goes back to requested). */
const ACTION_TO: Partial<Record<RequestStatus, RequestAction>> = {
  approved: 'approve',
  scheduled: 'schedule',
  completed: 'complete',
  declined: 'decline',
  cancelled: 'cancel',
};

type DomainRule = (sqlite: Database.Database, row: Row, value: unknown) => string | null;

const RULES: Record<string, Record<string, DomainRule>> = {
  references: {
    stage: (_sqlite, row, value) => stageMoveProblem(row.stage as ReferenceStage, value as ReferenceStage),
    archived_at: (sqlite, row, value) => {
      if (value !== null || row.archived_at === null) return null;
      const live = liveReferenceOfAccountIn(sqlite, Number(row.account_id));
      if (!live) return null;
      const account = sqlite.prepare('SELECT name FROM accounts WHERE id = ?').pluck().get(row.account_id) as string;
      return `one live reference per account: ${alreadyInProgramme(account, live)}`;
    },
  },
  reference_requests: {
    status: (_sqlite, row, value) => {
      const action = ACTION_TO[value as RequestStatus];
      if (!action) return `request ${String(row.id)} cannot go back to ${String(value)}: a request is requested only when it is made`;
      return requestActionProblem(Number(row.id), row.status as RequestStatus, action);
    },
  },
  success_stories: {
    stage: (sqlite, row, value) => {
      const approved = sqlite.prepare(`SELECT 1 FROM story_approvals WHERE story_id = ? AND role = 'customer'`).get(row.id) !== undefined;
      return moveRefusal(row.stage as StoryStage, value as StoryStage, approved);
    },
  },
};

/** A single-column unique key of `table` on `field` that another row already holds with `value`. */
function uniqueProblem(sqlite: Database.Database, table: string, field: string, rowid: number, value: unknown): string | null {
  if (value === null) return null;
  const indexes = sqlite.prepare('SELECT name FROM pragma_index_list(?) WHERE "unique" = 1').pluck().all(table) as string[];
  for (const index of indexes) {
    const columns = sqlite.prepare('SELECT name FROM pragma_index_info(?)').pluck().all(index) as string[];
    if (columns.length !== 1 || columns[0] !== field) continue;
    const holder = sqlite.prepare(`SELECT rowid FROM "${table}" WHERE "${field}" = ? AND rowid <> ?`).pluck().get(value, rowid) as number | undefined;
    if (holder !== undefined) return `${table}.${field} is unique: ${JSON.stringify(value)} is already used by ${table} row ${holder}`;
  }
  return null;
}

/** Why writing `value` into `field` of the row with this rowid would break its domain's rules here, or null. */
export function reverseProblem(sqlite: Database.Database, table: string, rowid: number, field: string, value: unknown): string | null {
  const rule = RULES[table]?.[field];
  if (rule) {
    const row = sqlite.prepare(`SELECT * FROM "${table}" WHERE rowid = ?`).get(rowid) as Row | undefined;
    const problem = row ? rule(sqlite, row, value) : null;
    if (problem) return problem;
  }
  return uniqueProblem(sqlite, table, field, rowid, value);
}
