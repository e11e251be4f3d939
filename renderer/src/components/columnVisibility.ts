import type { VisibilityState } from '@tanstack/react-table';
import { readJson, writeJson } from '../lib/storage';

export const visibilityKey = (tableId: string) => `fulcrum.table.${tableId}.columns`;

/**
 * The remembered column choice, keeping only columns that still exist and may be hidden, so a
 * renamed or removed column in a later release cannot hide something for good.
 */
export function readVisibility(storage: Storage | undefined, tableId: string, hideable: readonly string[]): VisibilityState {
  const stored = readJson<unknown>(storage, visibilityKey(tableId), {});
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return {};
  const visibility: VisibilityState = {};
  for (const [column, visible] of Object.entries(stored)) {
    if (hideable.includes(column) && typeof visible === 'boolean') visibility[column] = visible;
  }
  return visibility;
}

export function writeVisibility(storage: Storage | undefined, tableId: string, visibility: VisibilityState): void {
  writeJson(storage, visibilityKey(tableId), visibility);
}
