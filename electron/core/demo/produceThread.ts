import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runProducer } from '../lib/producerThread';
import { workerScript } from '../lib/startWorker';
import type { ProduceOptions } from './produce';
import { COLUMNS, type Sink, type TableName } from './rows';

// The demo generator on two cores (issue 14): a worker thread generates the rows (produce.ts)
// while the core's thread writes the batch before. Rows travel a batch at a time as one flat array
// of values per table (no per-row arrays to clone); the thread runs at most MAX_AHEAD batches
// ahead of the writer, so memory holds a few batches. The rows and their order per table are the
// ones the same seed gives on one thread, so the workspace is the same either way.

const MAX_AHEAD = 4;
/** Rows per batch posted. */
const BATCH_ROWS = 20_000;

export interface ProduceRequest extends ProduceOptions {
  batchRows: number;
}

/** One batch: per table, its rows' values one after another in COLUMNS order. */
export type RowBatch = Partial<Record<TableName, unknown[]>>;

/** A sink that gathers rows into flat per-table arrays and hands over a batch every `batchRows` rows. */
export function batchingSink(batchRows: number, emit: (batch: RowBatch) => void): { sink: Sink; end(): void } {
  let batch: RowBatch = {};
  let rows = 0;
  const flush = () => {
    if (rows === 0) return;
    emit(batch);
    batch = {};
    rows = 0;
  };
  const sink = Object.fromEntries(
    (Object.keys(COLUMNS) as TableName[]).map((table) => [
      table,
      (row: readonly unknown[]) => {
        const values = (batch[table] ??= []);
        for (let i = 0; i < row.length; i++) values.push(row[i]);
        if (++rows >= batchRows) flush();
      },
    ]),
  ) as unknown as Sink;
  return { sink, end: flush };
}

const script = () => ({ source: join(__dirname, 'produceEntry.ts'), built: [join(__dirname, 'demoProduce.js'), join(__dirname, '..', 'demoProduce.js')] });

/** Whether this build can start the generation thread (a bundle without the entry generates on the core's thread). */
export function produceThreadAvailable(): boolean {
  const { source, built } = script();
  return existsSync(workerScript(source, built).file);
}

/** Generates on the thread, handing each batch to `write` (on this thread, in order). Resolves once every row was written. */
export async function produceOnThread(options: ProduceOptions, write: (batch: RowBatch) => void): Promise<void> {
  const { source, built } = script();
  await runProducer<ProduceRequest, RowBatch, null>(
    { source, built, request: { ...options, batchRows: BATCH_ROWS }, maxAhead: MAX_AHEAD, name: "the demo's generation thread" },
    (batch) => write(batch),
  );
}
