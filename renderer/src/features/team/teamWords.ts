import type { Output } from '../../../../shared/contract';

// The team screen's words (pure, unit-tested): a conflict's kind in a sentence, its values in words,
// a failed sync's problem named for the user.

export type Conflict = Output<'team.conflicts'>['conflicts'][number];

export const KIND_SENTENCE: Record<Conflict['kind'], string> = {
  superseded: 'Both laptops changed this field since they last agreed; the later change won and this laptop’s value was set aside.',
  transition: 'Merging the change would have made a step the workflow does not allow (a stage, a request state or an approval), so it was not applied.',
  unique: 'Another laptop created a record with the same unique key (an external id or a name), so this one was not merged into it.',
  budget: 'Asks made on two laptops while offline together overrun this reference’s fatigue budget.',
  rejected: 'The team server refused this change: your role may not make it (or the record is not yours to change).',
};

export const KIND_LABEL: Record<Conflict['kind'], string> = {
  superseded: 'Changed on both sides',
  transition: 'Not an allowed step',
  unique: 'Duplicate key',
  budget: 'Budget overrun',
  rejected: 'Refused by the server',
};

/** A stored value (JSON text, or a server's reason) as words: "empty" for null, strings without quotes. */
export function valueInWords(value: string | null): string {
  if (value === null || value === '') return 'empty';
  try {
    const parsed: unknown = JSON.parse(value);
    if (parsed === null) return 'empty';
    if (typeof parsed === 'string') return parsed === '' ? 'empty' : parsed;
    if (typeof parsed === 'number' || typeof parsed === 'boolean') return String(parsed);
    if (typeof parsed === 'object')
      return Object.entries(parsed as Record<string, unknown>)
        .map(([key, v]) => `${key.replace(/_/g, ' ')}: ${v === null ? 'empty' : typeof v === 'object' ? JSON.stringify(v) : String(v as string | number | boolean)}`)
        .join(', ');
    return value;
  } catch {
    return value;
  }
}

/** "accounts" -> "Account", "reference_requests" -> "Reference request" */
export function tableInWords(table: string): string {
  const words = table.replace(/_/g, ' ').replace(/ies$/, 'y').replace(/s$/, '');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A manual sync's phases (electron/core/team/sync.ts) in words, for its progress bar. */
export const SYNC_PHASES: Record<string, string> = {
  push: 'sending this laptop’s changes',
  pull: 'receiving the team’s changes',
  derived: 'marking figures for rebuilding',
};

/** A failed sync's problem, by the core's code: what to do about it. */
export function syncProblem(error: { code: string; message: string }): string {
  if (error.code === 'CANCELLED') return 'Sync cancelled. What was sent and received before the cancel is kept; the rest goes with the next sync.';
  if (error.code === 'UNAVAILABLE') return `The team server could not be reached. Your changes are kept on this laptop and go at the next sync. (${error.message})`;
  if (error.code === 'FORBIDDEN' && /login|password/.test(error.message)) return `The team server refused the login: check the password. (${error.message})`;
  if (error.code === 'FORBIDDEN') return `The team server refused: ${error.message}`;
  return error.message;
}
