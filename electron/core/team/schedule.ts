import type { Result } from '../../../shared/rpc';
import {
  DEFAULT_SYNC_MINUTES,
  TEAM_HOST,
  teamAddMemberInput,
  teamConnectInput,
  teamScheduleInput,
  teamSyncInput,
  type TeamConnectInput,
  type TeamHostStatus,
} from '../../../shared/teamHost';
import type { Log } from '../context';
import type { Dispatch } from '../handlerTypes';
import { withPassword, withoutPassword, type ConnectionStore } from './connection';

// The hosts' team sync (the desktop shell and `npm run web`, like backup/schedule.ts): on open, every
// few minutes, and on demand, never two at once, against whichever workspace is open. The work runs
// in the core's own process or thread (team.sync over dispatch), so the host's event loop only waits
// on a promise. The host holds the connection string (the desktop decrypts it from the keychain when
// a sync starts) and adds it to the call: the renderer never gets it back. A failed background sync
// is recorded by the core (team.info's lastSync) and shown by the Team screen, never as a dialog.

export type HostChannel = (input: unknown, dispatch: Dispatch) => Promise<Result<unknown>>;

export interface TeamSessionOptions {
  current(): Dispatch | undefined;
  store: ConnectionStore;
  /**
   * The host's join: the desktop asks where to save a new workspace (its save dialog), joins it and
   * opens it; the browser build joins the open workspace, which must be new and empty.
   */
  join(server: string): Promise<Result<{ teamId: string }>>;
  log: Log;
  now?: () => Date;
  /** A minute in milliseconds: tests shorten it to see the schedule fire. */
  minuteMs?: number;
}

export interface TeamSession {
  channels: Record<string, HostChannel>;
  /** The open workspace changed (or was opened): sync now if its team's connection is known, then on schedule. */
  check(): void;
  stop(): void;
}

/** The hub's refusal of the login itself (server/connect.ts hubError): such a password is not kept. */
const REFUSED_LOGIN = /refused the login/;

const bad = (message: string): Result<never> => ({ ok: false, error: { code: 'BAD_INPUT', message } });

function parsed<T>(
  schema: { safeParse(input: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } },
  channel: string,
  input: unknown,
) {
  const result = schema.safeParse(input ?? {});
  if (result.success) return { ok: true as const, value: result.data };
  return bad(`${channel}: ${result.error.issues.map((i) => `${i.path.map(String).join('.') || 'input'}: ${i.message}`).join('; ')}`);
}

async function teamIdOf(dispatch: Dispatch): Promise<string | null> {
  const info = await dispatch('team.info', {});
  return info.ok ? (info.value as { teamId: string | null }).teamId : null;
}

export function startTeamSession(options: TeamSessionOptions): TeamSession {
  const { store, log } = options;
  const now = options.now ?? (() => new Date());
  /** Connection strings given this session (typed by the user or decrypted), per team id: memory only. */
  const known = new Map<string, string>();
  let running: Promise<Result<unknown>> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let nextAt: Date | null = null;
  let stopped = false;

  const minutes = () => store.minutes() ?? DEFAULT_SYNC_MINUTES;
  const minuteMs = options.minuteMs ?? 60_000;

  function later(): void {
    clearTimeout(timer);
    nextAt = null;
    if (stopped || minutes() === 0) return;
    nextAt = new Date(now().getTime() + minutes() * minuteMs);
    timer = setTimeout(() => void background(), minutes() * minuteMs);
    timer.unref();
  }

  /** The string to sync with: this session's, else the kept one (decrypted by the store), else the address and `password`. */
  function serverFor(teamId: string, password?: string): string | undefined {
    const kept = store.load(teamId);
    if (password !== undefined && kept?.kept === 'session') return withPassword(kept.address, password);
    const inMemory = known.get(teamId);
    if (inMemory) return inMemory;
    if (kept?.kept === 'keychain') return kept.server;
    return undefined;
  }

  /**
   * One sync at a time: a sync asked for while one runs gets that one's outcome. `given` is a whole
   * connection string the user typed for a team whose connection this laptop does not keep yet.
   */
  function sync(password?: string, given?: TeamConnectInput, quiet = false): Promise<Result<unknown>> {
    running ??= (async (): Promise<Result<unknown>> => {
      const dispatch = options.current();
      if (!dispatch) return { ok: false, error: { code: 'INTERNAL', message: 'no workspace is open' } };
      const teamId = await teamIdOf(dispatch);
      if (!teamId) return { ok: false, error: { code: 'CONFLICT', message: 'this workspace is not in a team: create one or join one under File › Team' } };
      if (given) {
        const result = await dispatch('team.sync', { server: given.server });
        if (result.ok || !REFUSED_LOGIN.test(result.error.message)) keep(teamId, given);
        return result;
      }
      const server = serverFor(teamId, password);
      if (!server) {
        return {
          ok: false,
          error: { code: 'FORBIDDEN', message: "this laptop does not know the team server's password: enter it to sync (Fulcrum keeps it as you choose)" },
        };
      }
      // The schedule's sync is quiet (no job, no bar); one asked for on the Team screen is a job with progress and Cancel.
      const result = await dispatch('team.sync', quiet ? { server, quiet } : { server });
      // A refused login is not remembered: the next try asks again.
      if (result.ok || !REFUSED_LOGIN.test(result.error.message)) known.set(teamId, server);
      return result;
    })().finally(() => {
      running = undefined;
      later();
    });
    return running;
  }

  /** The schedule's sync: only for a team whose connection is known without asking; quiet otherwise. */
  async function background(): Promise<void> {
    const dispatch = options.current();
    const teamId = dispatch && !running ? await teamIdOf(dispatch) : null;
    if (!teamId || serverFor(teamId) === undefined) return later();
    const result = await sync(undefined, undefined, true);
    if (!result.ok) log('warn', `team sync: ${result.error.message}`);
  }

  function keepAllowed(input: TeamConnectInput): string | undefined {
    const keyring = store.keyring();
    if (input.keep === 'session') return undefined;
    if (keyring === 'none') return 'this system offers no keychain to Fulcrum: choose to enter the password each time Fulcrum starts';
    if (keyring === 'basic_text' && input.plainTextOk !== true) {
      return 'this system has no keyring (Electron would keep the password under a fixed key, readable by anyone who can read your files): say so explicitly (plainTextOk) or enter the password each time';
    }
    return undefined;
  }

  function keep(teamId: string, input: TeamConnectInput): void {
    known.set(teamId, input.server);
    store.save(teamId, input.keep === 'keychain' ? { kept: 'keychain', server: input.server } : { kept: 'session', address: withoutPassword(input.server) });
  }

  /** A call into the core that needs the team server: the kept connection added, or the password asked for. */
  async function withServer(dispatch: Dispatch, call: (server: string) => Promise<Result<unknown>>): Promise<Result<unknown>> {
    const teamId = await teamIdOf(dispatch);
    if (!teamId) return { ok: false, error: { code: 'CONFLICT', message: 'this workspace is not in a team: create one or join one under File › Team' } };
    const server = serverFor(teamId);
    if (!server) return { ok: false, error: { code: 'FORBIDDEN', message: "this laptop does not know the team server's password: enter it under Sync first" } };
    return call(server);
  }

  const channels: Record<string, HostChannel> = {
    [TEAM_HOST.status]: async (_input, dispatch) => {
      const teamId = await teamIdOf(dispatch);
      const kept = teamId ? store.load(teamId) : undefined;
      const status: TeamHostStatus = {
        keyring: store.keyring(),
        connection: kept
          ? kept.kept === 'keychain'
            ? { address: withoutPassword(kept.server), kept: 'keychain', needsPassword: false }
            : { address: kept.address, kept: 'session', needsPassword: !known.has(teamId!) }
          : null,
        minutes: minutes(),
        nextSyncAt: nextAt?.toISOString() ?? null,
        syncing: running !== undefined,
      };
      return { ok: true, value: status };
    },
    [TEAM_HOST.create]: async (input, dispatch) => {
      const request = parsed(teamConnectInput, TEAM_HOST.create, input);
      if (!request.ok) return request;
      const refusal = keepAllowed(request.value);
      if (refusal) return bad(refusal);
      const result = await dispatch('team.create', { server: request.value.server });
      if (result.ok) {
        keep((result.value as { teamId: string }).teamId, request.value);
        later();
      }
      return result;
    },
    [TEAM_HOST.join]: async (input) => {
      const request = parsed(teamConnectInput, TEAM_HOST.join, input);
      if (!request.ok) return request;
      const refusal = keepAllowed(request.value);
      if (refusal) return bad(refusal);
      const result = await options.join(request.value.server);
      if (result.ok) {
        keep(result.value.teamId, request.value);
        later();
      }
      return result;
    },
    [TEAM_HOST.sync]: async (input) => {
      const request = parsed(teamSyncInput, TEAM_HOST.sync, input);
      if (!request.ok) return request;
      return sync(request.value.password);
    },
    [TEAM_HOST.connect]: async (input) => {
      const request = parsed(teamConnectInput, TEAM_HOST.connect, input);
      if (!request.ok) return request;
      const refusal = keepAllowed(request.value);
      if (refusal) return bad(refusal);
      return sync(undefined, request.value);
    },
    [TEAM_HOST.forget]: async (_input, dispatch) => {
      const teamId = await teamIdOf(dispatch);
      if (teamId) {
        store.remove(teamId);
        known.delete(teamId);
      }
      return { ok: true, value: { forgotten: teamId !== null } };
    },
    [TEAM_HOST.members]: (_input, dispatch) => withServer(dispatch, (server) => dispatch('team.members', { server })),
    [TEAM_HOST.addMember]: async (input, dispatch) => {
      const request = parsed(teamAddMemberInput, TEAM_HOST.addMember, input);
      if (!request.ok) return request;
      return withServer(dispatch, (server) => dispatch('team.addMember', { server, ...request.value }));
    },
    [TEAM_HOST.schedule]: async (input) => {
      const request = parsed(teamScheduleInput, TEAM_HOST.schedule, input);
      if (!request.ok) return request;
      store.setMinutes(request.value.minutes);
      // Turned off while a sync runs: no next sync from now on (a running one re-arms the timer only when it ends).
      if (!running || request.value.minutes === 0) later();
      return { ok: true, value: { minutes: request.value.minutes, nextSyncAt: nextAt?.toISOString() ?? null } };
    },
  };

  return {
    channels,
    check() {
      if (stopped) return;
      // On open: sync now when the team's connection is known without asking; the schedule follows.
      void background();
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      nextAt = null;
    },
  };
}
