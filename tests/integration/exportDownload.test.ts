// export.download hands a file to a renderer that cannot name a path, and no answer is ever the
// whole of a large file: small files come inline, large ones in bounded chunks of a one-time id.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoWorkspace } from '../../electron/core/demo';
import { DOWNLOAD_CHUNK_BYTES } from '../../shared/contract/export';
import { tempWorkspacePath, testCore, type TestCore } from '../fixtures/core';
import { plainPaths } from '../../electron/core';

let core: TestCore;
let folder: string;
beforeAll(async () => {
  const path = tempWorkspacePath();
  folder = join(path, '..');
  // ~30,000 tickets: a CSV of about 6 MB, more than one chunk.
  await generateDemoWorkspace(path, { accounts: 300, seed: 3 });
  core = await testCore(path, { files: plainPaths() });
}, 120_000);
afterAll(() => core.close());

const exportFolders = () => new Set(readdirSync(tmpdir()).filter((name) => name.startsWith('fulcrum-export-')));

describe('export.download', () => {
  it('a small file comes inline, with nothing left in the temp folder', async () => {
    const before = exportFolders();
    const file = await core.call('export.download', { kind: 'table', table: 'personas', format: 'csv' });
    expect(file.downloadId).toBeNull();
    expect(file.contentBase64).not.toBeNull();
    expect(Buffer.from(file.contentBase64!, 'base64').length).toBe(file.bytes);
    expect([...exportFolders()].filter((name) => !before.has(name))).toEqual([]);
  });

  it('an XLSX of the tickets (it compresses to under one chunk) comes inline as a workbook', async () => {
    const file = await core.call('export.download', { kind: 'table', table: 'tickets', format: 'xlsx' });
    expect(file.rows).toBeGreaterThan(20_000);
    expect(Buffer.from(file.contentBase64!, 'base64').subarray(0, 2).toString()).toBe('PK');
  });

  it('a large CSV comes in chunks no larger than the limit, byte for byte the file export.table writes', async () => {
    const reference = join(folder, 'tickets.csv');
    const written = await core.call('export.table', { table: 'tickets', format: 'csv', path: reference });
    const before = exportFolders();
    const file = await core.call('export.download', { kind: 'table', table: 'tickets', format: 'csv' });
    const waiting = [...exportFolders()].filter((name) => !before.has(name));
    expect(waiting.length).toBeGreaterThan(0);
    expect(file.rows).toBe(written.rows);
    expect(file.bytes).toBeGreaterThan(DOWNLOAD_CHUNK_BYTES);
    expect(file.contentBase64).toBeNull();
    expect(file.downloadId).toMatch(/^[0-9a-f]{32}$/);

    const parts: Buffer[] = [];
    for (let offset = 0; ;) {
      const chunk = await core.call('export.chunk', { downloadId: file.downloadId!, offset });
      const part = Buffer.from(chunk.contentBase64, 'base64');
      expect(part.length).toBeLessThanOrEqual(DOWNLOAD_CHUNK_BYTES);
      parts.push(part);
      offset = chunk.offset;
      if (chunk.done) break;
    }
    expect(parts.length).toBeGreaterThan(1);
    const content = Buffer.concat(parts);
    expect(content.length).toBe(file.bytes);
    expect(content.equals(readFileSync(reference))).toBe(true);
    // Read to its end: the temp folder it waited in is removed.
    expect(waiting.filter((name) => existsSync(join(tmpdir(), name)))).toEqual([]);

    // One time only: after its last chunk the id is gone, and so is the file.
    const again = await core.fail('export.chunk', { downloadId: file.downloadId, offset: 0 });
    expect(again.code).toBe('NOT_FOUND');
  });

  it('refuses an id it never gave and an offset past the end', async () => {
    expect((await core.fail('export.chunk', { downloadId: '0'.repeat(32), offset: 0 })).code).toBe('NOT_FOUND');
    expect((await core.fail('export.chunk', { downloadId: '../../etc/passwd', offset: 0 })).code).toBe('BAD_INPUT');
    const file = await core.call('export.download', { kind: 'table', table: 'tickets', format: 'csv' });
    const past = await core.fail('export.chunk', { downloadId: file.downloadId, offset: file.bytes + 1 });
    expect(past.code).toBe('BAD_INPUT');
    // A chunk may be read again (a retry) until the last one is served.
    const first = await core.call('export.chunk', { downloadId: file.downloadId!, offset: 0 });
    expect((await core.call('export.chunk', { downloadId: file.downloadId!, offset: 0 })).contentBase64).toBe(first.contentBase64);
  });

  it('the whole workspace as an archive, and a write works after every download', async () => {
    const file = await core.call('export.download', { kind: 'archive' });
    expect(file.rows).toBeGreaterThan(30_000);
    await core.call('accounts.create', { name: 'After the downloads' });
  });
});
