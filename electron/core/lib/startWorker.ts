// Starting a thread from a module of the core (the core host, the import's parse thread), the same
// way in every host: the built `.js` when the app runs built (out/main/<name>.js), otherwise the
// `.ts` source through tsx (tests, benchmarks, dev), since a Node worker cannot load TypeScript itself.
import { existsSync } from 'node:fs';
import { Worker, type WorkerOptions } from 'node:worker_threads';

export interface WorkerScript {
  /** The file to run. */
  file: string;
  /** Node flags it needs: `--import tsx` for a `.ts` source, nothing for built JavaScript. */
  execArgv: string[];
}

/**
 * Which file runs a worker entry: `built` (a path to the built `.js`, or several to try in order)
 * when one exists, else `source`. A `.ts` source gets tsx (a devDependency: only tests and dev use it).
 */
export function workerScript(source: string, built: string | readonly string[] = []): WorkerScript {
  const file = (typeof built === 'string' ? [built] : built).find((candidate) => existsSync(candidate)) ?? source;
  return { file, execArgv: /\.[cm]?tsx?$/.test(file) ? ['--import', 'tsx'] : [] };
}

/** A worker_threads Worker running `workerScript(source, built)`; other options are Node's own. */
export function startWorker(source: string, options: WorkerOptions & { built?: string | readonly string[] } = {}): Worker {
  const { built, execArgv = [], ...rest } = options;
  const script = workerScript(source, built);
  return new Worker(script.file, { ...rest, execArgv: [...script.execArgv, ...execArgv] });
}
