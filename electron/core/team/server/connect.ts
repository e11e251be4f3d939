import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { CoreError } from '../../errors';
import type { Hub, HubDatabase } from './schema';

// pg hands bigint (int8) back as a string by default; the hub's counters (seq, version, mutation
// ids) stay far below 2^53, so they are read as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** A connection to the team server; `max: 1` keeps SET LOCAL and transactions on one session. */
export function connectHub(url: string): Hub {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CoreError('BAD_INPUT', 'the team server must be a postgres:// connection string');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new CoreError('BAD_INPUT', `the team server must be a postgres:// connection string, not ${parsed.protocol}//`);
  }
  const pool = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 15_000, statement_timeout: 120_000 });
  // An idle connection that drops (server restart) must not crash the process: the next query fails instead.
  pool.on('error', () => undefined);
  return new Kysely<HubDatabase>({ dialect: new PostgresDialect({ pool }) });
}

/** A server error as the core reports it: refused permissions are FORBIDDEN, the rest UNAVAILABLE. */
export function hubError(error: unknown): CoreError {
  if (error instanceof CoreError) return error;
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === '42501') return new CoreError('FORBIDDEN', `the team server refused the write: ${message}`);
  if (code === '28P01' || code === '28000') return new CoreError('FORBIDDEN', `the team server refused the login: ${message}`);
  return new CoreError('UNAVAILABLE', `the team server: ${message}`);
}
