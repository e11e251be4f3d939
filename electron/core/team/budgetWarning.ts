import type Database from 'better-sqlite3';
import type { TeamBudget } from '../../../shared/contract/references';
import type { Ask } from '../leverage/fatigue';
import { ASK_STATUSES, type ReferenceActivity } from '../leverage/types';
import { localDay } from '../leverage/fatigue';
import { leverageSettings, today } from '../leverage/workspace';
import { parseHlc } from './hlc';
import { overrunsOf } from './overrun';
import { readState } from './state';

/**
 * The budget warning a reference carries where marketing picks references (docs/team.md "Budgets").
 * An open `budget` conflict (budget.ts: asks merged from several laptops overran a fatigue budget)
 * marks the reference; what the warning says is counted on every read, today in the workspace's
 * zone, so the warning goes by itself the day enough asks have aged out of the window, with no write
 * and no sync (a stored count would stand until the next pull). It goes at once when the conflict
 * is resolved (kept by a person, or found back within budget by a pull's count).
 */

interface CountedAsk extends Ask {
  requester: string;
  /** The client id of the laptop that made it; null: made here and not yet sent. */
  laptop: string | null;
}

const ASKED = ASK_STATUSES.map((s) => `'${s}'`).join(',');

/** The laptop a request was made on: the client id of the hub's earliest clock of its row (its insert). */
function laptopOf(agreed: string | null): string | null {
  const clocks = Object.values(JSON.parse(agreed ?? '{}') as Record<string, string>).filter((c) => c !== '');
  if (clocks.length === 0) return null;
  return parseHlc(clocks.sort()[0]!).clientId;
}

function asksOfContacts(sqlite: Database.Database, contactIds: number[], timeZone: string): Map<number, CountedAsk[]> {
  const rows = sqlite
    .prepare(
      `SELECT r.contact_id AS contactId, q.activity, coalesce(q.completed_at, q.scheduled_for, q.requested_at) AS at, q.status = 'completed' AS completed,
              q.requester, t.agreed
         FROM reference_requests q JOIN "references" r ON r.id = q.reference_id
         LEFT JOIN team_rows t ON t.tbl = 'reference_requests' AND t.row_key = CAST(q.id AS TEXT)
        WHERE r.contact_id IN (SELECT value FROM json_each(?)) AND q.status IN (${ASKED})`,
    )
    .all(JSON.stringify(contactIds)) as { contactId: number; activity: ReferenceActivity; at: string; completed: number; requester: string; agreed: string | null }[];
  const byContact = new Map<number, CountedAsk[]>();
  for (const row of rows) {
    const list = byContact.get(row.contactId) ?? [];
    list.push({ activity: row.activity, at: row.at, completed: row.completed === 1, day: localDay(row.at, timeZone), requester: row.requester, laptop: laptopOf(row.agreed) });
    byContact.set(row.contactId, list);
  }
  return byContact;
}

/** The warnings of these references (by local id) on `now`'s day: the largest overrun stands for a reference. */
export function budgetWarningsOf(sqlite: Database.Database, referenceIds: readonly number[], now: Date): Map<number, TeamBudget> {
  const found = new Map<number, TeamBudget>();
  if (referenceIds.length === 0) return found;
  const marked = sqlite
    .prepare(
      `SELECT DISTINCT r.id, r.contact_id AS contactId, r.usage_limit_per_quarter AS usageLimit
         FROM team_conflicts c JOIN team_rows t ON t.gid = c.gid AND t.tbl = 'references' AND t.deleted = 0
         JOIN "references" r ON r.id = CAST(t.row_key AS INTEGER)
        WHERE c.kind = 'budget' AND c.resolved_at IS NULL AND r.contact_id IS NOT NULL
          AND t.row_key IN (SELECT CAST(value AS TEXT) FROM json_each(?))`,
    )
    .all(JSON.stringify(referenceIds)) as { id: number; contactId: number; usageLimit: number | null }[];
  // Almost every read: no reference here has an open budget conflict.
  if (marked.length === 0) return found;
  const settings = leverageSettings(sqlite);
  const rules = settings.leverage.fatigue;
  const on = today(now, settings.businessHours.timeZone);
  const asks = asksOfContacts(
    sqlite,
    marked.map((m) => m.contactId),
    settings.businessHours.timeZone,
  );
  const here = readState(sqlite).client_id ?? null;
  for (const reference of marked) {
    const overruns = overrunsOf(asks.get(reference.contactId) ?? [], rules, on, reference.usageLimit);
    const largest = overruns.sort((a, b) => b.asks - b.budget - (a.asks - a.budget))[0];
    if (!largest) continue;
    found.set(reference.id, {
      budgetOf: largest.field,
      asks: largest.asks,
      budget: largest.budget,
      windowDays: rules.windowDays,
      withinBudgetOn: largest.withinBudgetOn,
      laptops: new Set(largest.counted.map((a) => (a.laptop === null ? here : a.laptop))).size,
      asked: largest.counted.map((a) => ({
        requester: a.requester,
        activity: a.activity,
        day: a.day ?? a.at.slice(0, 10),
        thisLaptop: a.laptop === null || a.laptop === here,
        laptop: a.laptop,
      })),
    });
  }
  return found;
}

/**
 * The open budget conflicts whose reference is back within its budget on `now`'s day (the asks aged
 * out of the window): the Team screen lists and counts them no more, as the reference no longer warns,
 * though only the next sync's count records them resolved (a read writes nothing).
 */
export function agedOutBudgetConflicts(sqlite: Database.Database, now: Date): Set<number> {
  const open = sqlite
    .prepare(
      `SELECT c.id, CAST(t.row_key AS INTEGER) AS referenceId
         FROM team_conflicts c JOIN team_rows t ON t.gid = c.gid AND t.tbl = 'references' AND t.deleted = 0
        WHERE c.kind = 'budget' AND c.resolved_at IS NULL`,
    )
    .all() as { id: number; referenceId: number }[];
  if (open.length === 0) return new Set();
  const warnings = budgetWarningsOf(
    sqlite,
    open.map((o) => o.referenceId),
    now,
  );
  return new Set(open.filter((o) => !warnings.has(o.referenceId)).map((o) => o.id));
}
