/** A 0-100 score as a whole number, or a dash when there is none. */
export const formatScore = (value: number | null | undefined) => (value === null || value === undefined ? '—' : String(Math.round(value)));

/** A mean level with one decimal when it is not whole. */
export const formatLevel = (value: number | null) => (value === null ? '—' : Number.isInteger(value) ? String(value) : value.toFixed(1));

export { countOf } from '../../../../shared/format/format';
