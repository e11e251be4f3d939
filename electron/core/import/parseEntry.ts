// The import's parse thread (started by parseThread.ts): opens the workspace read-only, reopens the
// plan the core's thread made, and posts the front half's batches (front.ts) in file order, waiting
// while MAX_AHEAD of them are not yet written. Stops at the next batch once told to.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { CoreError } from '../errors';
import { frontBatches } from './front';
import { AHEAD, STOP, type FromParse, type ParseRequest } from './parseThread';
import { reopenPlan } from './plan';

const request = workerData as ParseRequest;
const control = new Int32Array(request.control);
const post = (message: FromParse) => parentPort!.postMessage(message);

async function main(): Promise<void> {
  const sqlite = new Database(request.dbPath, { readonly: true, fileMustExist: true });
  try {
    const plan = await reopenPlan(sqlite, request.input, request.decisions);
    for (const batch of frontBatches(sqlite, plan, request.options)) {
      if (Atomics.load(control, STOP) === 1) return;
      // Counted before it is posted, so the writer's decrement can never come first.
      Atomics.add(control, AHEAD, 1);
      post({ type: 'batch', batch });
      for (let ahead = Atomics.load(control, AHEAD); ahead >= request.maxAhead && Atomics.load(control, STOP) === 0; ahead = Atomics.load(control, AHEAD)) {
        Atomics.wait(control, AHEAD, ahead, 1_000);
      }
    }
    // The thread's own CPU time (where the runtime can tell), for the log: the second core's share of the work.
    const cpu = typeof process.threadCpuUsage === 'function' ? process.threadCpuUsage() : undefined;
    post({ type: 'end', replaced: plan.source.encodingReport?.().replaced, ...(cpu ? { cpuSeconds: (cpu.user + cpu.system) / 1e6 } : {}) });
  } finally {
    sqlite.close();
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  post(error instanceof CoreError ? { type: 'error', message, code: error.code, issues: error.issues } : { type: 'error', message });
});
