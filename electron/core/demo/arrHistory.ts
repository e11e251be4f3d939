// An account's ARR history (arr_changes): the ARR it signed at, a move at each renewal it made
// (healthy accounts expand, struggling ones contract), and the churn. It ends at the account's
// current ARR, so the history and the accounts table agree. Its own random stream (seeded per
// account), so adding it left every other generated row as it was.

import type { AccountPlan } from './accounts';
import { createRng, hashSeed } from './random';
import type { Sink, TableName } from './rows';
import { addMonthsRollingOver } from '../../../shared/dates';
import { iso, isoDate } from './time';

/** Expected yearly ARR change at a renewal, by latent health: −15 % for a lost cause, +25 % for a fan. */
const yearlyMove = (health: number) => -0.15 + 0.4 * health;

export function generateArrHistory(sink: Sink, id: (table: TableName) => number, plan: AccountPlan, seed: number | string, today: number): void {
  const rng = createRng(hashSeed(seed, 'arr', plan.id));
  const end = Math.min(plan.churn ?? today, today);
  const renewals: number[] = [];
  for (let at = addMonthsRollingOver(plan.start, 12); at < end; at = addMonthsRollingOver(at, 12)) renewals.push(at);

  // Walk back from today's ARR through each renewal's move to the ARR signed at the start.
  const moves = renewals.map(() => (rng.chance(0.35) ? 0 : yearlyMove(plan.health) + rng.normal(0, 0.08)));
  const levels = [plan.arrMinor];
  for (let k = moves.length - 1; k >= 0; k--) levels.unshift(Math.max(100_00, Math.round(levels[0]! / (1 + moves[k]!) / 100_00) * 100_00));
  levels[levels.length - 1] = plan.arrMinor;

  const write = (at: number, arr: number, kind: string) => sink.arr_changes([id('arr_changes'), plan.id, isoDate(at), arr, kind, iso(at)]);
  write(plan.start, levels[0]!, 'new');
  renewals.forEach((at, k) => {
    const [before, after] = [levels[k]!, levels[k + 1]!];
    if (after !== before) write(at, after, after > before ? 'expansion' : 'contraction');
  });
  if (plan.churn !== null && plan.churn <= today) write(plan.churn, 0, 'churn');
}
