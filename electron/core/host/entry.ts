// The core host's entry: the thread or process that runs the core. In a worker_threads Worker it
// talks over parentPort; in an Electron utilityProcess over process.parentPort, whose messages
// arrive wrapped as { data }. Built as out/main/coreHost.js (electron.vite.config.ts).
import { parentPort } from 'node:worker_threads';
import type { Port } from './protocol';
import { serveCore } from './server';

interface UtilityParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
}

function hostPort(): Port {
  if (parentPort) return parentPort;
  // Electron's types declare process.parentPort always; in a plain Node process it is absent.
  const utility = (process as unknown as { parentPort?: UtilityParentPort }).parentPort;
  if (!utility) throw new Error('the core host must run in a worker thread or an Electron utility process');
  return { postMessage: (message) => utility.postMessage(message), on: (_event, listener) => utility.on('message', (event) => listener(event.data)) };
}

serveCore(hostPort());
