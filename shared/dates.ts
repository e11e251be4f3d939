// Calendar arithmetic shared by the core, the CLI and the renderer: pure functions over UTC, no Node
// imports (shared/ runs in the renderer too). Tested in dates.test.ts.

/** Milliseconds in a day. UTC days, so every day has exactly this many (no daylight saving). */
export const DAY_MS = 86_400_000;

/**
 * A calendar date 'YYYY-MM-DD' moved by whole months (negative: earlier), the day CLAMPED to the
 * target month's last day: 31 Jan + 1 month = 28 Feb (29 Feb in a leap year), 29 Feb 2024 + 12
 * months = 28 Feb 2025, 31 May − 1 month = 30 Apr. A month later is always in the next calendar
 * month, which is what anniversaries, renewals and "a year ago" mean. Text after the date (a time
 * of day) is ignored.
 */
export function addMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(Number(date.slice(8, 10)), last);
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * An instant (ms since the epoch) moved by whole months as Date#setUTCMonth moves it: the time of
 * day is kept and a day the target month lacks ROLLS OVER into the next month (31 Jan + 1 month =
 * 3 Mar, or 2 Mar in a leap year). Not the rule for dates (use addMonths): only the demo generator
 * uses it, because the demo workspaces were generated with it and the same seed and --today must
 * keep giving the same file.
 */
export function addMonthsRollingOver(ms: number, months: number): number {
  const date = new Date(ms);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.getTime();
}
