// Starting a thread from a module of the core (the core host, the import's parse thread), the same
// way in every host: the built `.js` when the app runs built (out/main/<name>.js), otherwise the
// `.ts` source through tsx (tests, benchmarks, dev), since a Node worker cannot load TypeScript itself.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker, type WorkerOptions } from 'node:worker_threads';

export interface WorkerScript {
  /** The file to run. */
  file: string;
  /** A `.ts` source, run through tsx (a devDependency: only tests and dev run sources). */
  viaTsx: boolean;
}

/** Which file runs a worker entry: `built` (a path to the built `.js`, or several to try in order) when one exists, else `source`. */
export function workerScript(source: string, built: string | readonly string[] = []): WorkerScript {
  const file = (typeof built === 'string' ? [built] : built).find((candidate) => existsSync(candidate)) ?? source;
  return { file, viaTsx: /\.[cm]?tsx?$/.test(file) };
}

/**
 * A worker_threads Worker running `workerScript(source, built)`; other options are Node's own.
 * A `.ts` file starts from a one-line CommonJS loader that registers tsx first: given the file
 * itself, Node's ESM loader (or Node 24's own type stripping) would take it and refuse the
 * extensionless relative imports the code base uses.
 */
export function startWorker(source: string, options: WorkerOptions & { built?: string | readonly string[] } = {}): Worker {
  const { built, execArgv = [], ...rest } = options;
  const script = workerScript(source, built);
  if (!script.viaTsx) return new Worker(script.file, { ...rest, execArgv });
  const tsx = createRequire(__filename).resolve('tsx/cjs');
  return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(script.file)});`, { ...rest, eval: true, execArgv });
}
