import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  test: {
    root,
    // The run's own temporary folder (TMPDIR), removed at its end: nothing a test or the core
    // leaves in the temp directory outlives the run.
    globalSetup: ['tests/fixtures/tempRoot.ts'],
    // The node and renderer projects run their files in one worker process that keeps its loaded
    // modules (isolate: false, set per project: inline projects do not inherit it). A fresh process per
    // file spent 727 s of the node lane's 1,370 s in ci48 between files, on this two-core machine,
    // importing the core again. The e2e files keep a process each: run in one process,
    // jobsPickup.test.ts's first test hung (180 s) twice after other files and passed whenever it
    // ran first; the cause is not found yet.
    projects: [
      {
        test: {
          name: 'node',
          root,
          isolate: false,
          environment: 'node',
          include: ['electron/**/*.test.ts', 'shared/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          // A loaded two-core machine: CLI tests took up to 74 s and demo-generating beforeAll hooks
          // passed vitest's 10 s hook default beside other runs, failing or skipping whole files.
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'renderer',
          root,
          isolate: false,
          environment: 'happy-dom',
          include: ['renderer/**/*.test.ts', 'renderer/**/*.test.tsx'],
        },
      },
      {
        test: {
          name: 'e2e',
          root,
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          // Each file's tests fail on their pages' errors (harness.ts), whether or not files share a process.
          setupFiles: ['tests/e2e/setup.ts'],
          // Generous for a loaded two-core machine (a test took 40 s of a 90 s limit beside another run).
          testTimeout: 180_000,
          hookTimeout: 300_000,
          // A screen's first text can take seconds on a loaded machine: expect.poll waits up to 30 s
          // for it (the default, 1 s, failed the suite whenever something else ran beside it).
          expect: { poll: { timeout: 30_000, interval: 100 } },
          // One browser at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
