// The layer rules of docs/ARCHITECTURE, checked by scanning imports. A failure names the file, the
// import and the rule. Test files (*.test.*) never ship, so the bundle rules (Node modules in the
// renderer, the preload's two imports) do not apply to them; the 'electron' rule does.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, posix, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const SCANNED = ['electron', 'renderer', 'shared'];
const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const SKIPPED_DIRS = new Set(['node_modules', 'out', 'dist', '__snapshots__']);

interface SourceFile {
  /** Relative to the project root, with forward slashes. */
  path: string;
  text: string;
}

function walk(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(join(ROOT, dir), { withFileTypes: true });
  } catch {
    return []; // a layer nobody has written yet
  }
  return entries.flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) || entry.name.startsWith('.') ? [] : walk(path);
    return SOURCE.test(entry.name) ? [path] : [];
  });
}

/** Every module specifier a file imports: static imports and re-exports, import(), require(). */
function importsOf(text: string): string[] {
  // Drop comment lines so that prose about imports is not read as one.
  const code = text
    .split('\n')
    .filter((line) => !/^\s*(?:\/\/|\/\*|\*)/.test(line))
    .join('\n');
  const found: string[] = [];
  const patterns = [
    /^[ \t]*(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s*)?['"]([^'"\n]+)['"]/gm,
    /\bimport\s*\(\s*['"]([^'"\n]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"\n]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) found.push(match[1]!);
  return found;
}

const NODE_BUILTINS = new Set(builtinModules);
const isNodeBuiltin = (spec: string) => spec.startsWith('node:') || NODE_BUILTINS.has(spec) || NODE_BUILTINS.has(spec.split('/')[0]!);
const isPackage = (spec: string, name: string) => spec === name || spec.startsWith(`${name}/`);
const under = (path: string, dir: string) => path === dir || path.startsWith(`${dir}/`);

/** Where a relative import points, relative to the project root (no extension guessing needed for these rules). */
const target = (from: string, spec: string) => (spec.startsWith('.') ? posix.normalize(posix.join(posix.dirname(from), spec)) : undefined);

/** One line per broken rule: `file: import 'spec' (rule)`. */
function layerViolations(files: SourceFile[]): string[] {
  const out: string[] = [];
  for (const file of files) {
    const isTest = /\.test\.[cm]?[jt]sx?$/.test(file.path);
    const report = (spec: string, rule: string) => out.push(`${file.path}: import '${spec}' (${rule})`);
    for (const spec of importsOf(file.text)) {
      const to = target(file.path, spec);

      if (isPackage(spec, 'electron') && !under(file.path, 'electron/main') && !under(file.path, 'electron/preload')) {
        report(spec, "only electron/main and electron/preload import 'electron'");
      }
      if ((under(file.path, 'renderer') || under(file.path, 'shared')) && !isTest) {
        if (isNodeBuiltin(spec)) report(spec, 'renderer/ and shared/ never import Node modules');
        if (isPackage(spec, 'better-sqlite3') || isPackage(spec, 'kysely')) report(spec, 'renderer/ and shared/ never import better-sqlite3 or kysely');
      }
      if (under(file.path, 'renderer') && to && under(to, 'electron')) report(spec, 'renderer/ never imports from electron/');
      if (under(file.path, 'shared') && to && !under(to, 'shared')) report(spec, 'shared/ imports nothing outside shared/');
      if (under(file.path, 'electron/core') && to && (under(to, 'renderer') || ['main', 'preload', 'http', 'cli'].some((d) => under(to, `electron/${d}`)))) {
        report(spec, 'electron/core never imports from the layers built on it');
      }
      if (under(file.path, 'electron/preload') && !isTest) {
        const allowed = spec === 'electron' || (to !== undefined && /^shared\/rpc(?:\.ts)?$/.test(to));
        if (!allowed) report(spec, "electron/preload imports only 'electron' and shared/rpc");
      }
    }
  }
  return out;
}

function projectFiles(): SourceFile[] {
  return SCANNED.flatMap(walk).map((path) => ({ path: path.split(sep).join('/'), text: readFileSync(join(ROOT, path), 'utf8') }));
}

describe('architecture', () => {
  it('keeps the layer rules in the current tree', () => {
    const files = projectFiles();
    // The scan must have found the core and the contract, or it proves nothing.
    expect(files.some((f) => f.path === 'electron/core/index.ts')).toBe(true);
    expect(files.some((f) => f.path === 'shared/rpc.ts')).toBe(true);
    expect(files.flatMap((f) => importsOf(f.text)).length).toBeGreaterThan(20);
    expect(layerViolations(files)).toEqual([]);
  });

  it('reads every form of import', () => {
    const text = [
      "import Database from 'better-sqlite3';",
      "import type { Kysely } from 'kysely';",
      "import {",
      '  a,',
      '  type B,',
      "} from './multi';",
      "import './side-effect.css';",
      "export * from './reexported';",
      "export { x as y } from \"./double\";",
      "const lazy = await import('./lazy');",
      "const old = require('node:fs');",
      "// import nothing from 'commented-out'",
      " * import nothing from 'doc-comment'",
      "const text = 'import x from \"not-at-line-start\"';",
    ].join('\n');
    expect(importsOf(text)).toEqual([
      'better-sqlite3', 'kysely', './multi', './side-effect.css', './reexported', './double', './lazy', 'node:fs',
    ]);
  });

  it('reports each broken rule with the file and the import', () => {
    const files: SourceFile[] = [
      { path: 'electron/core/bad.ts', text: "import { app } from 'electron';\nimport { x } from '../main/window';" },
      { path: 'electron/http/bad.ts', text: "import { ipcMain } from 'electron/main';" },
      { path: 'electron/cli/bad.ts', text: "const { shell } = require('electron');" },
      { path: 'shared/bad.ts', text: "import { readFileSync } from 'node:fs';\nimport path from 'path';\nimport { Kysely } from 'kysely';\nimport { y } from '../electron/core/errors';" },
      { path: 'renderer/src/bad.tsx', text: "import Database from 'better-sqlite3';\nimport { z } from 'fs/promises';\nimport { ipcRenderer } from 'electron';\nimport { createCore } from '../../electron/core';" },
      { path: 'electron/preload/index.ts', text: "import { contextBridge } from 'electron';\nimport { INVOKE_CHANNEL } from '../../shared/rpc';\nimport { contract } from '../../shared/contract';\nimport { z } from 'zod';" },
      // Allowed: main and preload use electron; the renderer uses shared; tests may read files.
      { path: 'electron/main/index.ts', text: "import { app } from 'electron';\nimport { createCore } from '../core';" },
      { path: 'renderer/src/ok.ts', text: "import type { Result } from '../../shared/rpc';\nimport { useState } from 'react';" },
      { path: 'renderer/src/ok.test.ts', text: "import { readFileSync } from 'node:fs';" },
    ];
    expect(layerViolations(files)).toEqual([
      "electron/core/bad.ts: import 'electron' (only electron/main and electron/preload import 'electron')",
      "electron/core/bad.ts: import '../main/window' (electron/core never imports from the layers built on it)",
      "electron/http/bad.ts: import 'electron/main' (only electron/main and electron/preload import 'electron')",
      "electron/cli/bad.ts: import 'electron' (only electron/main and electron/preload import 'electron')",
      "shared/bad.ts: import 'node:fs' (renderer/ and shared/ never import Node modules)",
      "shared/bad.ts: import 'path' (renderer/ and shared/ never import Node modules)",
      "shared/bad.ts: import 'kysely' (renderer/ and shared/ never import better-sqlite3 or kysely)",
      "shared/bad.ts: import '../electron/core/errors' (shared/ imports nothing outside shared/)",
      "renderer/src/bad.tsx: import 'better-sqlite3' (renderer/ and shared/ never import better-sqlite3 or kysely)",
      "renderer/src/bad.tsx: import 'fs/promises' (renderer/ and shared/ never import Node modules)",
      "renderer/src/bad.tsx: import 'electron' (only electron/main and electron/preload import 'electron')",
      "renderer/src/bad.tsx: import '../../electron/core' (renderer/ never imports from electron/)",
      "electron/preload/index.ts: import '../../shared/contract' (electron/preload imports only 'electron' and shared/rpc)",
      "electron/preload/index.ts: import 'zod' (electron/preload imports only 'electron' and shared/rpc)",
    ]);
  });
});
