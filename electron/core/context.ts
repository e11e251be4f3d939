import type Database from 'better-sqlite3';
import type { ChangeEvent } from '../../shared/rpc';
import type { Db } from './db/schema';
import type { FileAccess } from './lib/fileAccess';
import type { IdentityStore } from './lib/identityStore';

export type Log = (level: 'info' | 'warn' | 'error', message: string, detail?: unknown) => void;

/** What every handler gets: the workspace, the injected clock and logger, and a way to announce changes. */
export interface Context {
  /** Typed with the workspace's tables (db/schema.ts). */
  db: Db;
  sqlite: Database.Database;
  dbPath: string;
  schemaVersion: number;
  now: () => Date;
  log: Log;
  emit: (event: ChangeEvent) => void;
  /** Every file a channel names goes through here: the host's file policy and core-issued handles (lib/fileAccess.ts). */
  files: FileAccess;
  /** Who uses this laptop's Fulcrum (kept per laptop, never in the workspace): lib/identityStore.ts. */
  identity: IdentityStore;
}
