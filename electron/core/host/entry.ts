// The core host's entry: the thread or process that runs the core. In a worker_threads Worker it
// talks over parentPort; in an Electron utilityProcess over process.parentPort, whose messages
// arrive wrapped as { data }; in a child process forked by plain Node (host/process.ts
// childCoreProcess) over process.send. Built as out/main/coreHost.js (electron.vite.config.ts).
import { setPriority } from 'node:os';
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
  if (utility) return { postMessage: (message) => utility.postMessage(message), on: (_event, listener) => utility.on('message', (event) => listener(event.data)) };
  const send = process.send?.bind(process);
  if (!send) throw new Error('the core host must run in a worker thread, an Electron utility process or a forked child process');
  // Its parent gone (the channel closed), the core has no one to answer: it ends rather than linger.
  process.once('disconnect', () => process.exit(0));
  return { postMessage: (message) => void send(message), on: (_event, listener) => process.on('message', listener) };
}

/**
 * How much the core's thread or process yields the CPU to the loop that serves windows and requests
 * (a nice value; FULCRUM_CORE_NICE overrides it, 0 turns it off). On a busy machine the host's
 * loop otherwise waits behind the core's own threads for a core: the event-loop benchmark saw its
 * main thread runnable but not running for up to 1.8 s while an idle process beside it ran.
 */
const CORE_NICE = Number(process.env.FULCRUM_CORE_NICE ?? 10);

/**
 * Lowers this thread's priority (Linux: setpriority on the calling thread, inherited by the threads
 * it starts: the import's parse thread, SQLite's sort helpers). Elsewhere a priority is the whole
 * process's: lowered only when the core has a process of its own, never in a worker beside the host.
 */
function yieldToHost(): void {
  if (!Number.isFinite(CORE_NICE) || CORE_NICE === 0) return;
  if (parentPort && process.platform !== 'linux') return;
  try {
    setPriority(CORE_NICE);
  } catch {
    // Not permitted here: the core runs at the host's priority, as before.
  }
}

yieldToHost();
serveCore(hostPort());
