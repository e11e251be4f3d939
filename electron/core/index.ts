import type { ChangeEvent } from '../../shared/rpc';
import type { Context, Log } from './context';
import { damaged, damagedMessage, isDamage } from './db/header';
import { openWorkspace } from './db/open';
import { openSnapshot } from './db/snapshot';
import { createDispatch, type Dispatch } from './dispatch';
import { expireStagings, stagedHandles } from './import/stage';
import { createFileAccess } from './lib/fileAccess';
import { noFiles, type FilePolicy } from './lib/filePolicy';
import { fileIdentityStore, memoryIdentityStore } from './lib/identityStore';
import { changedDomain, noteChange } from './db/inputCache';
import { ensureDerived } from './derived/refresh';
import { startDailyRefresh, type Schedule } from './derived/freshness';
import { captureOnOpen } from './team/capture';

export { CoreError } from './errors';
export type { Dispatch } from './dispatch';
export { defaultIdentityFile } from './lib/identityStore';
export { folderPolicy, grantPolicy, noFiles, plainPaths, type FilePolicy, type GrantPolicy } from './lib/filePolicy';

export interface CoreOptions {
  /** A workspace file, or ':memory:' for tests. */
  dbPath: string;
  /**
   * Make a new workspace at dbPath (the file must not exist, or be empty). Without it only an
   * existing workspace is opened: a missing or empty file is refused with a one-line message.
   */
  create?: boolean;
  /**
   * Read without writing anything to or beside the file (no -wal/-shm, no migration, no rebuild):
   * the core works on a private copy in the temp folder, migrated there, with writes refused.
   * Derived data is not refreshed. For `fulcrum info` and `fulcrum import --dry-run`.
   */
  readOnly?: boolean;
  now?: () => Date;
  log?: Log;
  /** Validate every handler's output against the contract (tests turn this on). */
  checkOutputs?: boolean;
  /**
   * Where the files that channels name may come from (lib/filePolicy.ts), chosen by the host: the
   * CLI `plainPaths()`, the HTTP bridge `folderPolicy([...])`, the desktop app `grantPolicy()`.
   * Without one, no caller can name a file (staged uploads and backups still work).
   */
  files?: FilePolicy;
  /**
   * The daily health refresh while the workspace is open (derived/freshness.ts): on by default,
   * `false` for a one-shot command, a Schedule in tests (fire it with a moved clock, not by waiting).
   */
  dailyRefresh?: boolean | Schedule;
  /**
   * The JSON file that says who uses this laptop's Fulcrum (identity.get/set): the desktop app's
   * userData folder, `defaultIdentityFile()` for the bridge and the CLI, a temp file in tests.
   * Never the workspace, which a team shares. Without one it is kept in memory only.
   */
  identityFile?: string;
  /**
   * A reader beside the core that writes (the core host's reader, issue 14: host/reader.ts): an
   * existing workspace on a query-only connection, without the opening work that writes (derived
   * data, expired staged files, the daily refresh). It sees the last committed state (WAL).
   */
  reader?: boolean;
}

export interface Core {
  dispatch: Dispatch;
  /** Hear `domain.changed` events, e.g. to forward them to the renderer. */
  subscribe(listener: (event: ChangeEvent) => void): () => void;
  close(): Promise<void>;
  readonly context: Context;
}

const silent: Log = () => {};

const identityOf = (options: CoreOptions) => (options.identityFile ? fileIdentityStore(options.identityFile) : memoryIdentityStore());

const fileAccess = (options: CoreOptions) => createFileAccess({ policy: options.files ?? noFiles(), workspace: options.dbPath, handles: [stagedHandles] });

/** The application in plain Node: everything host-specific is passed in. */
export async function createCore(options: CoreOptions): Promise<Core> {
  if (options.readOnly) return createReadOnlyCore(options);
  const { sqlite, db, schemaVersion } = await openWorkspace(options.dbPath, { create: options.reader ? false : options.create });
  if (options.reader) sqlite.pragma('query_only = ON');
  // A team workspace's capture, after its migrations (a table rebuild drops its triggers).
  else captureOnOpen(sqlite);
  const listeners = new Set<(event: ChangeEvent) => void>();
  const context: Context = {
    db,
    sqlite,
    dbPath: options.dbPath,
    schemaVersion,
    now: options.now ?? (() => new Date()),
    log: options.log ?? silent,
    emit: (event) => {
      const domain = changedDomain(event.name);
      if (domain) noteChange(sqlite, domain);
      listeners.forEach((listener) => listener(event));
    },
    files: fileAccess(options),
    identity: identityOf(options),
  };
  // A workspace written in bulk (the demo, an import) or by an older Fulcrum, or one whose
  // refresh after a bulk write never finished (the stale mark), gets its derived data here.
  try {
    const derived = options.reader ? null : ensureDerived(sqlite, context.now());
    if (derived) context.log('info', `rebuilt metrics rollups in ${derived.seconds.toFixed(1)} s`, derived);
  } catch (error) {
    await db.destroy();
    if (sqlite.open) sqlite.close();
    throw damaged(options.dbPath, error) ?? error;
  }
  // Import files staged by Fulcrums that are gone (or long ago) are deleted; a live one's are kept.
  const expired = options.reader ? [] : expireStagings();
  if (expired.length > 0) context.log('info', `deleted ${expired.length} expired staged import file(s)`, expired);
  const daily = options.dailyRefresh === false || options.reader ? null : startDailyRefresh(context, typeof options.dailyRefresh === 'function' ? options.dailyRefresh : undefined);
  return {
    dispatch: guardDamage(createDispatch(context, { checkOutputs: options.checkOutputs }), context),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      await daily?.stop();
      await db.destroy();
      // Kysely only closes a connection it has used; a workspace opened and never queried is closed here.
      if (sqlite.open) sqlite.close();
    },
    context,
  };
}

/**
 * A workspace damaged on disk fails wherever a query meets a bad page, as an unexpected error.
 * After one, SQLite's quick check says whether the file is damaged; if it is, the caller gets
 * what to do (the file, the latest backup) instead of an error id.
 */
function guardDamage(dispatch: Dispatch, context: Context): Dispatch {
  return async (channel, input) => {
    const result = await dispatch(channel, input);
    if (result.ok || result.error.code !== 'INTERNAL' || context.dbPath === ':memory:') return result;
    let intact: boolean;
    try {
      intact = context.sqlite.pragma('quick_check(1)', { simple: true }) === 'ok';
    } catch (error) {
      intact = !isDamage(error);
    }
    return intact ? result : { ok: false, error: { code: 'NOT_A_WORKSPACE', message: damagedMessage(context.dbPath) } };
  };
}

/** The core over a private, migrated copy of the file (CoreOptions.readOnly). */
async function createReadOnlyCore(options: CoreOptions): Promise<Core> {
  const snapshot = await openSnapshot(options.dbPath);
  const { sqlite, db } = snapshot;
  const context: Context = {
    db,
    sqlite,
    dbPath: options.dbPath,
    schemaVersion: snapshot.schemaVersion,
    now: options.now ?? (() => new Date()),
    log: options.log ?? silent,
    emit: () => {},
    files: fileAccess(options),
    identity: identityOf(options),
  };
  return {
    dispatch: guardDamage(createDispatch(context, { checkOutputs: options.checkOutputs }), context),
    subscribe: () => () => {},
    async close() {
      await db.destroy();
      if (sqlite.open) sqlite.close();
      snapshot.dispose();
    },
    context,
  };
}
