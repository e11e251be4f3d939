import type { HubData } from './rows';

/**
 * Per-field merge of a pulled row into this laptop's row (docs/team.md "Push, pull and merge"),
 * the same rule as the hub's `team.push` (hub migration 0002): a field changed here since it was
 * last agreed keeps this laptop's value when its clock is later than the hub's clock for that field
 * (the field's own, else the row's '*'), and takes the hub's otherwise. Clocks are compared as
 * their text form, which sorts as the clock; wall clocks never decide. Pure: no database.
 */

export interface FieldConflict {
  field: string;
  localValue: unknown;
  remoteValue: unknown;
  localHlc: string;
  remoteHlc: string;
  /** Which side's value lost (the other one is now the row's). */
  loser: 'local' | 'remote';
}

export interface MergeResult {
  /** The row as it is after the merge, in the hub's form. */
  merged: HubData;
  conflicts: FieldConflict[];
  /** Changed-here fields that are now agreed (same value, or the hub's won). */
  settled: string[];
}

export const hubClockOf = (clocks: Record<string, string>, field: string) => clocks[field] ?? clocks['*'] ?? '';

/** Values compared as the hub keeps them (jsonb and SQLite agree on text, numbers and null). */
export const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * `local` and `remote` are the row in the hub's form; `changedHere` maps a field (or '*', every
 * field) changed here since last agreed to this laptop's clock for it; `agreed` holds the hub's
 * clocks as this laptop last saw them. A field is a conflict only when both sides changed it since
 * they last agreed: a pulled value older than that agreement is just the value this laptop's own
 * change replaced, and loses silently.
 */
export function mergeRow(
  local: HubData,
  remote: HubData,
  remoteClocks: Record<string, string>,
  changedHere: ReadonlyMap<string, string>,
  agreed: Record<string, string>,
): MergeResult {
  const merged: HubData = {};
  const conflicts: FieldConflict[] = [];
  const settled: string[] = [];
  for (const field of Object.keys(local)) {
    const remoteValue = remote[field] ?? null;
    const localHlc = changedHere.get(field) ?? changedHere.get('*');
    if (localHlc === undefined) {
      merged[field] = remoteValue;
      continue;
    }
    const remoteHlc = hubClockOf(remoteClocks, field);
    if (sameValue(local[field], remoteValue)) {
      merged[field] = remoteValue;
      if (remoteHlc >= localHlc) settled.push(field);
      continue;
    }
    const remoteWins = remoteHlc > localHlc;
    merged[field] = remoteWins ? remoteValue : local[field];
    if (remoteHlc > hubClockOf(agreed, field))
      conflicts.push({ field, localValue: local[field] ?? null, remoteValue, localHlc, remoteHlc, loser: remoteWins ? 'local' : 'remote' });
    if (remoteWins) settled.push(field);
  }
  return { merged, conflicts, settled };
}
