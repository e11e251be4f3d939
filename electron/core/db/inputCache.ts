import type Database from 'better-sqlite3';
import { stmt } from './sql';

/**
 * A cache of tables the core reads whole (the journey inputs, the finder's, the churn history),
 * valid while what they were read from is unchanged. Results are never cached, only inputs.
 *
 * Validity comes from SQLite's own change counters — `total_changes()` for this connection's
 * writes, `PRAGMA data_version` for other connections' commits — so any write, through the core or
 * not, invalidates an input by default. An input that names the domains it is read from
 * (`dependsOn`) survives this connection's writes to other domains: the core reports each domain's
 * writes here through its change events (noteChange). Only inputs whose tables are written solely
 * through the core's domain channels may name them. The dashboard's inputs are kept in step with
 * writes instead (metrics/inputs.ts, through metrics/changeLog.ts).
 */
const caches = new WeakMap<Database.Database, Map<string, { key: string; value: unknown }>>();
const generations = new WeakMap<Database.Database, Map<string, number>>();

/** Records a write to a domain (`tickets`, `accounts`, …); `workspace` means everything may have changed. */
export function noteChange(sqlite: Database.Database, domain: string): void {
  const counts = generations.get(sqlite) ?? new Map<string, number>();
  generations.set(sqlite, counts);
  counts.set(domain, (counts.get(domain) ?? 0) + 1);
}

/**
 * The domain an event says was written, or null: only `domain.changed` is a change. Progress
 * (`health.progress`, `metrics.progress`, `jobs.progress`, `import.progress`) reports long work
 * still running; counting it as a write dropped every cached input of that domain on each step.
 */
export const changedDomain = (eventName: string): string | null => (eventName.endsWith('.changed') ? eventName.slice(0, -'.changed'.length) : null);

/** How many writes to a domain this connection has announced (noteChange); inputs kept in step with writes compare it with what they applied. */
export const generationOf = (sqlite: Database.Database, domain: string): number => generations.get(sqlite)?.get(domain) ?? 0;

/** Every domain this connection has announced a write to (noteChange), for a reader kept in step with all of them (metrics/changeLog.ts). */
export const knownDomains = (sqlite: Database.Database): string[] => [...(generations.get(sqlite)?.keys() ?? [])];

function stateKey(sqlite: Database.Database, dependsOn?: readonly string[]): string {
  const version = stmt<number>(sqlite, 'PRAGMA data_version').pluck().get()!;
  if (!dependsOn) return `${version}/${stmt<number>(sqlite, 'SELECT total_changes()').pluck().get()!}`;
  const counts = generations.get(sqlite);
  const of = (domain: string) => counts?.get(domain) ?? 0;
  return `${version}/${of('workspace')}/${dependsOn.map(of).join('/')}`;
}

export function cached<T>(sqlite: Database.Database, name: string, load: () => T, dependsOn?: readonly string[]): T {
  const key = stateKey(sqlite, dependsOn);
  let entries = caches.get(sqlite);
  if (!entries) caches.set(sqlite, (entries = new Map<string, { key: string; value: unknown }>()));
  const entry = entries.get(name);
  if (entry && entry.key === key) return entry.value as T;
  const value = load();
  entries.set(name, { key, value });
  return value;
}

/**
 * `cached` for an input read in steps by a job (`load` yields the event loop between them). The key
 * is taken before the read, so a write landing meanwhile leaves an entry that is already stale; a
 * load that throws (a cancelled job) keeps nothing.
 */
export async function cachedAsync<T>(sqlite: Database.Database, name: string, load: () => Promise<T>, dependsOn?: readonly string[]): Promise<T> {
  const key = stateKey(sqlite, dependsOn);
  const entry = caches.get(sqlite)?.get(name);
  if (entry && entry.key === key) return entry.value as T;
  const value = await load();
  let entries = caches.get(sqlite);
  if (!entries) caches.set(sqlite, (entries = new Map<string, { key: string; value: unknown }>()));
  entries.set(name, { key, value });
  return value;
}
