import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CoreError } from '../errors';
import { runProducer } from '../lib/producerThread';
import { workerScript } from '../lib/startWorker';
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

export interface ParseRequest {
  dbPath: string;
  input: ParsedImportInput;
  decisions: PlanDecisions;
  options: FrontOptions;
}

/** What the thread ends with: the decoder's count of undecodable characters. */
export interface ParseEnd {
  replaced?: number;
}

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
 * once; a promise from `write` (a test hold) keeps the thread waiting until it settles. Resolves with whether it stopped early and the decoder's count of undecodable characters.
 */
export async function runOnParseThread(
  request: ParseRequest,
  write: (batch: FrontBatch) => boolean | Promise<boolean>,
): Promise<{ stopped: boolean; replaced?: number; cpuSeconds?: number }> {
  const { source, built } = script();
  const ran = await runProducer<ParseRequest, FrontBatch, ParseEnd>(
    {
      source,
      built,
      request,
      maxAhead: MAX_AHEAD,
      name: "the import's parse thread",
      // A CoreError on the thread (a mapping the workspace refuses, a file gone) reaches the caller as one.
      toError: (error) => (error.code ? new CoreError(error.code, error.message, error.issues) : new Error(`the import's parse thread failed: ${error.message}`)),
    },
    write,
  );
  return ran.stopped ? { stopped: true } : { stopped: false, replaced: ran.value?.replaced, cpuSeconds: ran.cpuSeconds };
}
