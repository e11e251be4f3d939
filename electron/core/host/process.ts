// The thread or process a core host runs in, as the client needs it: send, hear, notice its end,
// end it. Here a worker_threads Worker (the HTTP bridge, tests, benchmarks) and a child process of
// plain Node (the desktop's shape, a process of its own, where Electron is not at hand: the
// event-loop benchmark); electron/main makes the same shape from a utilityProcess.
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { startWorker, workerScript } from '../lib/startWorker';
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

/**
 * A core host in a child process of its own (Node's fork, messages structured-cloned as a worker's
 * are): what the desktop's utilityProcess is, in plain Node. The child shares no memory, heap or
 * address space with this process, so nothing it does can hold this one's event loop.
 */
export function childCoreProcess(): CoreProcess {
  const script = workerScript(join(__dirname, 'entry.ts'), /\.ts$/.test(__filename) ? [] : coreHostBuilt());
  const execArgv = script.viaTsx ? ['--require', createRequire(__filename).resolve('tsx/cjs')] : [];
  const child = fork(script.file, [], { serialization: 'advanced', execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // A message posted to a child that has just died is lost, not thrown: its exit answers the calls.
  child.on('error', () => undefined);
  return {
    postMessage: (message) => {
      if (child.connected) child.send(message);
    },
    onMessage: (listener) => child.on('message', (message) => listener(message as FromCore)),
    onExit: (listener) => void exit.then(listener),
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill();
      await exit;
    },
  };
}
