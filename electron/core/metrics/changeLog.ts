import type Database from 'better-sqlite3';
import { generationOf, knownDomains } from '../db/inputCache';
import { stmt } from '../db/sql';

/**
 * The log that keeps in-memory inputs (the journey map's ticket cells, the finder's health and
 * readiness) in step with writes, so the first read after a write costs what a warm one does.
 *
 * A write's afterWrite hook (derived/hooks.ts) logs what it changed, inside its transaction, in a
 * TEMP table of this connection: a write that rolls back takes its entry with it, so only committed
 * changes are ever applied. A reader holding inputs built at a mark asks for the entries since; it
 * gets them only if they explain EVERY write to the domains it depends on since the mark (each
 * write announces one `<domain>.changed`, counted by db/inputCache.ts, and logs one entry), and no
 * other connection committed (`data_version`). Anything else (an import, a restore, a domain that
 * does not log, a pruned entry) returns null: the reader rebuilds from the tables, as before.
 */

export interface LogEntry {
  /** The domain whose write this was (`tickets`, `surveyResponses`, …), as its change event names it. */
  domain: string;
  /** The accounts whose data the write changed (both, when a row moved between accounts). */
  accounts: number[];
  /** What the domain's readers need beyond the accounts (a ticket's cell before and after). */
  detail?: unknown;
}

export interface LogMark {
  id: number;
  dataVersion: number;
  workspace: number;
  generations: Record<string, number>;
}

/** Entries kept: a reader further behind than this rebuilds. */
const KEEP = 2_000;

const ensureLog = (sqlite: Database.Database) =>
  stmt(sqlite, 'CREATE TEMP TABLE IF NOT EXISTS derived_change_log (id INTEGER PRIMARY KEY, domain TEXT NOT NULL, entry TEXT NOT NULL)').run();

const queryOnly = new WeakMap<Database.Database, boolean>();
/**
 * Whether this connection can keep the log. The core host's reader (query_only) cannot create even a
 * TEMP table, and needs none: it writes nothing, so it has nothing to log; other connections' commits
 * reach it through data_version, which makes its inputs rebuild.
 */
function logKept(sqlite: Database.Database): boolean {
  let readOnly = queryOnly.get(sqlite);
  if (readOnly === undefined) queryOnly.set(sqlite, (readOnly = sqlite.readonly || sqlite.pragma('query_only', { simple: true }) === 1));
  if (readOnly) return false;
  ensureLog(sqlite);
  return true;
}

/** Logs one write's change; call inside the write's transaction, once per write. */
export function logChange(sqlite: Database.Database, entry: LogEntry): void {
  ensureLog(sqlite);
  const id = Number(stmt(sqlite, 'INSERT INTO derived_change_log (domain, entry) VALUES (?, ?)').run(entry.domain, JSON.stringify(entry)).lastInsertRowid);
  if (id % 500 === 0) stmt(sqlite, 'DELETE FROM derived_change_log WHERE id <= ?').run(id - KEEP);
}

/** Where a reader's inputs stand: take it just before reading them from the tables. */
export function markNow(sqlite: Database.Database, domains: readonly string[]): LogMark {
  return {
    id: logKept(sqlite) ? stmt<number>(sqlite, 'SELECT coalesce(max(id), 0) FROM derived_change_log').pluck().get()! : 0,
    dataVersion: stmt<number>(sqlite, 'PRAGMA data_version').pluck().get()!,
    workspace: generationOf(sqlite, 'workspace'),
    generations: Object.fromEntries(domains.map((d) => [d, generationOf(sqlite, d)])),
  };
}

/**
 * The entries of `domains` logged since `mark`, and the mark to keep, when they are every write
 * to those domains since; null when the reader must rebuild.
 */
export function changesSince(sqlite: Database.Database, mark: LogMark, domains: readonly string[]): { entries: LogEntry[]; mark: LogMark } | null {
  const next = markNow(sqlite, domains);
  if (next.dataVersion !== mark.dataVersion || next.workspace !== mark.workspace) return null;
  if (next.id === mark.id && domains.every((d) => next.generations[d] === mark.generations[d])) return { entries: [], mark };
  if (!logKept(sqlite)) return null;
  const rows = stmt<{ id: number; domain: string; entry: string }>(sqlite, 'SELECT id, domain, entry FROM derived_change_log WHERE id > ? ORDER BY id').all(mark.id);
  // A gap in the ids means entries were pruned (or rolled back and the ids reused: then the counts below differ).
  if (rows.length !== next.id - mark.id) return null;
  const entries: LogEntry[] = [];
  for (const domain of domains) {
    const logged = rows.filter((row) => row.domain === domain).length;
    if (next.generations[domain]! - mark.generations[domain]! !== logged) return null;
  }
  for (const row of rows) if (domains.includes(row.domain)) entries.push(JSON.parse(row.entry) as LogEntry);
  return { entries, mark: next };
}

/**
 * A mark over every domain written so far, for a reader that depends on more than it can name
 * (the at-risk list's moments of truth read a dozen tables): with changesSinceAny it gets the logged
 * entries since, or null after any unlogged write to any domain.
 */
export const markAll = (sqlite: Database.Database, except: readonly string[] = []): LogMark =>
  markNow(
    sqlite,
    knownDomains(sqlite).filter((domain) => !except.includes(domain)),
  );

/** `except`: domains the reader is known not to read (a write there neither counts nor rebuilds). */
export function changesSinceAny(sqlite: Database.Database, mark: LogMark, except: readonly string[] = []): { entries: LogEntry[]; mark: LogMark } | null {
  const domains = knownDomains(sqlite).filter((domain) => !except.includes(domain));
  // A domain first written since the mark had no write then: its count was 0 (generationOf).
  const generations = Object.fromEntries(domains.map((domain) => [domain, mark.generations[domain] ?? 0]));
  return changesSince(sqlite, { ...mark, generations }, domains);
}
