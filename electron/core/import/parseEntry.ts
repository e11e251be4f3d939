// The import's parse thread (started by parseThread.ts): opens the workspace read-only, reopens the
// plan the core's thread made, and posts the front half's batches (front.ts) in file order through
// the producer pipe (lib/producerThread.ts: at most MAX_AHEAD not yet written; it stops at the next
// batch once told to).
import Database from 'better-sqlite3';
import { produceInWorker } from '../lib/producerThread';
import { frontBatches, type FrontBatch } from './front';
import type { ParseEnd, ParseRequest } from './parseThread';
import { reopenPlan } from './plan';

produceInWorker<ParseRequest, FrontBatch, ParseEnd>(async (request, send) => {
  const sqlite = new Database(request.dbPath, { readonly: true, fileMustExist: true });
  try {
    const plan = await reopenPlan(sqlite, request.input, request.decisions);
    for (const batch of frontBatches(sqlite, plan, request.options)) send(batch);
    return { replaced: plan.source.encodingReport?.().replaced };
  } finally {
    sqlite.close();
  }
});
