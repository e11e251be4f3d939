import { CoreError } from '../errors';
import type { Context } from '../context';
import { markDerivedStale } from '../derived/refresh';
import type { Job } from '../lib/jobs';
import { checkBudgets } from './budget';
import { sendErasures, vacuumAfterErasures } from './erasure';
import { pullLog } from './pull';
import { pushOutbox } from './push';
import { connectHub, hubError } from './server/connect';
import { LATEST_HUB_VERSION } from './server/migrations';
import { readState } from './state';
import { sharedOrder } from './tables';

/**
 * team.sync: pushes the outbox (`push.ts`), then pulls the hub's change log from the cursor
 * (`pull.ts`). Derived data is rebuilt locally from what was pulled, never synced.
 *
 * With a `job` (a manual sync, lib/jobs.ts) it reports phases `push` (changes sent of those pending
 * at the start), `pull` (entries read of those on the hub past the cursor at the start) and `derived`,
 * and stops between batches when cancelled: a pushed batch is recorded before the check (push is
 * idempotent by batch and mutation id) and a pulled page commits with its cursor, so the next sync
 * goes on from there, nothing lost or sent twice (tests/integration/teamSyncJob.test.ts).
 */
export async function syncTeam(ctx: Context, server: string, job?: Job) {
  const { sqlite } = ctx;
  const state = readState(sqlite);
  if (!state.team_id || !state.client_id) throw new CoreError('CONFLICT', 'this workspace is not in a team');
  const shapes = new Map(sharedOrder(sqlite).map((s) => [s.table as string, s]));
  const hub = connectHub(server);
  let outcome: { pushed: number; rejected: number };
  let pulled: number;
  try {
    // Members cannot migrate the hub (only its admin can): an older hub is named, not upgraded.
    const { v } = await hub
      .selectFrom('team.migrations')
      .select((eb) => eb.fn.max<number | null>('version').as('v'))
      .executeTakeFirstOrThrow();
    if ((v ?? 0) < LATEST_HUB_VERSION)
      throw new CoreError('CONFLICT', `the team server's schema is older than this Fulcrum's (${LATEST_HUB_VERSION}); its admin upgrades it by running team init against it`);
    const toPush = sqlite.prepare('SELECT count(*) FROM team_changes').pluck().get() as number;
    job?.progress(0, Math.max(toPush, 1), 'push');
    outcome = await pushOutbox(ctx, hub, shapes, state.client_id, job && (async (n) => (job.progress(Math.min(n, toPush), Math.max(toPush, 1), 'push'), job.step())));
    // Erasures made here reach the hub after the outbox (which now reads the scrubbed rows), before the pull (I).
    await sendErasures(ctx, hub);
    let toPull = 1;
    if (job) {
      const from = Number(readState(sqlite).last_pulled_seq ?? 0);
      const meta = await hub.selectFrom('team.meta').select('seq').executeTakeFirst();
      toPull = Math.max(Number(meta?.seq ?? 0) - from, 1);
      job.progress(0, toPull, 'pull');
    }
    pulled = await pullLog(ctx, hub, shapes, job && (async (read) => (job.progress(Math.min(read, toPull), toPull, 'pull'), job.step())));
  } catch (error) {
    throw hubError(error);
  } finally {
    await hub.destroy();
  }
  // A listed budget overrun whose asks have aged out of the window is settled even when nothing was pulled.
  checkBudgets(ctx, new Set());
  job?.progress(0, 1, 'derived');
  if (pulled > 0) markDerivedStale(sqlite, 'pulled changes from the team', ctx.now());
  // A pulled erasure: the file is rebuilt so no freed page keeps the person (docs/privacy.md).
  vacuumAfterErasures(sqlite, ctx.now());
  job?.progress(1, 1, 'derived');
  return { ...outcome, pulled, pending: sqlite.prepare('SELECT count(*) FROM team_changes').pluck().get() as number };
}
