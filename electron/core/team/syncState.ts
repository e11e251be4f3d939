import type Database from 'better-sqlite3';
import { sql } from 'kysely';
import { CoreError } from '../errors';
import { SHARED_DOMAINS, type Domain } from '../../../shared/team';
import type { Context } from '../context';
import { runJob } from '../lib/jobs';
import { agedOutBudgetConflicts } from './budgetWarning';
import { connectHub, hubError } from './server/connect';
import { inTeam, readState, writeState } from './state';
import { syncTeam } from './sync';

// The sync state the Team screen shows (issue 19): every sync, from any host (the app's "Sync now",
// its schedule, the CLI), goes through here, so its time and outcome land in team_state whether it
// worked or not, and two syncs of one workspace never run at once in one core. The server's address
// and password never reach team_state: only counts and the error's code and message, with any
// password in it masked.

export interface LastSync {
  at: string;
  ok: boolean;
  pushed: number;
  rejected: number;
  pulled: number;
  error: { code: string; message: string } | null;
}

const ROLES = ['csm', 'marketing', 'manager', 'admin'] as const;
type Role = (typeof ROLES)[number];

/** The sync running in this core, per workspace connection: since when. */
const running = new WeakMap<Database.Database, string>();

export const syncingSince = (sqlite: Database.Database): string | null => running.get(sqlite) ?? null;

/** Domains told to reload after a sync pulled something: the shared rows' screens, and metrics and health, which are figured from them. */
const PULLED_DOMAINS = [...SHARED_DOMAINS, 'metrics', 'health'] as const satisfies readonly Domain[];

/** A message with the connection string's password (if any) masked: a driver may quote what it was given. */
export function maskPassword(message: string, server: string): string {
  let password: string;
  try {
    password = decodeURIComponent(new URL(server).password);
  } catch {
    return message;
  }
  if (password.length < 3) return message;
  return message.split(password).join('•••').split(encodeURIComponent(password)).join('•••');
}

/** The login's role and display name on the hub (team.members; the admin login that created the team has no row). */
async function memberOf(server: string): Promise<{ role: Role; member: string | null }> {
  const hub = connectHub(server);
  try {
    const row = await hub
      .selectFrom('team.members')
      .select(['role', 'display_name'])
      .where('login', '=', sql<string>`session_user`)
      .executeTakeFirst();
    return row ? { role: row.role, member: row.display_name } : { role: 'admin', member: null };
  } finally {
    await hub.destroy();
  }
}

/** What a cancelled manual sync leaves: the batches sent and pages received before the Cancel. */
const CANCEL_KEPT = 'what was sent and received before is kept; the rest goes with the next sync';

/**
 * `team.sync` with its outcome recorded (success or failure) and never two at once. A manual sync
 * is a job (jobs.progress, jobs.cancel between batches); `quiet`, the hosts' periodic one, is not:
 * no bar appears for it on the Team screen.
 */
export async function syncAndRecord(ctx: Context, server: string, quiet = false) {
  const { sqlite } = ctx;
  if (!inTeam(sqlite)) throw new CoreError('CONFLICT', 'this workspace is not in a team: create one or join one under File › Team');
  const since = running.get(sqlite);
  if (since) throw new CoreError('CONFLICT', `a sync of this workspace is already running (since ${since}); it is never run twice at once`);
  running.set(sqlite, ctx.now().toISOString());
  ctx.emit({ name: 'team.changed' });
  try {
    const result = quiet ? await syncTeam(ctx, server) : await runJob(ctx, 'team.sync', CANCEL_KEPT, (job) => syncTeam(ctx, server, job));
    // The role is shown beside the state; failing to read it does not fail the sync.
    const who = await memberOf(server).catch(() => undefined);
    const last: LastSync = { at: ctx.now().toISOString(), ok: true, pushed: result.pushed, rejected: result.rejected, pulled: result.pulled, error: null };
    sqlite.transaction(() => writeState(sqlite, { last_sync: JSON.stringify(last), ...(who ? { hub_role: who.role, hub_member: who.member ?? '' } : {}) }))();
    if (result.pulled > 0) for (const domain of PULLED_DOMAINS) ctx.emit({ name: `${domain}.changed` });
    return result;
  } catch (thrown) {
    const error = hubError(thrown);
    const last: LastSync = { at: ctx.now().toISOString(), ok: false, pushed: 0, rejected: 0, pulled: 0, error: { code: error.code, message: maskPassword(error.message, server) } };
    writeState(sqlite, { last_sync: JSON.stringify(last) });
    throw new CoreError(error.code, last.error!.message, error.issues);
  } finally {
    running.delete(sqlite);
    ctx.emit({ name: 'team.changed' });
  }
}

/** What team.info adds about syncing: the last sync, the role, whether one runs, the open conflicts. */
export function syncStateOf(sqlite: Database.Database, now: Date) {
  const state = readState(sqlite);
  let lastSync: LastSync | null;
  try {
    lastSync = state.last_sync ? (JSON.parse(state.last_sync) as LastSync) : null;
  } catch {
    lastSync = null;
  }
  const role = ROLES.find((r) => r === state.hub_role) ?? null;
  const joinedAs = (['creator', 'member'] as const).find((r) => r === state.role) ?? null;
  return {
    joinedAs,
    joinedAt: state.joined_at ?? null,
    role,
    member: state.hub_member ? state.hub_member : null,
    lastSync,
    syncingSince: syncingSince(sqlite),
    // As the Team screen lists them (team.conflicts): a budget conflict aged out is not counted.
    openConflicts: (sqlite.prepare('SELECT count(*) FROM team_conflicts WHERE resolved_at IS NULL').pluck().get() as number) - agedOutBudgetConflicts(sqlite, now).size,
  };
}
