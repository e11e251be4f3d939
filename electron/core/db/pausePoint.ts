import { writeSync } from 'node:fs';

/**
 * A named point in a long write where the crash tests stop the process: with
 * FULCRUM_TEST_PAUSE=<name> in its environment, the process prints `paused at <name>` on stdout
 * and blocks right there (synchronously, so nothing after it runs), until the test kills it.
 * Without the variable it does nothing.
 */
export function pausePoint(name: string): void {
  if (process.env.FULCRUM_TEST_PAUSE !== name) return;
  writeSync(1, `paused at ${name}\n`);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}
