// `import.stage` (the renderer's way to hand a chosen file to the core) and `export.download` (an export handed back as content).
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import type { Channel, Input, Output } from '../../shared/contract';
import { stagedPath } from '../../electron/core/import/stage';
import { tempWorkspacePath, testCore } from '../fixtures/core';

let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

async function ask<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const result = await core!.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as Output<C>;
}

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('import.stage', () => {
  it('writes the bytes, in chunks, into a private temp folder the import channels read', async () => {
    core = await testCore(tempWorkspacePath());
    const first = await ask('import.stage', { name: '../../etc/accounts.csv', contentBase64: b64('Account ID,Account Name\nA-1,Acme\n') });
    // The caller gets an opaque handle (issue 12), never the path; the core knows where it is.
    expect(first.path).toMatch(/^staged:[0-9a-f]{32}\/accounts\.csv$/);
    const onDisk = stagedPath(first.path);
    expect(basename(onDisk)).toBe('accounts.csv');
    expect(dirname(dirname(onDisk))).toBe(resolve(tmpdir()));
    expect(basename(dirname(onDisk))).toMatch(/^fulcrum-staged-/);
    const second = await ask('import.stage', { name: 'accounts.csv', contentBase64: b64('A-2,Beta\n'), append: first.path });
    expect(second.path).toBe(first.path);
    expect(second.bytes).toBe(readFileSync(onDisk).length);
    const preview = await ask('import.preview', { path: second.path, into: 'accounts' });
    expect(preview.counts.inserts).toBe(2);
    // Once imported, the staged copy is deleted; the user's own files are never touched.
    await ask('import.commit', { path: second.path, into: 'accounts', jobId: 'staged' });
    expect(existsSync(onDisk)).toBe(false);
    expect((await core.dispatch('import.preview', { path: second.path, into: 'accounts' })).ok).toBe(false);
  });

  it('refuses an empty file and appending to a path it did not stage', async () => {
    core = await testCore(tempWorkspacePath());
    const empty = await core.dispatch('import.stage', { name: 'empty.csv', contentBase64: '' });
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.error.message).toMatch(/empty/);
    const outside = await core.dispatch('import.stage', { name: 'x.csv', contentBase64: b64('x'), append: '/etc/passwd' });
    expect(outside.ok).toBe(false);
    expect(existsSync('/etc/passwd')).toBe(true);
    // A handle is not a path: another process's folder, a made-up one, a name with a folder.
    for (const append of ['staged:0123456789abcdef0123456789abcdef/x.csv', 'staged:../../etc/passwd', 'staged:0123456789abcdef0123456789abcdef/../x.csv']) {
      expect((await core.dispatch('import.stage', { name: 'x.csv', contentBase64: b64('x'), append })).ok).toBe(false);
    }
  });

  it('lists the fields of a target for the mapping step', async () => {
    core = await testCore(tempWorkspacePath());
    const fields = await ask('import.fields', { into: 'accounts' });
    expect(fields.map((f) => f.name)).toEqual(expect.arrayContaining(['name', 'externalId', 'region', 'arrMinor']));
  });
});

describe('export.download', () => {
  it('hands back a table as CSV content and the workspace as an archive', async () => {
    core = await testCore(tempWorkspacePath());
    await ask('accounts.create', { name: 'Acme Download' });
    const table = await ask('export.download', { kind: 'table', table: 'accounts', format: 'csv' });
    expect(table.name).toMatch(/^accounts-\d{4}-\d\d-\d\d\.csv$/);
    expect(table.rows).toBe(1);
    expect(Buffer.from(table.contentBase64!, 'base64').toString('utf8')).toContain('Acme Download');
    const archive = await ask('export.download', { kind: 'archive' });
    expect(JSON.parse(Buffer.from(archive.contentBase64!, 'base64').toString('utf8')).format).toBe('fulcrum-workspace-archive');
  });
});
