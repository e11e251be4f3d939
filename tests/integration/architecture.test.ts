// The layer rules of docs/architecture.md, checked by scanning imports. A failure names the file, the
// import and the rule; a loop between the core's domains is named with the imports that close it. Test files (*.test.*) never ship, so the bundle rules (Node modules in the
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
      if ((under(file.path, 'electron/http') || under(file.path, 'electron/cli')) && to && under(to, 'electron/main')) {
        report(spec, 'electron/http and electron/cli never import electron/main');
      }
      if (under(file.path, 'electron/preload') && !isTest) {
        const allowed = spec === 'electron' || (to !== undefined && /^shared\/rpc(?:\.ts)?$/.test(to));
        if (!allowed) report(spec, "electron/preload imports only 'electron' and shared/rpc");
      }
    }
  }
  return out;
}

// The core's own structure (docs/architecture.md, "The order of domains"). A domain is the first
// folder under electron/core; a file at the core's root is its own part, named without extension
// (handlers, dispatch, index: the handler table and the door, which import every domain).
// Infrastructure — core/db, core/lib and the root's context, errors and handlerTypes — may be
// imported by any domain and imports no domain. Between the rest, imports run one way: a loop, however
// long, fails with the domains in order and, for each step, the import that makes it.

const CORE = 'electron/core';
const INFRASTRUCTURE = new Set(['db', 'lib', 'context', 'errors', 'handlerTypes']);

/** The part of electron/core a path (a file, or an import's target without extension) belongs to. */
function partOf(path: string): string | undefined {
  if (!under(path, CORE)) return undefined;
  const first = path.slice(CORE.length + 1).split('/')[0] ?? '';
  return first === '' ? 'index' : first.replace(/\.[cm]?[jt]sx?$/, '');
}

interface Step {
  from: string;
  to: string;
  /** `file imports 'spec'`: the first import seen that makes this step. */
  via: string;
}

/** One line per broken rule of the core's structure: infrastructure importing a domain, then each loop between domains. */
function coreViolations(files: SourceFile[]): string[] {
  const out: string[] = [];
  const steps = new Map<string, Map<string, Step>>();
  for (const file of files) {
    if (/\.test\.[cm]?[jt]sx?$/.test(file.path)) continue; // tests do not ship and are no part of the structure
    const from = partOf(file.path);
    if (from === undefined) continue;
    for (const spec of importsOf(file.text)) {
      const to = target(file.path, spec);
      const toPart = to === undefined ? undefined : partOf(to);
      if (toPart === undefined || toPart === from || INFRASTRUCTURE.has(toPart)) continue;
      if (INFRASTRUCTURE.has(from)) {
        out.push(`${file.path}: import '${spec}' (core/db, core/lib and the core's context, errors and handlerTypes import no domain)`);
        continue;
      }
      const next = steps.get(from) ?? new Map<string, Step>();
      steps.set(from, next);
      if (!next.has(toPart)) next.set(toPart, { from, to: toPart, via: `${file.path} imports '${spec}'` });
    }
  }
  for (const group of stronglyConnected(steps)) {
    const loop = loopThrough(group, steps);
    out.push(`import cycle between domains of electron/core: ${[...loop.map((step) => step.from), loop[0]!.from].join(' → ')} (${loop.map((step) => step.via).join('; ')})`);
  }
  return out;
}

/** The groups of two or more parts that reach each other (Tarjan), each sorted, in name order. */
function stronglyConnected(steps: Map<string, Map<string, Step>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const groups: string[][] = [];
  const visit = (part: string) => {
    index.set(part, index.size);
    low.set(part, index.get(part)!);
    stack.push(part);
    for (const next of [...(steps.get(part)?.keys() ?? [])].sort()) {
      if (!index.has(next)) {
        visit(next);
        low.set(part, Math.min(low.get(part)!, low.get(next)!));
      } else if (stack.includes(next)) low.set(part, Math.min(low.get(part)!, index.get(next)!));
    }
    if (low.get(part) === index.get(part)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        group.push(member);
      } while (member !== part);
      if (group.length > 1) groups.push(group.sort());
    }
  };
  for (const part of [...steps.keys()].sort()) if (!index.has(part)) visit(part);
  return groups.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** A shortest loop from the group's first part back to it, inside the group (breadth first). */
function loopThrough(group: string[], steps: Map<string, Map<string, Step>>): Step[] {
  const start = group[0]!;
  const inGroup = new Set(group);
  const cameBy = new Map<string, Step>();
  const queue = [start];
  while (queue.length > 0) {
    const part = queue.shift()!;
    for (const [next, step] of [...(steps.get(part) ?? new Map<string, Step>())].sort(([a], [b]) => a.localeCompare(b))) {
      if (!inGroup.has(next)) continue;
      if (next === start) {
        const loop = [step];
        for (let at = part; at !== start; at = cameBy.get(at)!.from) loop.unshift(cameBy.get(at)!);
        return loop;
      }
      if (!cameBy.has(next)) {
        cameBy.set(next, step);
        queue.push(next);
      }
    }
  }
  throw new Error(`no loop through ${start}`); // unreachable: the group is strongly connected
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

  it("keeps the core's domains free of import cycles in the current tree", () => {
    const files = projectFiles();
    // The scan must see the core's domains and the handler table, or it proves nothing.
    const parts = new Set(files.map((f) => partOf(f.path)).filter((part) => part !== undefined));
    for (const part of ['db', 'metrics', 'health', 'journeys', 'references', 'requests', 'export', 'handlers']) expect(parts).toContain(part);
    expect(coreViolations(files)).toEqual([]);
  });

  it('names every import cycle between domains, and infrastructure that imports a domain', () => {
    const files: SourceFile[] = [
      // A two-domain loop, through a folder's index.
      { path: 'electron/core/alpha/one.ts', text: "import { b } from '../beta';" },
      { path: 'electron/core/beta/index.ts', text: "export { a } from '../alpha/one';" },
      // A three-domain loop through the handler table, and a type-only import counts.
      { path: 'electron/core/gamma/x.ts', text: "import type { T } from '../handlers';" },
      { path: 'electron/core/handlers.ts', text: "import { d } from './delta/handlers';\nimport { errors } from './errors';" },
      { path: 'electron/core/delta/handlers.ts', text: "import { g } from '../gamma/x';\nimport { stmt } from '../db/sql';" },
      // Infrastructure importing a domain.
      { path: 'electron/core/db/open.ts', text: "import { backupBeforeMigration } from '../backup/backup';\nimport { CoreError } from '../errors';" },
      { path: 'electron/core/context.ts', text: "import type { Schema } from './db/schema';\nimport { x } from './metrics/cache';" },
      // Allowed: one direction, infrastructure used by domains, tests, and imports out of the core.
      { path: 'electron/core/epsilon/a.ts', text: "import { stmt } from '../db/sql';\nimport { f } from '../alpha/one';\nimport { z } from 'zod';" },
      { path: 'electron/core/alpha/one.test.ts', text: "import { e } from '../epsilon/a';" },
      { path: 'electron/core/zeta/a.ts', text: "import type { Result } from '../../../shared/rpc';" },
    ];
    expect(coreViolations(files)).toEqual([
      "electron/core/db/open.ts: import '../backup/backup' (core/db, core/lib and the core's context, errors and handlerTypes import no domain)",
      "electron/core/context.ts: import './metrics/cache' (core/db, core/lib and the core's context, errors and handlerTypes import no domain)",
      "import cycle between domains of electron/core: alpha → beta → alpha (electron/core/alpha/one.ts imports '../beta'; electron/core/beta/index.ts imports '../alpha/one')",
      "import cycle between domains of electron/core: delta → gamma → handlers → delta (electron/core/delta/handlers.ts imports '../gamma/x'; electron/core/gamma/x.ts imports '../handlers'; electron/core/handlers.ts imports './delta/handlers')",
    ]);
  });

  it('reads every form of import', () => {
    const text = [
      "import Database from 'better-sqlite3';",
      "import type { Kysely } from 'kysely';",
      'import {',
      '  a,',
      '  type B,',
      "} from './multi';",
      "import './side-effect.css';",
      "export * from './reexported';",
      'export { x as y } from "./double";',
      "const lazy = await import('./lazy');",
      "const old = require('node:fs');",
      "// import nothing from 'commented-out'",
      " * import nothing from 'doc-comment'",
      'const text = \'import x from "not-at-line-start"\';',
    ].join('\n');
    expect(importsOf(text)).toEqual(['better-sqlite3', 'kysely', './multi', './side-effect.css', './reexported', './double', './lazy', 'node:fs']);
  });

  it('reports each broken rule with the file and the import', () => {
    const files: SourceFile[] = [
      { path: 'electron/core/bad.ts', text: "import { app } from 'electron';\nimport { x } from '../main/window';" },
      { path: 'electron/http/bad.ts', text: "import { ipcMain } from 'electron/main';" },
      { path: 'electron/cli/bad.ts', text: "const { shell } = require('electron');\nimport { openWindow } from '../main/window';" },
      { path: 'electron/http/worse.ts', text: "import { registerGrant } from '../main/grants';" },
      {
        path: 'shared/bad.ts',
        text: "import { readFileSync } from 'node:fs';\nimport path from 'path';\nimport { Kysely } from 'kysely';\nimport { y } from '../electron/core/errors';",
      },
      {
        path: 'renderer/src/bad.tsx',
        text: "import Database from 'better-sqlite3';\nimport { z } from 'fs/promises';\nimport { ipcRenderer } from 'electron';\nimport { createCore } from '../../electron/core';",
      },
      {
        path: 'electron/preload/index.ts',
        text: "import { contextBridge } from 'electron';\nimport { INVOKE_CHANNEL } from '../../shared/rpc';\nimport { contract } from '../../shared/contract';\nimport { z } from 'zod';",
      },
      // Allowed: main and preload use electron; the renderer uses shared; tests may read files.
      { path: 'electron/main/index.ts', text: "import { app } from 'electron';\nimport { createCore } from '../core';" },
      { path: 'renderer/src/ok.ts', text: "import type { Result } from '../../shared/rpc';\nimport { useState } from 'react';" },
      { path: 'renderer/src/ok.test.ts', text: "import { readFileSync } from 'node:fs';" },
    ];
    expect(layerViolations(files)).toEqual([
      "electron/core/bad.ts: import 'electron' (only electron/main and electron/preload import 'electron')",
      "electron/core/bad.ts: import '../main/window' (electron/core never imports from the layers built on it)",
      "electron/http/bad.ts: import 'electron/main' (only electron/main and electron/preload import 'electron')",
      "electron/cli/bad.ts: import '../main/window' (electron/http and electron/cli never import electron/main)",
      "electron/cli/bad.ts: import 'electron' (only electron/main and electron/preload import 'electron')",
      "electron/http/worse.ts: import '../main/grants' (electron/http and electron/cli never import electron/main)",
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
