import type { Context } from '../context';
import { loadAsks } from '../leverage/repo';
import { leverageSettings, today } from '../leverage/workspace';
import { recordConflict } from './conflicts';
import { overrunsOf } from './overrun';

/**
 * Budgets on merge (docs/team.md "Push, pull and merge"): each laptop lets an ask through only
 * while the reference is under its fatigue budget, but two laptops offline can each take the last
 * slot. After each pull page every reference whose requests changed, and after every sync each one
 * already listed (sync.ts), is counted again by the references domain's own rules (overrun.ts,
 * counting as leverage/fatigue.ts does: local days in the workspace's zone, today's window): a
 * budget it now exceeds (an activity's, or the total or usage limit) is listed as a `budget`
 * conflict on the reference, once while it stays open, and resolved by the count that finds it back
 * within budget, whether an ask was withdrawn or has aged out of the window. The reference carries
 * the warning meanwhile, counted again on every read (budgetWarning.ts), so the warning never waits
 * for this count to go. The merged rows are the same on every laptop, so is the warning.
 */
export function checkBudgets(ctx: Context, referenceGids: ReadonlySet<string>): void {
  const { sqlite } = ctx;
  const listed = sqlite.prepare(`SELECT DISTINCT gid FROM team_conflicts WHERE kind = 'budget' AND resolved_at IS NULL`).pluck().all() as string[];
  const gids = new Set([...referenceGids, ...listed]);
  // Most syncs: no request changed and nothing is listed, so the asks are not read.
  if (gids.size === 0) return;
  const settings = leverageSettings(sqlite);
  const rules = settings.leverage.fatigue;
  const asks = loadAsks(sqlite, settings.businessHours.timeZone);
  const on = today(ctx.now(), settings.businessHours.timeZone);
  const find = sqlite.prepare(`SELECT r.contact_id AS contactId, r.usage_limit_per_quarter AS usageLimit FROM team_rows t JOIN "references" r ON r.id = CAST(t.row_key AS INTEGER)
    WHERE t.gid = ? AND t.tbl = 'references' AND t.deleted = 0`);
  const backWithin = sqlite.prepare(
    `UPDATE team_conflicts SET resolved_at = ? WHERE gid = ? AND kind = 'budget' AND resolved_at IS NULL AND field NOT IN (SELECT value FROM json_each(?))`,
  );
  sqlite.transaction(() => {
    for (const gid of gids) {
      const reference = find.get(gid) as { contactId: number | null; usageLimit: number | null } | undefined;
      if (!reference || reference.contactId === null) continue;
      const over = overrunsOf(asks.get(reference.contactId) ?? [], rules, on, reference.usageLimit);
      // A budget it is back within (an ask withdrawn, moved or aged out, here or merged) no longer warns.
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
