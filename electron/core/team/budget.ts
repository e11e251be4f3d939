import type { Context } from '../context';
import { readSettings } from '../db/settings';
import { availabilityOf } from '../leverage/fatigue';
import { loadAsks } from '../leverage/repo';
import { recordConflict } from './conflicts';

/**
 * Budgets on merge (docs/team.md "Push, pull and merge"): each laptop lets an ask through only
 * while the reference is under its fatigue budget, but two laptops offline can each take the last
 * slot. After a pull, every reference whose requests changed is counted again by the references
 * domain's own rules (leverage/fatigue.ts over leverage/repo.ts's asks, today's window): a budget
 * it now exceeds (an activity's, or the total or usage limit) is listed as a `budget` conflict on
 * the reference, once while it stays open, and resolved by the count that finds it back within
 * budget (the reference carries the warning meanwhile: budgetWarning.ts). The merged rows are the same on every laptop, so is the
 * warning.
 */
export function checkBudgets(ctx: Context, referenceGids: ReadonlySet<string>): void {
  const { sqlite } = ctx;
  const rules = readSettings(sqlite).leverage.fatigue;
  const asks = loadAsks(sqlite);
  const on = ctx.now().toISOString().slice(0, 10);
  const find = sqlite.prepare(`SELECT r.contact_id AS contactId, r.usage_limit_per_quarter AS usageLimit FROM team_rows t JOIN "references" r ON r.id = CAST(t.row_key AS INTEGER)
    WHERE t.gid = ? AND t.tbl = 'references' AND t.deleted = 0`);
  const backWithin = sqlite.prepare(
    `UPDATE team_conflicts SET resolved_at = ? WHERE gid = ? AND kind = 'budget' AND resolved_at IS NULL AND field NOT IN (SELECT value FROM json_each(?))`,
  );
  sqlite.transaction(() => {
    for (const gid of referenceGids) {
      const reference = find.get(gid) as { contactId: number | null; usageLimit: number | null } | undefined;
      if (!reference || reference.contactId === null) continue;
      const answer = availabilityOf(asks.get(reference.contactId) ?? [], rules, 'reference_call', on, reference.usageLimit);
      const over: { field: string; asks: number; budget: number }[] = answer.activities
        .filter((a) => a.asks > a.budget)
        .map((a) => ({ field: a.activity, asks: a.asks, budget: a.budget }));
      if (answer.total.asks > answer.total.budget)
        over.push({ field: answer.total.fromUsageLimit ? 'usage_limit_per_quarter' : 'total', asks: answer.total.asks, budget: answer.total.budget });
      // A budget it is back within (an ask withdrawn or moved, here or merged) no longer warns.
      backWithin.run(ctx.now().toISOString(), gid, JSON.stringify(over.map((o) => o.field)));
      for (const o of over) {
        recordConflict(
          sqlite,
          {
            tbl: 'references',
            gid,
            field: o.field,
            kind: 'budget',
            localValue: JSON.stringify({ asks: o.asks, budget: o.budget, windowDays: rules.windowDays }),
            remoteValue: null,
            localHlc: null,
            remoteHlc: null,
          },
          ctx.now().toISOString(),
        );
      }
    }
  })();
}
