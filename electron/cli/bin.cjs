#!/usr/bin/env node
'use strict';
// The `fulcrum` npm bin. It runs the CLI as `npm run build` built it (electron/cli/index.ts ->
// out/main/cli.js, see electron.vite.config.ts), so a command starts in plain Node, with no
// TypeScript loader. Before the first build it says so in one line instead of building on demand:
// a build takes a while and writes out/, which no command should do unasked. A build is not
// refreshed by editing the sources: `npm run build` again (npm start, web and test build anyway).
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const built = join(__dirname, '../../out/main/cli.js');
if (!existsSync(built)) {
  process.stderr.write('fulcrum: the command is not built yet (out/main/cli.js is missing): run `npm run build` first\n');
  process.exit(1);
}
require(built).main();
