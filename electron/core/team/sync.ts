import { CoreError } from '../errors';
import type { Context } from '../context';
import { markDerivedStale } from '../derived/refresh';
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
 */
export async function syncTeam(ctx: Context, server: string) {
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
    outcome = await pushOutbox(ctx, hub, shapes, state.client_id);
    // Erasures made here reach the hub after the outbox (which now reads the scrubbed rows), before the pull (I).
    await sendErasures(ctx, hub);
    pulled = await pullLog(ctx, hub, shapes);
  } catch (error) {
    throw hubError(error);
  } finally {
    await hub.destroy();
  }
  if (pulled > 0) markDerivedStale(sqlite, 'pulled changes from the team', ctx.now());
  // A pulled erasure: the file is rebuilt so no freed page keeps the person (docs/privacy.md).
  vacuumAfterErasures(sqlite, ctx.now());
  return { ...outcome, pulled, pending: sqlite.prepare('SELECT count(*) FROM team_changes').pluck().get() as number };
}
