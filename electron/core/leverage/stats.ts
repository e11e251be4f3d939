/** The median of a list (mean of the middle two for an even count), null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** 100 · part / whole, null when the whole is 0. */
export const percent = (part: number, whole: number) => (whole === 0 ? null : (100 * part) / whole);
