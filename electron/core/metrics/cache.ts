import type Database from 'better-sqlite3';
import { stmt } from './rollups/sql';

/**
 * A cache of tables the dashboard reads whole (accounts, ARR history, current health), valid while
 * the workspace is unchanged: the key is SQLite's own change counters (`total_changes()` for this
 * connection's writes, `PRAGMA data_version` for other connections' commits), so any write, through
 * the core or not, invalidates it. Results are never cached, only these inputs.
 */
const caches = new WeakMap<Database.Database, { key: string; values: Map<string, unknown> }>();

function stateKey(sqlite: Database.Database): string {
  const changes = stmt(sqlite, 'SELECT total_changes()').pluck().get() as number;
  const version = stmt(sqlite, 'PRAGMA data_version').pluck().get() as number;
  return `${version}/${changes}`;
}

export function cached<T>(sqlite: Database.Database, name: string, load: () => T): T {
  const key = stateKey(sqlite);
  let entry = caches.get(sqlite);
  if (!entry || entry.key !== key) caches.set(sqlite, (entry = { key, values: new Map() }));
  if (!entry.values.has(name)) entry.values.set(name, load());
  return entry.values.get(name) as T;
}
