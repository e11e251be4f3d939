import type { Context } from '../context';
import { noteChange } from '../db/inputCache';
import { pausePoint } from '../db/pausePoint';
import { applyPage } from './apply';
import { checkBudgets } from './budget';
import type { Hub } from './server/schema';
import { readState } from './state';
import type { TableShape } from './tables';

const PAGE = 1_000;

/** Pulls the hub's change log from the cursor, page by page; each page and its cursor commit together (resumable). */
export async function pullLog(
  ctx: Context,
  hub: Hub,
  shapes: Map<string, TableShape>,
  /** Optional (sync.ts): told after each committed page with the entries read and the cursor; may throw CANCELLED there (resumes from the cursor). */
  afterPage?: (read: number, cursor: number) => Promise<void>,
): Promise<number> {
  let cursor = Number(readState(ctx.sqlite).last_pulled_seq ?? 0);
  let pulled = 0;
  let read = 0;
  for (;;) {
    const page = await hub
      .selectFrom('team.change_log')
      .select(['seq', 'gid', 'tbl', 'op', 'data', 'clocks', 'client_id', 'mutation_id'])
      .where('seq', '>', cursor)
      .orderBy('seq')
      .limit(PAGE)
      .execute();
    if (page.length === 0) break;
    cursor = page.at(-1)!.seq;
    const { applied, touched } = applyPage(ctx, shapes, page, cursor);
    pulled += applied;
    // The pull writes around the domains: inputs cached by domain (db/inputCache.ts) are read again.
    if (applied > 0) noteChange(ctx.sqlite, 'workspace');
    // Asks merged from several laptops can overrun a reference's budget: listed as the page lands.
    if (touched.size > 0) checkBudgets(ctx, touched);
    pausePoint('team-pull-between-pages'); // tests only: a page and its cursor committed, the next not yet read (teamFaults.test.ts)
    read += page.length;
    await afterPage?.(read, cursor);
  }
  return pulled;
}
