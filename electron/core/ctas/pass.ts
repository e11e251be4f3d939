import type Database from 'better-sqlite3';
import type { Context } from '../context';
import { exclusive } from '../db/exclusive';
import { runJob, type Job } from '../lib/jobs';
import { evaluateAll } from './engine';
import { ruleInputBatches } from './inputs';

// The full rule pass (all rules over all current customers) as a cancellable job (lib/jobs.ts): the
// ctas.evaluate channel without an account, and the daily refresh after health's recompute. It runs
// in steps of STEP_ACCOUNTS accounts (their inputs measured, their rules run, their calls to action
// opened), handing the event loop back between them so `jobs.progress` leaves and a cancel lands;
// all of it in ONE transaction, so a cancel or a failure opens nothing (the next pass, or the next
// write on an account, does it again: the ids are deterministic).

/** Accounts per step: small enough that a cancel lands within a fraction of a second at 20,000 accounts. */
export const STEP_ACCOUNTS = 500;

export const RULE_PASS_CHANNEL = 'ctas.evaluate';

/** The pass over every current customer, in steps; `step` runs between them (reports, yields, may throw CANCELLED). Inside the caller's transaction. */
export async function evaluateAllInSteps(
  sqlite: Database.Database,
  now: Date,
  step: (done: number, total: number) => Promise<void>,
  size = STEP_ACCOUNTS,
): Promise<{ accounts: number; opened: string[] }> {
  const { total, batches } = ruleInputBatches(sqlite, now, size);
  const opened: string[] = [];
  let done = 0;
  await step(0, total);
  for (const batch of batches) {
    opened.push(...evaluateAll(sqlite, now, batch).opened);
    done += batch.length;
    await step(done, total);
  }
  return { accounts: total, opened };
}

/** The pass on a connection already held (exclusive): BEGIN IMMEDIATE, the steps, COMMIT; ROLLBACK when cancelled or failed. */
export async function rulePassInTransaction(sqlite: Database.Database, now: Date, job: Job): Promise<{ accounts: number; opened: string[] }> {
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    const result = await evaluateAllInSteps(sqlite, now, async (done, total) => {
      job.progress(done, total, 'rules');
      await job.step();
    });
    sqlite.exec('COMMIT');
    return result;
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw error;
  }
}

/** The rule pass as the job of the ctas.evaluate channel (the caller tells the screens what it opened: announceOpened). */
export function rulePassJob(ctx: Context): Promise<{ accounts: number; opened: string[] }> {
  return runJob(ctx, RULE_PASS_CHANNEL, 'no call to action was opened', async (job) => {
    // exclusive holds the connection until the steps' promise settles (the transaction spans their turns).
    const result = await exclusive(ctx, (sqlite) => rulePassInTransaction(sqlite, ctx.now(), job));
    return result;
  });
}
