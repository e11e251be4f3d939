import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { importInput, type ImportMapping, type ImportProblem } from '../../../shared/contract/import';
import { CoreError } from '../errors';
import { autoMap, mappingProblems, overlay, sourceColumn } from './mapping';
import { customColumnsHook, type RowHook } from './customColumns';
import { extraHeaderRows, findPreset, presetMappingFor } from './presets';
import { eventLogMapping, eventLogSource } from './eventLog';
import { skipHeaderRows } from './shapes';
import { openSource, type Source, type SourceOptions } from './source';
import { utf8Breaks } from './encodingScan';
import { createSchema, targetDef, type TargetDef } from './targets';
import { fieldName, recordKey } from './convert';
import { chooseDateOrder, dateReadings, isMissing, parseDate, type DateChoice, type DateOrder } from './values';

// Before any row is converted: the source opened, the mapping settled (preset, the caller's
// changes, or automatic), and for each date column whether a/b/yyyy means US or European.

export type ParsedImportInput = z.output<typeof importInput>;

export interface Plan {
  def: TargetDef;
  source: Source;
  mapping: ImportMapping;
  dateChoices: (DateChoice & { column: string })[];
  dateOrders: Record<string, DateOrder>;
  /** Record keys a new row needs that no column or default feeds (accountId: `account`): each listed once in `fileProblems`, not per row. */
  gaps: ReadonlySet<string>;
  /** Problems of the whole file, found before any row is read (row 0): mapping gaps, and date columns whose order is a question. */
  fileProblems: ImportProblem[];
  /** Columns kept as custom fields (mapping.customFields), converted and written beside the rows. */
  rowHook?: RowHook;
}

const SAMPLE_ROWS = 200;

/**
 * Detection saw only the file's head: a file whose later bytes are not UTF-8 (an accented name on
 * row 5,000 of an otherwise ASCII Windows-1252 export) is read again in the code page they point to.
 */
async function openDecoded(options: SourceOptions): Promise<Source> {
  const source = await openSource(options);
  if (options.encoding || source.encodingReport?.().source !== 'valid-utf8') return source;
  const breaks = utf8Breaks(options.path);
  if (!breaks) return source;
  const reread = await openSource({ ...options, encoding: breaks.encoding });
  return { ...reread, encodingReport: () => ({ ...reread.encodingReport!(), source: 'invalid-utf8', confidence: breaks.confidence }) };
}

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
    const values = (function* () {
      for (const row of source.rows()) yield row.cells[index] ?? '';
    })();
    // Dots are day-first by convention (chooseDateOrder); otherwise month-first is only the suggestion of a question.
    const choice = chooseDateOrder(values, 'mdy');
    if (choice.order) dateOrders[column] = choice.order;
    dateChoices.push({ column, ...choice });
  }
  return { dateChoices, dateOrders };
}

/**
 * The record keys the create schema requires that nothing in the mapping feeds. Only new rows need
 * them, so an update-only import has none; a contact found by e-mail brings its account.
 */
export function mappingGaps(def: TargetDef, mapping: ImportMapping, match: ParsedImportInput['match']): string[] {
  if (match === 'update') return [];
  const empty = createSchema(def).safeParse({});
  if (empty.success) return [];
  const fed = new Set(def.fields.filter((field) => mapping.fields[field.name] !== undefined || mapping.defaults?.[field.name] !== undefined).map(recordKey));
  if (fed.has('contactId')) fed.add('accountId');
  const required = new Set(empty.error.issues.map((issue) => String(issue.path[0] ?? '')).filter(Boolean));
  return [...required].filter((key) => !fed.has(key));
}

const gapProblem = (key: string): ImportProblem => ({
  row: 0,
  column: null,
  message: `'${fieldName(key)}' is required for every new row and no column is mapped to it: map a column to '${fieldName(key)}' or give it a default`,
});

const readAs = (value: string, order: DateOrder) => {
  const day = parseDate(value, order);
  return 'value' in day ? day.value : null;
};

/** A date column whose order no value settles, as the question the preview asks. */
function dateQuestion(choice: Plan['dateChoices'][number], sample: string[][], index: number): ImportProblem {
  if (choice.conflict) return { row: 0, column: choice.column, message: `dates disagree on their order (${choice.conflict}): choose day-first or month-first` };
  const example = sample.map((cells) => cells[index] ?? '').find((value) => dateReadings(value)?.length === 2 && readAs(value, 'dmy') !== readAs(value, 'mdy'));
  const readings = example ? `'${example}' is ${readAs(example, 'dmy')} day-first or ${readAs(example, 'mdy')} month-first, and ` : '';
  return { row: 0, column: choice.column, message: `${readings}no date in the column settles the order: choose day-first or month-first` };
}

/** The target, the preset and the rows as the import reads them (the parse thread opens its own the same way); `headRows`: a preview's head. */
async function openPlanSource(sqlite: Database.Database, input: ParsedImportInput, headRows?: number) {
  const def = targetDef(input.into);
  const preset = input.preset ? findPreset(sqlite, input.preset) : undefined;
  if (preset && preset.into !== input.into) throw new CoreError('BAD_INPUT', `preset '${preset.name}' imports into ${preset.into}, not ${input.into}`);
  const opened = await openDecoded({
    path: input.path,
    sheet: input.sheet,
    delimiter: input.delimiter ?? input.mapping?.delimiter ?? preset?.mapping.delimiter,
    header: input.header ?? input.mapping?.header ?? preset?.mapping.header,
    encoding: input.encoding,
    ...(headRows !== undefined ? { headRows } : {}),
  });
  // Header rows a tool writes under the first (Qualtrics, SurveyMonkey) are not data.
  const read = skipHeaderRows(opened, extraHeaderRows(preset));
  // An event log becomes one row per case before anything else reads it (import/eventLog.ts).
  const eventLog = input.mapping?.eventLog;
  return { def, preset, source: eventLog ? eventLogSource(read, eventLog) : read };
}

/** What the parse thread needs of a plan made on the core's thread, besides the input (plain data: it is posted). */
export interface PlanDecisions {
  mapping: ImportMapping;
  dateOrders: Record<string, DateOrder>;
  gaps: string[];
}

export const planDecisions = (plan: Plan): PlanDecisions => ({ mapping: plan.mapping, dateOrders: plan.dateOrders, gaps: [...plan.gaps] });

/**
 * The plan again, on the parse thread: the same source opened with the encoding and delimiter the
 * core's thread settled (`input` carries them), and its mapping and date orders, without detecting
 * anything a second time. File-wide problems stay with the core's thread's plan.
 */
export async function reopenPlan(sqlite: Database.Database, input: ParsedImportInput, decisions: PlanDecisions): Promise<Plan> {
  const { def, source } = await openPlanSource(sqlite, input);
  return { def, source, mapping: decisions.mapping, dateChoices: [], dateOrders: decisions.dateOrders, gaps: new Set(decisions.gaps), fileProblems: [] };
}

/** `headRows`: a preview reads no more than this many data rows (an XLSX then converts only those). */
export async function makePlan(sqlite: Database.Database, input: ParsedImportInput, headRows?: number): Promise<Plan> {
  const { def, preset, source } = await openPlanSource(sqlite, input, headRows);
  const eventLog = input.mapping?.eventLog;
  // A preset names every column the export can have; the ones this file lacks are left out.
  const given = preset ? overlay(presetMappingFor(preset, source.headers), input.mapping) : eventLog ? eventLogMapping(input.mapping!) : input.mapping;
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
  if (mapping.createAccounts && def.name !== 'purchases')
    throw new CoreError('BAD_INPUT', `createAccounts makes the customers of a purchases import, not of ${def.name}: leave it out`);
  if (mapping.createAccounts && !mapping.fields.account) {
    throw new CoreError('BAD_INPUT', "createAccounts needs a column mapped to 'account': the customer ids the new accounts are named and keyed by");
  }
  const dates = chooseDateOrders(def, source, mapping, sample);
  const questions = dates.dateChoices.filter((choice) => choice.ambiguous).map((choice) => dateQuestion(choice, sample, source.headers.indexOf(choice.column)));
  // A commit never guesses an order: the preview asked, the caller answers with mapping.dateOrder.
  if ('jobId' in input && questions.length > 0) {
    throw new CoreError(
      'BAD_INPUT',
      `the order of the dates is a question: ${questions.map((q) => `'${q.column}': ${q.message}`).join('; ')} (mapping.dateOrder: 'dmy' or 'mdy')`,
      questions.map((q) => ({ path: 'mapping.dateOrder', message: `'${q.column}': ${q.message}` })),
    );
  }
  const gaps = mappingGaps(def, mapping, input.match);
  const fileProblems = [...gaps.map(gapProblem), ...questions];
  return { def, source, mapping, ...dates, gaps: new Set(gaps), fileProblems, rowHook: customColumnsHook(sqlite, def, mapping, source.headers) };
}

export function unmappedColumns(plan: Plan): string[] {
  const used = new Set([...Object.values(plan.mapping.fields).map(sourceColumn), ...(plan.mapping.customFields ?? []).map((custom) => custom.column)]);
  return plan.source.headers.filter((header) => !used.has(header));
}
