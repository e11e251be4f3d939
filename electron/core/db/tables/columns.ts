/**
 * A column is `'<family>'` (NOT NULL, no default: an insert must give it), `'<family> null'`
 * (NULL allowed; inserts may leave it out), or `'<family> generated'` (NOT NULL with a default, or
 * an INTEGER PRIMARY KEY: SQLite fills it in). Families are SQLite's storage classes: integer
 * (also 0/1 flags), real, text (also ISO dates and JSON) and blob.
 */
export type Family = 'integer' | 'real' | 'text' | 'blob';
export type ColumnSpec = Family | `${Family} null` | `${Family} generated`;
