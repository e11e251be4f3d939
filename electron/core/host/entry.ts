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
 * A nice value for the core's thread or process (FULCRUM_CORE_NICE; off by default). The event-loop
 * benchmark saw the host's main thread runnable but not running for up to 1.8 s behind the core's own
 * threads while an idle process beside it ran; nice 10 was tried as the cure and, measured in one run
 * beside the same worker at the host's priority, did not shorten those stalls (docs/benchmarks.md), so
 * it stays opt-in, for that benchmark's A/B.
 */
const CORE_NICE = Number(process.env.FULCRUM_CORE_NICE ?? 0);

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
