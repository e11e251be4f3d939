import type Database from 'better-sqlite3';
import type { Context } from '../context';

/**
 * Runs synchronous better-sqlite3 work while holding Kysely's connection, so it never lands in the
 * middle of another channel's open write transaction (Kysely serialises its single connection
 * with a lock; direct calls on `ctx.sqlite` would bypass it). Not for use inside a write's
 * transaction (an afterWrite hook already holds the connection).
 */
export function exclusive<T>(ctx: Context, fn: (sqlite: Database.Database) => T): Promise<T> {
  return ctx.db.connection().execute(async () => fn(ctx.sqlite));
}
