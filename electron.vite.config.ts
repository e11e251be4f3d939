import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Explicit entries: the fixed layout keeps main, preload and renderer outside electron-vite's src/ default.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The `fulcrum` command (cli.js, run by electron/cli/bin.cjs) and `npm run web`'s server
      // (serve.js) are built here beside the shell rather than by a separate esbuild step: one
      // build command (`npm run build`, which `npm start` and `npm test` run anyway), one config, and
      // the same externals (package.json's dependencies stay require()s, so better-sqlite3's native
      // module loads from node_modules and the output stays small). The core they share with the
      // shell lands in a common chunk. Nothing here imports 'electron' but electron/main.
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          cli: resolve(__dirname, 'electron/cli/index.ts'),
          serve: resolve(__dirname, 'electron/http/serve.ts'),
          // The core's own thread or process (issue 14): a worker of serve.js, a utilityProcess of the shell.
          coreHost: resolve(__dirname, 'electron/core/host/entry.ts'),
          // The import's parse thread (issue 14): a worker of the core's thread or process, found beside it.
          importParse: resolve(__dirname, 'electron/core/import/parseEntry.ts'),
          // The demo generator's thread (issue 14): generates while the core's thread writes.
          demoProduce: resolve(__dirname, 'electron/core/demo/produceEntry.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // The sandboxed preload cannot require() anything but 'electron': bundle everything, emit CommonJS.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      // Overridable so parallel test runs (several checkouts, one machine) do not build over each other.
      outDir: process.env.FULCRUM_RENDERER_OUT ?? resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
