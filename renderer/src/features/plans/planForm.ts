// What the plan dialogs check before they call the core, so a message names the field and says what to type.

/** A typed number: '' is none (null); anything that is not a finite number is `undefined`, a problem to name. */
export function numberField(text: string): number | null | undefined {
  const trimmed = text.trim().replace(/\s/g, '').replace(',', '.');
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

export const numberText = (value: number | null) => (value === null ? '' : String(value));

/** Today as YYYY-MM-DD in the user's own calendar (a milestone ticked at 23:30 is done today, not tomorrow in UTC). */
export function localToday(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

export const PLAN_STATUS_TEXT = { draft: 'Draft', active: 'Active', completed: 'Completed', cancelled: 'Cancelled' } as const;
