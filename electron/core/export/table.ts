import { closeSync, openSync, writeSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { contract } from '../../../shared/contract';
import type { ExportTable } from '../../../shared/contract/export';
import type { Context } from '../context';
import { CoreError } from '../errors';
import { handlers } from '../handlers';

// A table, or the rows a list query selects, to CSV (UTF-8 with BOM, so Excel reads accents) or
// XLSX. Column names are the API's camelCase field names: Fulcrum's own import presets read them.

const TABLES: Record<ExportTable, string> = {
  accounts: 'accounts',
  contacts: 'contacts',
  personas: 'personas',
  touchpoints: 'touchpoints',
  tickets: 'tickets',
  surveyResponses: 'survey_responses',
  deployments: 'deployments',
  outcomes: 'outcomes',
  deals: 'deals',
};

const camel = (name: string) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

type Cell = string | number | boolean | null;
type Rows = { columns: string[]; rows: Iterable<Cell[]> };

/** Every row of the table as stored (archived ones too), in id order, read lazily. */
function tableRows(sqlite: Database.Database, table: ExportTable): Rows {
  const statement = sqlite.prepare(`SELECT * FROM "${TABLES[table]}" ORDER BY id`).raw(true);
  return { columns: statement.columns().map((column) => camel(column.name)), rows: statement.iterate() as Iterable<Cell[]> };
}

const cellOf = (value: unknown): Cell =>
  value === undefined || value === null ? null : typeof value === 'object' ? JSON.stringify(value) : (value as Cell);

/** The rows a `<table>.list` query selects, page by page through its own handler. */
async function queryRows(ctx: Context, table: ExportTable, query: Record<string, unknown>): Promise<Rows> {
  const channel = `${table}.list` as keyof typeof contract;
  const schema = contract[channel].input as z.ZodType;
  const all: Record<string, unknown>[] = [];
  for (let page = 1; ; page++) {
    const parsed = schema.safeParse({ ...query, page, pageSize: 500 });
    if (!parsed.success) throw new CoreError('BAD_INPUT', `the query is not a ${channel} query: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
    const result = (await handlers[channel](parsed.data, ctx)) as { rows: Record<string, unknown>[]; total: number };
    all.push(...result.rows);
    if (result.rows.length === 0 || all.length >= result.total) break;
  }
  const columns = all.length > 0 ? Object.keys(all[0]!) : tableRows(ctx.sqlite, table).columns;
  return { columns, rows: all.map((row) => columns.map((column) => cellOf(row[column]))) };
}

function writeCsv(path: string, { columns, rows }: Rows): number {
  const fd = openSync(path, 'w');
  let n = 0;
  try {
    writeSync(fd, `\ufeff${stringify([columns])}`);
    let chunk: Cell[][] = [];
    const flush = () => {
      if (chunk.length > 0) writeSync(fd, stringify(chunk, { cast: { boolean: (value) => String(value) } }));
      chunk = [];
    };
    for (const row of rows) {
      chunk.push(row);
      n++;
      if (chunk.length === 5_000) flush();
    }
    flush();
  } finally {
    closeSync(fd);
  }
  return n;
}

async function writeXlsx(path: string, { columns, rows }: Rows, sheetName: string): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(columns).commit();
  let n = 0;
  for (const row of rows) {
    sheet.addRow(row).commit();
    n++;
  }
  sheet.commit();
  await workbook.commit();
  return n;
}

export async function exportTable(
  ctx: Context,
  input: { table: ExportTable; format: 'csv' | 'xlsx'; path: string; query?: Record<string, unknown> },
): Promise<{ path: string; rows: number }> {
  const write = (rows: Rows) => (input.format === 'csv' ? writeCsv(input.path, rows) : writeXlsx(input.path, rows, input.table));
  // The list handlers take the connection themselves; a raw read holds it so no write lands mid-export.
  const n = input.query
    ? await write(await queryRows(ctx, input.table, input.query))
    : await ctx.db.connection().execute(async () => write(tableRows(ctx.sqlite, input.table)));
  return { path: input.path, rows: n };
}
