// The core's own process in the desktop app (issue 14): an Electron utilityProcess running the core
// host (out/main/coreHost.js), spoken to with the host protocol over its parent port. A crash there
// is an exit event here: the client (electron/core/host/client.ts) fails the calls in flight,
// starts it again and tells the window, which shows a banner. Why a process and not a worker: docs/architecture.md, Threads.
import { utilityProcess } from 'electron';
import { join } from 'node:path';
import type { CoreProcess } from '../core/host/process';

export function utilityCoreProcess(): CoreProcess {
  const child = utilityProcess.fork(join(__dirname, 'coreHost.js'), [], { serviceName: 'Fulcrum core', stdio: 'inherit' });
  let exited: Promise<void> | undefined;
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    // Messages posted before the process has spawned are queued by Electron and delivered in order.
    postMessage: (message) => child.postMessage(message),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => void exit.then(listener),
    kill: () => {
      exited ??= exit.then(() => undefined);
      child.kill();
      return exited;
    },
  };
}
