import type Database from 'better-sqlite3';
import type { TeamBudget } from '../../../shared/contract/references';

/**
 * The budget warning a reference carries where marketing picks references (docs/team.md "Budgets"):
 * the open `budget` conflicts budget.ts lists when asks merged from two laptops overran a fatigue
 * budget, by the reference's local id. The largest overrun stands for the reference; the warning goes
 * when the conflict is resolved (kept by a person, or found back within budget by the next count).
 */
export function budgetWarningsOf(sqlite: Database.Database, referenceIds: readonly number[]): Map<number, TeamBudget> {
  const found = new Map<number, TeamBudget>();
  if (referenceIds.length === 0) return found;
  const rows = sqlite
    .prepare(
      `SELECT CAST(t.row_key AS INTEGER) AS id, c.field, c.local_value AS value FROM team_conflicts c
        JOIN team_rows t ON t.gid = c.gid AND t.tbl = 'references'
       WHERE c.kind = 'budget' AND c.resolved_at IS NULL AND t.row_key IN (SELECT CAST(value AS TEXT) FROM json_each(?))`,
    )
    .all(JSON.stringify(referenceIds)) as { id: number; field: string | null; value: string | null }[];
  for (const row of rows) {
    const parsed = JSON.parse(row.value ?? 'null') as { asks?: number; budget?: number; windowDays?: number } | null;
    if (!parsed || typeof parsed.asks !== 'number' || typeof parsed.budget !== 'number') continue;
    const warning: TeamBudget = { budgetOf: row.field ?? 'total', asks: parsed.asks, budget: parsed.budget, windowDays: parsed.windowDays ?? 90 };
    const before = found.get(row.id);
    if (!before || warning.asks - warning.budget > before.asks - before.budget) found.set(row.id, warning);
  }
  return found;
}
