import type Database from 'better-sqlite3';
import { DEFAULT_SETTINGS, settings as settingsSchema, type Settings } from '../../../shared/contract/settings';
import { stmt } from './sql';

// The settings store, read by every domain that depends on a setting (the settings domain owns the
// channels that change them and re-derives what a change invalidates). Settings are stored one group per row of the `settings` table (key = group name, value = JSON),
// beside other keys the app keeps there (e.g. `demo`), which this file ignores.

export const SETTING_GROUPS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];

/** DEFAULT_SETTINGS with the stored groups over it; a stored group that no longer validates is skipped. */
export function readSettings(sqlite: Database.Database, onInvalid?: (group: string) => void): Settings {
  const rows = stmt<{
    key: keyof Settings;
    value: string;
  }>(sqlite, `SELECT key, value FROM settings WHERE key IN (${SETTING_GROUPS.map(() => '?').join(',')})`).all(...SETTING_GROUPS);
  const merged: Record<string, unknown> = structuredClone(DEFAULT_SETTINGS);
  for (const { key, value } of rows) {
    const parsed = settingsSchema.shape[key].safeParse(JSON.parse(value));
    if (parsed.success) merged[key] = parsed.data;
    else onInvalid?.(key);
  }
  return merged as Settings;
}

export function writeSetting(sqlite: Database.Database, key: string, value: unknown, now: Date): void {
  stmt(
    sqlite,
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(key, JSON.stringify(value), now.toISOString());
}
