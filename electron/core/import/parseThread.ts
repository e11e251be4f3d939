import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorCode, InputIssue } from '../../../shared/rpc';
import { CoreError } from '../errors';
import { startWorker, workerScript } from '../lib/startWorker';
import type { FrontBatch, FrontOptions } from './front';
import type { ParsedImportInput, PlanDecisions } from './plan';

// The import's second core (issue 14): a worker thread reads, converts, matches and validates the
// rows (front.ts) on a read connection of its own while the core's thread writes the batch before
// in the import's one transaction. The worker reads the workspace as it was before the import (WAL:
// the writer's transaction is invisible to it until it commits), which is what the front half
// needs: rows the import itself adds are caught as in-file duplicates. It runs at most MAX_AHEAD
// batches ahead of the writer, so memory holds a few batches, never the file.

/** Batches parsed but not yet written: enough to keep both cores busy, few enough to bound memory. */
const MAX_AHEAD = 3;

/** control[0]: batches posted and not yet written; control[1]: 1 once the core's thread wants no more. */
export const AHEAD = 0;
export const STOP = 1;

export interface ParseRequest {
  dbPath: string;
  input: ParsedImportInput;
  decisions: PlanDecisions;
  options: FrontOptions;
  maxAhead: number;
  control: SharedArrayBuffer;
}

export type FromParse =
  { type: 'batch'; batch: FrontBatch } | { type: 'end'; replaced?: number; cpuSeconds?: number } | { type: 'error'; message: string; code?: ErrorCode; issues?: InputIssue[] };

/** The entry's source, and its built file beside the running bundle (out/main/importParse.js, also from out/main/chunks/). */
const script = () => ({ source: join(__dirname, 'parseEntry.ts'), built: [join(__dirname, 'importParse.js'), join(__dirname, '..', 'importParse.js')] });

/** Whether this build can start the parse thread (a bundle without the entry, e.g. a test's esbuild child, parses on the core's thread). */
export function parseThreadAvailable(): boolean {
  const { source, built } = script();
  return existsSync(workerScript(source, built).file);
}

/**
 * Runs the front half on the parse thread, handing each batch to `write` in file order on this
 * thread. `write` returns true to stop (a cancel): the thread is told and the promise settles at
 * once. Resolves with whether it stopped early and the decoder's count of undecodable characters.
 */
export function runOnParseThread(
  request: Omit<ParseRequest, 'control' | 'maxAhead'>,
  write: (batch: FrontBatch) => boolean,
): Promise<{ stopped: boolean; replaced?: number; cpuSeconds?: number }> {
  const control = new Int32Array(new SharedArrayBuffer(8));
  const { source, built } = script();
  const worker = startWorker(source, { built, workerData: { ...request, maxAhead: MAX_AHEAD, control: control.buffer } satisfies ParseRequest });
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (then: () => void) => {
      if (settled) return;
      settled = true;
      Atomics.store(control, STOP, 1);
      Atomics.notify(control, AHEAD);
      then();
    };
    worker.on('message', (message: FromParse) => {
      if (settled) return;
      if (message.type === 'error') {
        settle(() => reject(message.code ? new CoreError(message.code, message.message, message.issues) : new Error(`the import's parse thread failed: ${message.message}`)));
        return;
      }
      if (message.type === 'end') {
        settle(() => resolve({ stopped: false, replaced: message.replaced, cpuSeconds: message.cpuSeconds }));
        return;
      }
      let stop: boolean;
      try {
        stop = write(message.batch);
      } catch (error) {
        settle(() => reject(error instanceof Error ? error : new Error(String(error))));
        void worker.terminate();
        return;
      }
      Atomics.sub(control, AHEAD, 1);
      Atomics.notify(control, AHEAD);
      if (stop) settle(() => resolve({ stopped: true }));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`the import's parse thread ended (exit code ${code}) before the last row`))));
  });
}
