// The thread or process a core host runs in, as the client needs it: send, hear, notice its end,
// end it. Here a worker_threads Worker (the HTTP bridge, tests, benchmarks); electron/main makes
// the same shape from a utilityProcess.
import { join } from 'node:path';
import { startWorker } from '../lib/startWorker';
import type { FromCore, ToCore } from './protocol';

export interface CoreProcess {
  postMessage(message: ToCore): void;
  onMessage(listener: (message: FromCore) => void): void;
  /** Once, when it ended for any reason: `code` is its exit code (null when unknown). */
  onExit(listener: (code: number | null) => void): void;
  kill(): Promise<void>;
}

export type SpawnCore = () => CoreProcess;

/**
 * The entry's built file beside the running bundle (out/main/coreHost.js, also from out/main/chunks/),
 * or its source through tsx when this module runs from source.
 */
export function coreHostBuilt(dir = __dirname): string[] {
  return [join(dir, 'coreHost.js'), join(dir, '..', 'coreHost.js')];
}

/** A core host in a worker thread of this process. */
export function workerCoreProcess(): CoreProcess {
  const worker = startWorker(join(__dirname, 'entry.ts'), { built: /\.ts$/.test(__filename) ? [] : coreHostBuilt() });
  let exited = false;
  const exitListeners: ((code: number | null) => void)[] = [];
  const ended = (code: number | null) => {
    if (exited) return;
    exited = true;
    exitListeners.forEach((listener) => listener(code));
  };
  worker.on('exit', (code) => ended(code));
  // An uncaught exception in the worker ends it; 'exit' follows, this only keeps it from throwing here.
  worker.on('error', () => undefined);
  return {
    postMessage: (message) => worker.postMessage(message),
    onMessage: (listener) => worker.on('message', listener),
    onExit: (listener) => exitListeners.push(listener),
    kill: async () => {
      await worker.terminate();
    },
  };
}
