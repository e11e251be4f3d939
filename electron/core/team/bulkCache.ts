import type Database from 'better-sqlite3';

/** As the import's (import/service.ts): 256 MB, in KiB (a negative cache_size is KiB, not pages). */
const BULK_CACHE_KIB = -262_144;

/**
 * A large page cache (main and temp) while `work` runs: init and join write one global id per row
 * into team_rows in a single transaction, and global ids are random, so each insert lands on a
 * random page of its gid index; SQLite's default 2 MB cache holds a small part of that index at
 * 20,000 accounts (~2.5 million rows). Restored after. Not measured apart from the other changes.
 */
export async function withBulkCache<T>(sqlite: Database.Database, work: () => Promise<T>): Promise<T> {
  const main = sqlite.pragma('cache_size', { simple: true }) as number;
  const temp = sqlite.pragma('temp.cache_size', { simple: true }) as number;
  sqlite.pragma(`cache_size = ${BULK_CACHE_KIB}`);
  sqlite.pragma(`temp.cache_size = ${BULK_CACHE_KIB}`);
  try {
    return await work();
  } finally {
    sqlite.pragma(`cache_size = ${main}`);
    sqlite.pragma(`temp.cache_size = ${temp}`);
  }
}
