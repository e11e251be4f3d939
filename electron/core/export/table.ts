import { createWriteStream, writeSync } from 'node:fs';
import { once } from 'node:events';
import type Database from 'better-sqlite3';
import { stringify } from 'csv-stringify/sync';
import { loadExcelJS } from '../lib/lazyModules';
import type { z } from 'zod';
import { contract } from '../../../shared/contract';
import type { ExportTable } from '../../../shared/contract/export';
import type { Context } from '../context';
import { CoreError } from '../errors';
import { accountsHandlers } from '../accounts/handlers';
import { contactsHandlers } from '../contacts/handlers';
import { dealsHandlers } from '../deals/handlers';
import { deploymentsHandlers } from '../deployments/handlers';
import { outcomesHandlers } from '../outcomes/handlers';
import { personasHandlers } from '../personas/handlers';
import { surveyResponsesHandlers } from '../surveyResponses/handlers';
import { ticketsHandlers } from '../tickets/handlers';
import { touchpointsHandlers } from '../touchpoints/handlers';
import { purchasesHandlers } from '../purchases/handlers';
import { readSettings } from '../db/settings';
import { openStagedOutput } from './output';
import { runJob, type Job } from '../lib/jobs';
import { rawShape, readableShape, type Cell, type ExportStyle } from './readable';
import { customCell, customColumns, customHeaders, withoutColumn } from './customFields';
import type { FieldInfo } from '../db/customFieldQueries';
import { ACCOUNTS_VIEW_CHANNEL, accountsViewList, accountsViewRow } from './accountsView';

// A table, or the rows a list query selects, to CSV (UTF-8 with BOM, so Excel reads accents) or
// XLSX. Readable for people by default (readable.ts); `style: 'raw'` keeps the API's camelCase
// field names, codes and minor units, which Fulcrum's own import presets read back.

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
  purchases: 'purchases',
};

const camel = (name: string) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** The columns, then the rows a batch at a time: a writer holds one batch, never the table. `total`: the rows to come, for progress. */
type Rows = { columns: string[]; batches: AsyncIterable<Cell[][]>; custom?: FieldInfo[]; total: number };

const BATCH = 5_000;

const tableColumns = (sqlite: Database.Database, table: ExportTable) =>
  sqlite
    .prepare(`SELECT * FROM "${TABLES[table]}" LIMIT 0`)
    .columns()
    .map((column) => camel(column.name));

/**
 * Every row of the table as stored (archived ones too), in id order, 5,000 at a time by id: each
 * batch is one complete statement, so no iterator stays open between batches (an open one makes
 * better-sqlite3 refuse every write on the connection, "busy executing a query", until it is closed).
 */
function tableRows(sqlite: Database.Database, table: ExportTable): Rows {
  const columns = tableColumns(sqlite, table);
  const idAt = columns.indexOf('id');
  const next = sqlite.prepare(`SELECT * FROM "${TABLES[table]}" WHERE id > ? ORDER BY id LIMIT ${BATCH}`).raw(true);
  async function* batches() {
    for (let after = Number.MIN_SAFE_INTEGER; ;) {
      const rows = next.all(after) as Cell[][];
      if (rows.length > 0) yield rows;
      if (rows.length < BATCH) return;
      after = rows[rows.length - 1]![idAt] as number;
    }
  }
  const total = sqlite.prepare(`SELECT count(*) FROM "${TABLES[table]}"`).pluck().get() as number;
  return { columns, batches: batches(), total };
}

const cellOf = (value: unknown): Cell => (value === undefined || value === null ? null : typeof value === 'object' ? JSON.stringify(value) : (value as Cell));

type Page = { rows: Record<string, unknown>[]; total: number };

/** A list handler as queryRows calls it: with the input its channel's schema has just validated. */
interface ListCall {
  // A method signature, so each table's own handler fits (queryRows pairs them by table).
  list(input: unknown, ctx: Context): unknown;
}

/**
 * Each exportable table's `<table>.list` handler, from its own domain (not the core's handler
 * table, which imports export: that would be a loop).
 */
const LISTS: Record<ExportTable, ListCall['list']> = {
  accounts: accountsHandlers['accounts.list'],
  contacts: contactsHandlers['contacts.list'],
  personas: personasHandlers['personas.list'],
  touchpoints: touchpointsHandlers['touchpoints.list'],
  tickets: ticketsHandlers['tickets.list'],
  surveyResponses: surveyResponsesHandlers['surveyResponses.list'],
  deployments: deploymentsHandlers['deployments.list'],
  outcomes: outcomesHandlers['outcomes.list'],
  deals: dealsHandlers['deals.list'],
  // Purchases page through their table screen's channel (issue 13): `purchases.list` pages by limit and offset.
  purchases: purchasesHandlers['purchases.table'],
};

/** The channel whose input a table's query is, where it is not `<table>.list`. */
const QUERY_CHANNELS: Partial<Record<ExportTable, string>> = { accounts: ACCOUNTS_VIEW_CHANNEL, purchases: 'purchases.table' };

/**
 * The rows a `<table>.list` query selects, page by page through its own handler, one page held at a
 * time; accounts through the accounts table's channel (accountsView.ts), so the export is the view.
 */
async function queryRows(ctx: Context, table: ExportTable, query: Record<string, unknown>, style: ExportStyle): Promise<Rows> {
  const view = table === 'accounts';
  const channel = (QUERY_CHANNELS[table] ?? `${table}.list`) as keyof typeof contract;
  const schema = contract[channel].input as z.ZodType;
  const fetchPage = async (page: number) => {
    const parsed = schema.safeParse({ ...query, page, pageSize: 500 });
    if (!parsed.success) throw new CoreError('BAD_INPUT', `the query is not a ${channel} query: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
    if (!view) return (await LISTS[table](parsed.data, ctx)) as Page;
    const result = await accountsViewList(parsed.data as Parameters<typeof accountsViewList>[0], ctx);
    return { rows: result.rows.map((row) => accountsViewRow(row, style)), total: result.total };
  };
  // The first page before the file is opened: a query that is not one is refused with no file written.
  const first = await fetchPage(1);
  const columns = first.rows.length > 0 ? Object.keys(first.rows[0]!) : tableColumns(ctx.sqlite, table);
  async function* batches() {
    let seen = 0;
    for (let page = 1, result = first; result.rows.length > 0; result = await fetchPage(++page)) {
      yield result.rows.map((row) => columns.map((column) => cellOf(row[column])));
      seen += result.rows.length;
      if (seen >= result.total) return;
    }
  }
  return { columns, batches: batches(), total: first.total };
}

/**
 * The rows as a job sees them (issue 14): after each batch is written, the rows done so far go out as
 * `jobs.progress` and the event loop is handed back, where a cancel lands (the next batch throws
 * CANCELLED, and the writer discards its temporary file).
 */
function tracked(rows: Rows, job: Job, phase: string): Rows {
  async function* batches() {
    let done = 0;
    job.progress(0, Math.max(rows.total, 1), phase);
    for await (const batch of rows.batches) {
      yield batch;
      done += batch.length;
      job.progress(done, Math.max(rows.total, done), phase);
      await job.step();
    }
  }
  return { ...rows, batches: batches() };
}

// Both writers write under a temporary name beside the path (export/output.ts) and put the file in
// place only when complete: a cancelled or failed export leaves nothing at the path (or what was there).

async function writeCsv(path: string, { columns, batches }: Rows): Promise<number> {
  const output = openStagedOutput(path);
  let n = 0;
  try {
    writeSync(output.fd, `\ufeff${stringify([columns])}`);
    for await (const batch of batches) {
      writeSync(output.fd, stringify(batch, { cast: { boolean: (value) => String(value) } }));
      n += batch.length;
    }
    output.finish();
  } catch (error) {
    output.discard();
    throw error;
  }
  return n;
}

/** Bytes the XLSX writer may hold before the rows wait for the file to catch up. */
const XLSX_BACKLOG = 8 * 1024 * 1024;

async function writeXlsx(path: string, { columns, batches }: Rows, sheetName: string): Promise<number> {
  const ExcelJS = await loadExcelJS();
  const output = openStagedOutput(path);
  // The stream closes the descriptor (when finished or destroyed); the staged output then only renames or removes.
  const stream = createWriteStream(path, { fd: output.fd });
  output.disown();
  const closed = once(stream, 'close').catch(() => undefined);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: false, useSharedStrings: false });
  try {
    const sheet = workbook.addWorksheet(sheetName);
    // exceljs takes every row at once and queues it in front of the (slower) zip compression: a
    // large table was held whole (1.8 GB for 2M tickets). The sheet's stream pipes into the zip;
    // what its pipes still hold, plus the file stream's queue, is the backlog the rows wait on.
    const pipes = (sheet as unknown as { stream?: { pipes?: { _writableState?: { length: number } }[] } }).stream?.pipes ?? [];
    const backlog = () => pipes.reduce((sum, pipe) => sum + (pipe._writableState?.length ?? 0), 0) + stream.writableLength;
    sheet.addRow(columns).commit();
    let n = 0;
    for await (const batch of batches) {
      for (const row of batch) sheet.addRow(row).commit();
      n += batch.length;
      while (backlog() > XLSX_BACKLOG) await new Promise((resolve) => setTimeout(resolve, 1));
    }
    sheet.commit();
    await workbook.commit();
    await closed;
    output.finish();
    return n;
  } catch (error) {
    // The zip may still push into the stream after it is destroyed: those late writes fail quietly.
    stream.on('error', () => undefined);
    // A write in flight ends before the stream's 'close': only then is the temporary file removed.
    stream.destroy();
    await closed;
    output.discard();
    throw error;
  }
}

/** The table's custom fields (issue 13) as columns after its own, each batch's values read beside it. */
function withCustomFields(sqlite: Database.Database, table: ExportTable, listed: Rows): Rows {
  const rows = withoutColumn(listed, 'custom');
  const custom = customColumns(sqlite, table);
  const idAt = rows.columns.indexOf('id');
  if (!custom || idAt < 0) return rows;
  async function* batches() {
    for await (const batch of rows.batches) yield custom!.append(batch, idAt);
  }
  return { columns: rows.columns, batches: batches(), custom: custom.fields, total: rows.total };
}

/** The rows in the style asked for: headers and each batch's cells reshaped as they stream through. */
function styled(rows: Rows, table: ExportTable, style: ExportStyle, currency: string): Rows {
  const shape = style === 'raw' ? rawShape(rows.columns) : readableShape(table, rows.columns, currency);
  // Custom fields are headed by their names in both styles; the table's own cells come first.
  const custom = rows.custom ?? [];
  const own = rows.columns.length;
  const headers = [...shape.headers, ...customHeaders(custom, shape.headers)];
  async function* batches() {
    for await (const batch of rows.batches)
      yield batch.map((cells) => [...shape.row(custom.length > 0 ? cells.slice(0, own) : cells), ...custom.map((field, i) => customCell(field, cells[own + i] ?? null, style))]);
  }
  return { columns: headers, batches: style === 'raw' ? rows.batches : batches(), total: rows.total };
}

/**
 * The export.table job (issue 14; export.download runs it too): progress in rows, cancelled by
 * `jobs.cancel {channel: 'export.table'}` or the host's `cancel {id}`, leaving no file.
 */
export async function exportTable(
  ctx: Context,
  input: { table: ExportTable; format: 'csv' | 'xlsx'; path: string; query?: Record<string, unknown>; style?: ExportStyle },
): Promise<{ path: string; rows: number }> {
  return runJob(ctx, 'export.table', 'no file was written', async (job) => {
    const currency = readSettings(ctx.sqlite).currency;
    const write = (rows: Rows) => {
      const shaped = styled(withCustomFields(ctx.sqlite, input.table, tracked(rows, job, input.table)), input.table, input.style ?? 'readable', currency);
      return input.format === 'csv' ? writeCsv(input.path, shaped) : writeXlsx(input.path, shaped, input.table);
    };
    // The list handlers take the connection themselves; a raw read holds it so no write lands mid-export.
    const n = input.query
      ? await write(await queryRows(ctx, input.table, input.query, input.style ?? 'readable'))
      : await ctx.db.connection().execute(async () => write(tableRows(ctx.sqlite, input.table)));
    return { path: input.path, rows: n };
  });
}
