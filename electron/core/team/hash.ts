import { createHash } from 'node:crypto';
import type { HubData } from './rows';

/**
 * A content hash per shared table over its rows as the hub keeps them (global ids, no local keys),
 * so two laptops (or a laptop and the hub) compare equal exactly when they share the same content.
 */
export function contentHash(rows: Iterable<{ gid: string; data: HubData }>): string {
  const lines = [...rows].map((r) => `${r.gid}\t${stableJson(r.data)}`).sort();
  const hash = createHash('sha256');
  for (const line of lines) hash.update(`${line}\n`);
  return `${lines.length}:${hash.digest('hex').slice(0, 32)}`;
}

function stableJson(data: HubData): string {
  return JSON.stringify(
    Object.keys(data)
      .sort()
      .map((k) => [k, normalise(data[k])]),
  );
}

// PostgreSQL's jsonb and SQLite agree on text and null; numbers are compared as numbers.
const normalise = (value: unknown) => (typeof value === 'bigint' ? Number(value) : value);
