import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

// Deterministic global ids for the team workspace (docs/team.md "Global ids"): a record made by a
// rule, a team setting, a starter playbook is named by its natural key, and UUID v5 of that name is
// the same on every laptop, so two laptops making it make one row on the hub. RFC 4122 §4.3, SHA-1.

/** Fulcrum's own namespace (a fixed random UUID): names hashed under it never meet another application's. */
const NAMESPACE = Buffer.from('6f1c2a4e9b7d4c1f8a3e5d2b0c9e7f41', 'hex');

export function uuid5(name: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** The SQL name of uuid5 on a workspace connection: the team's capture triggers call it. */
export const GID_FUNCTION = 'fulcrum_uuid5';

/** Registers uuid5 on a connection (every workspace connection, before its migrations: a migration's insert may fire a capture trigger). A null name gives null. */
export function registerGidFunction(sqlite: Database.Database): void {
  sqlite.function(GID_FUNCTION, { deterministic: true }, (name: unknown) => (typeof name === 'string' ? uuid5(name) : null));
}
