import type Database from 'better-sqlite3';

/** team_state's keys (0014_team). No key holds a connection string or password: those never enter the workspace. */
export type StateKey =
  | 'team_id'
  | 'client_id'
  | 'role'
  | 'hlc'
  | 'offset_ms'
  | 'last_pulled_seq'
  | 'joined_at'
  | 'muted'
  // The sync state (syncState.ts): the last sync's time and outcome as JSON, and the login's role and display name on the hub.
  | 'last_sync'
  | 'hub_role'
  | 'hub_member';

export function readState(sqlite: Database.Database): Partial<Record<StateKey, string>> {
  const rows = sqlite.prepare('SELECT key, value FROM team_state').all() as { key: StateKey; value: string }[];
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

export function writeState(sqlite: Database.Database, values: Partial<Record<StateKey, string | number>>): void {
  const put = sqlite.prepare('INSERT INTO team_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  for (const [key, value] of Object.entries(values)) put.run(key, String(value));
}

export const inTeam = (sqlite: Database.Database) => sqlite.prepare(`SELECT 1 FROM team_state WHERE key = 'team_id'`).get() !== undefined;
