import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { accountsCsv } from '../fixtures/import/generate';
import { stagedPath } from '../../electron/core/import/stage';
import { tempWorkspacePath, testCore, type TestCore } from '../fixtures/core';

// Issue 12, "Staged import files never expire": a staged copy (import.stage, in a
// `fulcrum-staged-*` folder of the temp folder) is deleted with its folder when its import returns
// (committed, rejected or cancelled), and at start-up when its owner process is gone or it is a
// day old; a running Fulcrum's fresh stagings are left alone.

let core: TestCore | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** Stages `text`; returns the handle and the staged file on disk it stands for. */
async function stage(text: string): Promise<{ path: string; onDisk: string }> {
  const { path } = await core!.call('import.stage', { name: 'accounts.csv', contentBase64: b64(text) });
  const onDisk = stagedPath(path);
  expect(existsSync(dirname(onDisk))).toBe(true);
  return { path, onDisk };
}

describe('a staged import file expires when its import returns', () => {
  it('committed: the file and its folder are gone', async () => {
    core = await testCore(tempWorkspacePath());
    const { path, onDisk } = await stage(accountsCsv(3));
    const result = await core.call('import.commit', { path, into: 'accounts', preset: 'crm-accounts', jobId: 'ok' });
    expect(result.committed).toBe(true);
    expect(existsSync(dirname(onDisk))).toBe(false);
  });

  it('rejected for its problems: gone too (the wizard starts again from the file)', async () => {
    core = await testCore(tempWorkspacePath());
    const { path, onDisk } = await stage(`${accountsCsv(3)}ACC-9,,smb,"$1.00"\n`);
    const result = await core.call('import.commit', { path, into: 'accounts', preset: 'crm-accounts', jobId: 'bad', policy: 'reject' });
    expect(result.committed).toBe(false);
    expect(result.counts.errors).toBeGreaterThan(0);
    expect(existsSync(dirname(onDisk))).toBe(false);
  });

  it('committed with the skip policy: the staged copy is gone, the error file beside it is kept for the user', async () => {
    core = await testCore(tempWorkspacePath());
    const { path, onDisk } = await stage(`${accountsCsv(3)}ACC-9,,smb,"$1.00"\n`);
    const result = await core.call('import.commit', { path, into: 'accounts', preset: 'crm-accounts', jobId: 'skip', policy: 'skip' });
    expect(result.committed).toBe(true);
    expect(existsSync(onDisk)).toBe(false);
    expect(existsSync(join(dirname(onDisk), 'accounts.errors.csv'))).toBe(true);
  });

  it('cancelled: gone', async () => {
    core = await testCore(tempWorkspacePath());
    const { path, onDisk } = await stage(accountsCsv(25_000));
    const pending = core.call('import.commit', { path, into: 'accounts', preset: 'crm-accounts', jobId: 'cancel-me' });
    expect(await core.call('import.cancel', { jobId: 'cancel-me' })).toEqual({ cancelled: true });
    const result = await pending;
    expect(result.cancelled).toBe(true);
    expect(existsSync(dirname(onDisk))).toBe(false);
  });
});

/** A staging folder as `import.stage` names it, with a file in it, last touched `ageMs` ago. */
function fakeStaging(name: string, ageMs = 0): string {
  const folder = mkdtempSync(join(tmpdir(), name));
  writeFileSync(join(folder, 'tickets.csv'), 'x'.repeat(1024));
  const when = new Date(Date.now() - ageMs);
  utimesSync(join(folder, 'tickets.csv'), when, when);
  utimesSync(folder, when, when);
  return folder;
}

const DAY = 24 * 60 * 60 * 1000;

describe('at start-up', () => {
  it("deletes stagings whose process is gone or that are a day old, and keeps a live one's fresh stagings", async () => {
    mkdirSync(tmpdir(), { recursive: true });
    const exited = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadPid = Number(exited.stdout);
    expect(deadPid).toBeGreaterThan(0);
    const orphaned = fakeStaging(`fulcrum-staged-p${deadPid}-`);
    const stale = fakeStaging(`fulcrum-staged-p${process.pid}-`, 2 * DAY);
    const legacyOld = fakeStaging('fulcrum-staged-0a1b2c3d-', 2 * DAY);
    const live = fakeStaging(`fulcrum-staged-p${process.pid}-`, 60_000);
    const legacyFresh = fakeStaging('fulcrum-staged-4e5f6a7b-', 60_000);
    const unrelated = mkdtempSync(join(tmpdir(), 'not-fulcrum-'));

    core = await testCore(tempWorkspacePath());
    for (const gone of [orphaned, stale, legacyOld]) expect(existsSync(gone), basename(gone)).toBe(false);
    for (const kept of [live, legacyFresh, unrelated]) expect(existsSync(kept), basename(kept)).toBe(true);
  });
});
