import type Database from 'better-sqlite3';
import type { ExportTable } from '../../../shared/contract/export';
import { CUSTOM_KIND_OF_TABLE, customValuesOf, fieldsOfKind, type FieldInfo } from '../db/customFieldQueries';
import type { Cell, ExportStyle } from './readable';

// A table's custom fields in its export (issue 13): one column per field after the table's own,
// headed by the field's name in both styles, its values looked up a batch of rows at a time.

export interface CustomColumns {
  fields: FieldInfo[];
  /** The batch's rows with the fields' cells appended (null where a row has no value). */
  append(batch: Cell[][], idAt: number): Cell[][];
}

/** The custom columns of a table's export, or undefined when its records have no custom fields. */
export function customColumns(sqlite: Database.Database, table: ExportTable): CustomColumns | undefined {
  const kind = CUSTOM_KIND_OF_TABLE[table];
  const fields = kind ? fieldsOfKind(sqlite, kind) : [];
  if (!kind || fields.length === 0) return undefined;
  return {
    fields,
    append(batch, idAt) {
      const values = customValuesOf(
        sqlite,
        kind,
        batch.map((cells) => Number(cells[idAt])),
      );
      return batch.map((cells) => {
        const own = values.get(Number(cells[idAt]));
        return [...cells, ...fields.map((field) => own?.[String(field.id)] ?? null)];
      });
    },
  };
}

/** The fields' headers: their names, marked when one would repeat a header of the table's own. */
export function customHeaders(fields: readonly FieldInfo[], own: readonly string[]): string[] {
  const taken = new Set(own.map((header) => header.toLowerCase()));
  return fields.map((field) => (taken.has(field.name.toLowerCase()) ? `${field.name} (custom field)` : field.name));
}

/** A custom cell as the style shows it: yes/no words for people, true/false as stored for machines. */
export function customCell(field: FieldInfo, value: Cell, style: ExportStyle): Cell {
  if (style === 'readable' && field.type === 'bool' && typeof value === 'boolean') return value ? 'Yes' : 'No';
  return value;
}

/**
 * The rows without one column: a list row's own `custom` object (the accounts table's page carries
 * one for the screen), which the export writes as one column per field instead.
 */
export function withoutColumn<R extends { columns: string[]; batches: AsyncIterable<Cell[][]> }>(rows: R, name: string): R {
  const at = rows.columns.indexOf(name);
  if (at < 0) return rows;
  async function* batches() {
    for await (const batch of rows.batches) yield batch.map((cells) => cells.filter((_, i) => i !== at));
  }
  return { ...rows, columns: rows.columns.filter((_, i) => i !== at), batches: batches() };
}
