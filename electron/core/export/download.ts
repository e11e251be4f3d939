import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ParsedInput } from '../../../shared/contract';
import { DOWNLOAD_CHUNK_BYTES } from '../../../shared/contract/export';
import type { Context } from '../context';
import { CoreError } from '../errors';
import { exportArchive } from './archive';
import { exportTable } from './table';

// The browser build cannot be handed a path: the export is streamed into a private temp folder of
// the core. A small file is read back inline as base64 and its folder removed; a large one (2M
// tickets is 435 MB of CSV) would be a string too long for V8 and a JSON envelope of gigabytes, so
// it waits under a random one-time id and the renderer reads it in bounded chunks (export.chunk),
// over IPC and HTTP alike; the last chunk removes it, and an abandoned one expires.

/** An abandoned download is removed this long after its last read. */
const EXPIRY_MS = 10 * 60 * 1000;

interface Pending {
  folder: string;
  path: string;
  size: number;
  timer: NodeJS.Timeout;
}

/** Each core's waiting downloads (keyed by its context, so two cores in one process never mix). */
const pendingByCore = new WeakMap<Context, Map<string, Pending>>();
const pendingOf = (ctx: Context) => {
  let pending = pendingByCore.get(ctx);
  if (!pending) pendingByCore.set(ctx, (pending = new Map<string, Pending>()));
  return pending;
};

const remove = (ctx: Context, id: string) => {
  const entry = pendingOf(ctx).get(id);
  if (!entry) return;
  clearTimeout(entry.timer);
  pendingOf(ctx).delete(id);
  rmSync(entry.folder, { recursive: true, force: true });
};

const expiry = (ctx: Context, id: string) => {
  const timer = setTimeout(() => remove(ctx, id), EXPIRY_MS);
  timer.unref();
  return timer;
};

const stamp = (now: Date) => now.toISOString().slice(0, 10);

/** Up to `length` bytes of the file from `offset`: one bounded read, never the whole file. */
function readPart(path: string, offset: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const fd = openSync(path, 'r');
  try {
    return buffer.subarray(0, readSync(fd, buffer, 0, length, offset));
  } finally {
    closeSync(fd);
  }
}

export async function exportDownload(ctx: Context, input: ParsedInput<'export.download'>) {
  const folder = mkdtempSync(join(tmpdir(), 'fulcrum-export-'));
  let kept = false;
  try {
    let file: { name: string; mediaType: string; rows: number };
    if (input.kind === 'archive') {
      const name = `fulcrum-workspace-${stamp(ctx.now())}.json`;
      const result = await exportArchive(ctx, join(folder, name));
      file = { name, mediaType: 'application/json', rows: Object.values(result.tables).reduce((sum, count) => sum + count, 0) };
    } else {
      const name = `${input.table}-${stamp(ctx.now())}.${input.format}`;
      const result = await exportTable(ctx, { table: input.table, format: input.format, path: join(folder, name), query: input.query, style: input.style });
      const mediaType = input.format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      file = { name, mediaType, rows: result.rows };
    }
    const path = join(folder, file.name);
    const bytes = statSync(path).size;
    if (bytes <= DOWNLOAD_CHUNK_BYTES) {
      return { ...file, bytes, contentBase64: readPart(path, 0, bytes).toString('base64'), downloadId: null };
    }
    const id = randomBytes(16).toString('hex');
    pendingOf(ctx).set(id, { folder, path, size: bytes, timer: expiry(ctx, id) });
    kept = true;
    return { ...file, bytes, contentBase64: null, downloadId: id };
  } finally {
    if (!kept) rmSync(folder, { recursive: true, force: true });
  }
}

/** The next part of a waiting download; the last one removes the file. */
export function exportChunk(ctx: Context, input: ParsedInput<'export.chunk'>) {
  const entry = pendingOf(ctx).get(input.downloadId);
  if (!entry) throw new CoreError('NOT_FOUND', 'this download does not exist or was already read to its end; export again');
  if (input.offset > entry.size) throw new CoreError('BAD_INPUT', `offset ${input.offset} is past the end of the file (${entry.size} bytes)`);
  const part = readPart(entry.path, input.offset, Math.min(DOWNLOAD_CHUNK_BYTES, entry.size - input.offset));
  const offset = input.offset + part.length;
  const done = offset >= entry.size;
  if (done) remove(ctx, input.downloadId);
  else {
    clearTimeout(entry.timer);
    entry.timer = expiry(ctx, input.downloadId);
  }
  return { contentBase64: part.toString('base64'), offset, done };
}
