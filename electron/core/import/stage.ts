import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve, sep } from 'node:path';
import type { ImportTarget } from '../../../shared/contract/import';
import { MAX_STAGED_BYTES } from '../../../shared/contract/import';
import { CoreError } from '../errors';
import { targetDef } from './targets';

// The renderer cannot name a path on disk: it reads the chosen file and sends its bytes here, in
// chunks (the HTTP bridge takes bodies up to 10 MB). They are written into a private folder of the
// core under the system's temp folder, never a user folder, and the import channels read that path.

const PREFIX = 'fulcrum-staged-';

/** A name safe as one path segment: no folders, no control characters. */
function safeName(name: string): string {
  const plain = basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f<>:"|?*]/g, '_').trim();
  return plain && plain !== '.' && plain !== '..' ? plain.slice(0, 200) : 'import.csv';
}

/** A path this module staged: directly inside a `fulcrum-staged-*` folder of the temp folder. */
function isStaged(path: string): boolean {
  const full = resolve(path);
  const folder = dirname(full);
  return dirname(folder) === resolve(tmpdir()) && basename(folder).startsWith(PREFIX) && !full.slice(folder.length + 1).includes(sep);
}

export function stageFile(input: { name: string; contentBase64: string; append?: string | undefined }): { path: string; bytes: number } {
  const chunk = Buffer.from(input.contentBase64, 'base64');
  if (input.append !== undefined) {
    if (!isStaged(input.append)) throw new CoreError('BAD_INPUT', 'only a file staged by import.stage can be appended to');
    let size: number;
    try {
      size = statSync(input.append).size;
    } catch {
      throw new CoreError('NOT_FOUND', 'the staged file is gone: choose the file again');
    }
    if (size + chunk.length > MAX_STAGED_BYTES) throw new CoreError('BAD_INPUT', `the file is larger than ${MAX_STAGED_BYTES / 1024 / 1024} MB`);
    appendFileSync(input.append, chunk);
    return { path: input.append, bytes: size + chunk.length };
  }
  if (chunk.length === 0) throw new CoreError('BAD_INPUT', `${safeName(input.name)} is empty`);
  if (chunk.length > MAX_STAGED_BYTES) throw new CoreError('BAD_INPUT', `the file is larger than ${MAX_STAGED_BYTES / 1024 / 1024} MB`);
  mkdirSync(tmpdir(), { recursive: true });
  const folder = mkdtempSync(join(tmpdir(), `${PREFIX}${randomBytes(4).toString('hex')}-`));
  const path = join(folder, safeName(input.name));
  writeFileSync(path, chunk, { mode: 0o600 });
  return { path, bytes: chunk.length };
}

/** Deletes a staged copy once imported; any other path (a user's own file) is never touched. */
export function releaseStaged(path: string): void {
  if (isStaged(path)) rmSync(path, { force: true });
}

/** The fields a target takes, for the mapping step's selects. */
export function targetFields(into: ImportTarget) {
  return targetDef(into).fields.map((field) => ({ name: field.name, kind: field.kind, values: field.values ? [...field.values] : undefined }));
}
