import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { importInput, type ImportMapping } from '../../../shared/contract/import';
import { CoreError } from '../errors';
import { autoMap, mappingProblems, overlay, sourceColumn } from './mapping';
import { customColumnsHook, type RowHook } from './customColumns';
import { extraHeaderRows, findPreset, presetMappingFor } from './presets';
import { skipHeaderRows } from './shapes';
import { openSource, type Source } from './source';
import { targetDef, type TargetDef } from './targets';
import { chooseDateOrder, dateReadings, isMissing, type DateChoice, type DateOrder } from './values';

// Before any row is converted: the source opened, the mapping settled (preset, the caller's
// changes, or automatic), and for each date column whether a/b/yyyy means US or European.

export type ParsedImportInput = z.output<typeof importInput>;

export interface Plan {
  def: TargetDef;
  source: Source;
  mapping: ImportMapping;
  dateChoices: (DateChoice & { column: string })[];
  dateOrders: Record<string, DateOrder>;
  /** Columns kept as custom fields (mapping.customFields), converted and written beside the rows. */
  rowHook?: RowHook;
}

const SAMPLE_ROWS = 200;

function sampleRows(source: Source, n: number): string[][] {
  const rows: string[][] = [];
  for (const row of source.rows()) {
    rows.push(row.cells);
    if (rows.length >= n) break;
  }
  return rows;
}

/** Detects each date column's order over the whole column, reading it only when a/b/yyyy values occur at all. */
function chooseDateOrders(def: TargetDef, source: Source, mapping: ImportMapping, sample: string[][]) {
  const dateChoices: Plan['dateChoices'] = [];
  const dateOrders: Record<string, DateOrder> = {};
  for (const field of def.fields) {
    const fieldSource = mapping.fields[field.name];
    if (!fieldSource || (field.kind !== 'date' && field.kind !== 'instant')) continue;
    const column = sourceColumn(fieldSource);
    const index = source.headers.indexOf(column);
    if (mapping.dateOrder) {
      dateOrders[column] = mapping.dateOrder;
      continue;
    }
    const slashed = sample.some((cells) => !isMissing(cells[index]) && dateReadings(cells[index]!) !== null);
    if (!slashed) continue;
    // A dot separator is European by convention; a slash defaults to US when nothing settles it.
    const dotted = sample.some((cells) => /^\d{1,2}\.\d{1,2}\.\d{2,4}/.test(cells[index]?.trim() ?? ''));
    const values = (function* () {
      for (const row of source.rows()) yield row.cells[index] ?? '';
    })();
    const choice = chooseDateOrder(values, dotted ? 'dmy' : 'mdy');
    if (choice.order) dateOrders[column] = choice.order;
    dateChoices.push({ column, ...choice });
  }
  return { dateChoices, dateOrders };
}

export async function makePlan(sqlite: Database.Database, input: ParsedImportInput): Promise<Plan> {
  const def = targetDef(input.into);
  const preset = input.preset ? findPreset(sqlite, input.preset) : undefined;
  if (preset && preset.into !== input.into) throw new CoreError('BAD_INPUT', `preset '${preset.name}' imports into ${preset.into}, not ${input.into}`);
  const opened = await openSource({
    path: input.path,
    sheet: input.sheet,
    delimiter: input.delimiter ?? input.mapping?.delimiter ?? preset?.mapping.delimiter,
    header: input.header ?? input.mapping?.header ?? preset?.mapping.header,
  });
  // Header rows a tool writes under the first (Qualtrics, SurveyMonkey) are not data.
  const source = skipHeaderRows(opened, extraHeaderRows(preset));
  // A preset names every column the export can have; the ones this file lacks are left out.
  const given = preset ? overlay(presetMappingFor(preset, source.headers), input.mapping) : input.mapping;
  const sample = sampleRows(source, SAMPLE_ROWS);
  const mapping = given ?? autoMap(def, source.headers, sample);
  const problems = mappingProblems(def, mapping, source.headers);
  if (problems.length > 0) {
    throw new CoreError(
      'BAD_INPUT',
      `the mapping does not fit the file: ${problems.join('; ')}`,
      problems.map((message) => ({ path: 'mapping', message })),
    );
  }
  return { def, source, mapping, ...chooseDateOrders(def, source, mapping, sample), rowHook: customColumnsHook(sqlite, def, mapping, source.headers) };
}

export function unmappedColumns(plan: Plan): string[] {
  const used = new Set([...Object.values(plan.mapping.fields).map(sourceColumn), ...(plan.mapping.customFields ?? []).map((custom) => custom.column)]);
  return plan.source.headers.filter((header) => !used.has(header));
}
