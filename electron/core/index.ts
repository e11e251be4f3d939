import type { ChangeEvent } from '../../shared/rpc';
import type { Context, Log } from './context';
import { openWorkspace } from './db/open';
import { createDispatch, type Dispatch } from './dispatch';
import { expireStagings } from './import/stage';
import { noteChange } from './metrics/cache';
import { ensureDerived } from './metrics/derived';

export { CoreError } from './errors';
export type { Dispatch } from './dispatch';

export interface CoreOptions {
  /** A workspace file, or ':memory:' for tests. */
  dbPath: string;
  now?: () => Date;
  log?: Log;
  /** Validate every handler's output against the contract (tests turn this on). */
  checkOutputs?: boolean;
}

export interface Core {
  dispatch: Dispatch;
  /** Hear `domain.changed` events, e.g. to forward them to the renderer. */
  subscribe(listener: (event: ChangeEvent) => void): () => void;
  close(): Promise<void>;
  readonly context: Context;
}

const silent: Log = () => {};

/** The application in plain Node: everything host-specific is passed in. */
export async function createCore(options: CoreOptions): Promise<Core> {
  const { sqlite, db, schemaVersion } = await openWorkspace(options.dbPath);
  const listeners = new Set<(event: ChangeEvent) => void>();
  const context: Context = {
    db,
    sqlite,
    dbPath: options.dbPath,
    schemaVersion,
    now: options.now ?? (() => new Date()),
    log: options.log ?? silent,
    emit: (event) => {
      noteChange(sqlite, event.name.split('.')[0]!);
      listeners.forEach((listener) => listener(event));
    },
  };
  // A workspace written in bulk (the demo, an import) or by an older Fulcrum gets its rollups here.
  const derived = ensureDerived(sqlite, context.now());
  if (derived) context.log('info', `rebuilt metrics rollups in ${derived.seconds.toFixed(1)} s`, derived);
  // Import files staged by Fulcrums that are gone (or long ago) are deleted; a live one's are kept.
  const expired = expireStagings();
  if (expired.length > 0) context.log('info', `deleted ${expired.length} expired staged import file(s)`, expired);
  return {
    dispatch: createDispatch(context, { checkOutputs: options.checkOutputs }),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      await db.destroy();
      // Kysely only closes a connection it has used; a workspace opened and never queried is closed here.
      if (sqlite.open) sqlite.close();
    },
    context,
  };
}
