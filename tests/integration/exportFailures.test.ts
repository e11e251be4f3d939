// An export that cannot be written fails with a message and leaves the connection working: an
// iterator left open ("This database connection is busy executing a query") would refuse every
// later write until a restart.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempWorkspacePath, testCore, type TestCore } from '../fixtures/core';
import { plainPaths } from '../../electron/core';

let core: TestCore;
let folder: string;
beforeAll(async () => {
  const path = tempWorkspacePath();
  folder = join(path, '..');
  core = await testCore(path, { files: plainPaths() });
  for (let i = 0; i < 3; i++) await core.call('accounts.create', { name: `Export failure ${i}` });
});
afterAll(() => core.close());

const UNWRITABLE = {
  'a missing folder': () => join(folder, 'no-such-folder', 'out'),
  'a NUL byte': () => join(folder, 'bad\0name'),
  'a 10 MB path': () => join(folder, 'x'.repeat(10 * 1024 * 1024)),
};

/** Refused as something the user can act on, in a message that does not echo a 10 MB path. */
function expectRefusal(error: { code: string; message: string }) {
  expect(error.code).not.toBe('INTERNAL');
  expect(error.message.length).toBeLessThan(300);
}

/** A write through dispatch right after the failure: it must land. */
async function writeWorks(label: string) {
  const result = await core.dispatch('accounts.create', { name: `after ${label}` });
  expect(result.ok ? 'ok' : `${result.error.code} ${result.error.message}`).toBe('ok');
}

describe.each(Object.entries(UNWRITABLE))('an export to %s', (label, pathOf) => {
  it.each([
    ['export.table csv', (path: string) => ({ table: 'accounts', format: 'csv', path })],
    ['export.table xlsx', (path: string) => ({ table: 'accounts', format: 'xlsx', path })],
    ['export.table csv of a query', (path: string) => ({ table: 'accounts', format: 'csv', path, query: { search: 'Export' } })],
    ['export.table xlsx of a query', (path: string) => ({ table: 'accounts', format: 'xlsx', path, query: { search: 'Export' } })],
  ])('%s fails and the next write works', async (what, input) => {
    const path = pathOf();
    const result = await core.dispatch('export.table', input(`${path}.${what.includes('xlsx') ? 'xlsx' : 'csv'}`));
    expect(result.ok).toBe(false);
    if (!result.ok) expectRefusal(result.error);
    await writeWorks(`${label} ${what}`);
  });

  it('export.archive fails and the next write works', async () => {
    const result = await core.dispatch('export.archive', { path: `${pathOf()}.json` });
    expect(result.ok).toBe(false);
    if (!result.ok) expectRefusal(result.error);
    await writeWorks(`${label} archive`);
  });

  it('export.metrics fails and the next write works', async () => {
    const result = await core.dispatch('export.metrics', { path: `${pathOf()}.csv` });
    expect(result.ok).toBe(false);
    if (!result.ok) expectRefusal(result.error);
    await writeWorks(`${label} metrics`);
  });
});
