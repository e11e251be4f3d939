/** A 0-100 score as a whole number, or a dash when there is none. */
export const formatScore = (value: number | null | undefined) => (value === null || value === undefined ? '—' : String(Math.round(value)));

/** A mean level with one decimal when it is not whole. */
export const formatLevel = (value: number | null) => (value === null ? '—' : Number.isInteger(value) ? String(value) : value.toFixed(1));

/** "1 respondent", "3 respondents": a count with its noun in the right number (issue 15: no "respondent(s)"). */
export const countOf = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;
