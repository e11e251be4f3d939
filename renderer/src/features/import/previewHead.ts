import type { ImportPreview } from '../../../../shared/contract/import';
import { formatInteger } from '../../../../shared/format/format';

// What the preview checked when a large file's preview read only its head (import/service.ts,
// PREVIEW_MAX_ROWS): said plainly, so "0 problems" is not read as the whole file's verdict.

/** 1,234,567 -> "1.2M", 48,200 -> "48,000": a size to say "about" of. */
export function aboutCount(n: number): string {
  if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(n >= 10_000_000 ? 0 : 1).replace(/\.0$/, '')}M`;
  if (n >= 10_000) return formatInteger(Math.round(n / 1000) * 1000);
  return formatInteger(Math.round(n));
}

/** "Checked the first 200,000 of about 1.2M rows; the rest is checked during the import." or null for a whole file. */
export function headNote(head: ImportPreview['head']): string | null {
  if (!head) return null;
  const total = head.fraction > 0 ? head.rows / head.fraction : head.rows;
  const about = total > head.rows ? ` of about ${aboutCount(total)}` : '';
  return `Checked the first ${formatInteger(head.rows)}${about} rows; the rest is checked during the import.`;
}

/** A problem's row as the table shows it: row 0 is the whole file (a mapping gap, a date order to choose), found before any row was read. */
export const problemRow = (row: number) => (row === 0 ? 'file' : formatInteger(row));
