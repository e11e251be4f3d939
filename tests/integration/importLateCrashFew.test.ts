import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, expect, it } from 'vitest';
import { plainPaths } from '../../electron/core';
import type { Input } from '../../shared/contract';
import { FIXED_NOW, tempWorkspacePath, testCore, type TestCore } from '../fixtures/core';
import { accountsCsv, ticketsCsv, writeFixture } from '../fixtures/import/generate';

// importLateCrash.test.ts for the other refresh: an import touching 2 of 40 accounts refreshes
// only them (derived/refreshAccounts.ts), and a kill after its commit or inside that refresh must
// leave the stale mark, so the next open rebuilds and every dashboard figure equals a full rebuild's.

const root = join(import.meta.dirname, '../..');
const POINTS = ['import-after-commit', 'refresh-after-arr', 'refresh-after-rollups', 'refresh-before-commit'] as const;
const DASHBOARDS: Input<'metrics.portfolio'>[] = [{ from: '2024-10-01', to: '2025-04-01', granularity: 'month' }, {}];

let child: string;
let base: string;
let source: string;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fulcrum-late-crash-few-'));
  child = join(dir, 'child.cjs');
  await build({
    entryPoints: [join(root, 'tests/fixtures/import/lateCrashChild.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    outfile: child,
    logLevel: 'warning',
  });
  base = join(dir, 'base.fulcrum');
  const core = await testCore(base, { files: plainPaths() });
  await core.call('import.commit', { jobId: 'accounts', path: writeFixture(dir, 'accounts.csv', accountsCsv(40)), into: 'accounts', preset: 'crm-accounts' });
  await core.call('import.commit', { jobId: 'tickets', path: writeFixture(dir, 'first.csv', ticketsCsv(300, 40)), into: 'tickets', preset: 'helpdesk-tickets' });
  await core.close();
  // 20 new tickets for ACC-1 and ACC-2 only.
  source = writeFixture(dir, 'few.csv', ticketsCsv(20, 2).replace(/\nT-/g, '\nN-'));
}, 120_000);

function killAt(point: string, dbPath: string): Promise<void> {
  const proc = spawn(process.execPath, [child, dbPath, source, FIXED_NOW.toISOString()], {
    env: { ...process.env, FULCRUM_TEST_PAUSE: point, NODE_PATH: join(root, 'node_modules') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const paused = () => output.includes(`paused at ${point}\n`);
  proc.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if (paused() && proc.exitCode === null) proc.kill('SIGKILL');
  });
  proc.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) =>
    proc.on('exit', (_code, signal) => (signal === 'SIGKILL' && paused() ? resolve() : reject(new Error(`the child was not killed at ${point}: ${output}`)))),
  );
}

const dashboard = (core: TestCore) => Promise.all(DASHBOARDS.map((input) => core.call('metrics.portfolio', input)));

it('the import takes the per-account refresh', async () => {
  const path = tempWorkspacePath();
  copyFileSync(base, path);
  const core = await testCore(path, { files: plainPaths() });
  const logs: string[] = [];
  core.context.log = (_level, message) => logs.push(message);
  try {
    await core.call('import.commit', { jobId: 'few', path: source, into: 'tickets', preset: 'helpdesk-tickets' });
    expect(logs.join('\n')).toContain('derived data for 2 accounts refreshed');
  } finally {
    await core.close();
  }
}, 60_000);

it.each(POINTS)(
  'killed at %s: the next open rebuilds, every figure equals a full rebuild',
  async (point) => {
    const path = tempWorkspacePath();
    copyFileSync(base, path);
    await killAt(point, path);
    const core = await testCore(path, { files: plainPaths() });
    try {
      const opened = await dashboard(core);
      await core.call('metrics.rebuild', {});
      expect(opened).toEqual(await dashboard(core));
      expect(opened[0]!.support.volume.value).toBeGreaterThan(0);
    } finally {
      await core.close();
    }
  },
  120_000,
);
