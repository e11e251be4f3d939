#!/usr/bin/env node
'use strict';
// The `fulcrum` npm bin. The CLI is TypeScript, run through tsx like every other script of this
// project: register tsx's CommonJS loader, then hand over to electron/cli/index.ts.
require('tsx/cjs');
require('./index.ts').main();
