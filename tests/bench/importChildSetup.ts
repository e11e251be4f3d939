// What the import children (importChild.ts, xlsxMemoryChild.ts) share: a core on a new workspace
// seeded with the accounts CSV, one timed step with its memory sampled, and the process's exit
// code. Each child runs in its own process so that its peak memory is one import's alone.
import { createCore, plainPaths, type Core } from '../../electron/core';

/** A core on a new workspace at `dbPath`, with the accounts of `accountsCsv` imported (the CRM preset); closed after `body`. */
export async function withSeededCore<T>(dbPath: string, accountsCsv: string, body: (core: Core) => Promise<T>, log: (message: string) => void = () => {}): Promise<T> {
  const core = await createCore({ dbPath, create: true, files: plainPaths(), log: (_level, message) => log(message) });
  try {
    const seeded = await core.dispatch('import.commit', { jobId: 'accounts', path: accountsCsv, into: 'accounts', preset: 'crm-accounts' });
    if (!seeded.ok) throw new Error(seeded.error.message);
    return await body(core);
  } finally {
    await core.close();
  }
}

export interface Measured<T> {
  value: T;
  seconds: number;
  baselineRssMb: number;
  /** Sampled every 20 ms while the step ran. */
  peakRssMb: number;
  /** The process's own high-water mark (getrusage), samples or not. */
  maxRssMb: number;
}

const mb = (bytes: number) => bytes / 1024 / 1024;

/** Runs one step, timing it and sampling the resident set size while it runs. */
export async function measured<T>(step: () => Promise<T>): Promise<Measured<T>> {
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const baseline = process.memoryUsage().rss;
  const started = performance.now();
  try {
    const value = await step();
    const seconds = (performance.now() - started) / 1000;
    return { value, seconds, baselineRssMb: mb(baseline), peakRssMb: mb(Math.max(peak, process.memoryUsage().rss)), maxRssMb: process.resourceUsage().maxRSS / 1024 };
  } finally {
    clearInterval(timer);
  }
}

/** Runs a child's main: its one JSON line on stdout, the error on stderr and exit code 1 on failure. */
export function runChild(main: () => Promise<object>): void {
  main().then(
    (line) => {
      process.stdout.write(`${JSON.stringify(line)}\n`);
      process.exit(0);
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
