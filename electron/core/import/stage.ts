import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readdirSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve, sep } from 'node:path';
import type { ImportTarget } from '../../../shared/contract/import';
import { MAX_STAGED_BYTES } from '../../../shared/contract/import';
import { CoreError } from '../errors';
import type { HandleKind } from '../lib/fileAccess';
import { targetDef } from './targets';

// The renderer cannot name a path on disk: it reads the chosen file and sends its bytes here, in
// chunks (the HTTP bridge takes bodies up to 10 MB). They are written into a private folder of the
// core under the system's temp folder, never a user folder, and the import channels read that path.
// A staged copy expires: its folder is deleted when the import it was staged for returns (committed,
// rejected or cancelled), and at start-up when the process that staged it is gone or it is a day old.

const PREFIX = 'fulcrum-staged-';
/** Folders are named `fulcrum-staged-p<pid>-XXXXXX`: the process that owns them. */
const OWNED = /^fulcrum-staged-p(\d+)-/;
/** A staging untouched this long is expired even if a process of its id is running (ids are reused). */
export const STAGING_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** A name safe as one path segment: no folders, no control characters. */
function safeName(name: string): string {
  const plain = basename(name.replace(/\\/g, '/'))
    .replace(/[\u0000-\u001f<>:"|?*]/g, '_')
    .trim();
  return plain && plain !== '.' && plain !== '..' ? plain.slice(0, 200) : 'import.csv';
}

/** A path this module staged: directly inside a `fulcrum-staged-*` folder of the temp folder. */
function isStaged(path: string): boolean {
  const full = resolve(path);
  const folder = dirname(full);
  return dirname(folder) === resolve(tmpdir()) && basename(folder).startsWith(PREFIX) && !full.slice(folder.length + 1).includes(sep);
}

// A staged file is named to callers by an opaque handle, `staged:<32 hex>/<name>`, never by its
// path (issue 12, file policy): the 128 random bits name this process's folder, so a caller can
// reach only a file it staged, and the import channels accept the handle under every file policy.
export const STAGED_PREFIX = 'staged:';
const HANDLE = /^staged:([0-9a-f]{32})\/([^/\\]+)$/;

/** The staged file a handle stands for; BAD_INPUT for anything not issued by import.stage, NOT_FOUND when it expired. */
export function stagedPath(handle: string): string {
  const match = HANDLE.exec(handle);
  if (!match || safeName(match[2]!) !== match[2]) throw new CoreError('BAD_INPUT', 'that is not a file staged by import.stage');
  const path = join(tmpdir(), `${PREFIX}p${process.pid}-${match[1]}`, match[2]);
  if (!existsSync(path)) throw new CoreError('NOT_FOUND', 'the staged file is gone: choose the file again');
  return path;
}

const TOO_LARGE = `the file is larger than ${MAX_STAGED_BYTES / 1024 ** 3} GB: import it with the command line (fulcrum import), which reads it where it is`;

export function stageFile(input: { name: string; contentBase64: string; append?: string | undefined }): { path: string; bytes: number } {
  const chunk = Buffer.from(input.contentBase64, 'base64');
  if (input.append !== undefined) {
    const staged = stagedPath(input.append);
    const size = statSync(staged).size;
    if (size + chunk.length > MAX_STAGED_BYTES) throw new CoreError('BAD_INPUT', TOO_LARGE);
    appendFileSync(staged, chunk);
    return { path: input.append, bytes: size + chunk.length };
  }
  if (chunk.length === 0) throw new CoreError('BAD_INPUT', `the file is empty: ${safeName(input.name)} has 0 bytes`);
  if (chunk.length > MAX_STAGED_BYTES) throw new CoreError('BAD_INPUT', TOO_LARGE);
  mkdirSync(tmpdir(), { recursive: true });
  const id = randomBytes(16).toString('hex');
  const folder = join(tmpdir(), `${PREFIX}p${process.pid}-${id}`);
  mkdirSync(folder, { mode: 0o700 });
  const name = safeName(input.name);
  writeFileSync(join(folder, name), chunk, { mode: 0o600 });
  return { path: `${STAGED_PREFIX}${id}/${name}`, bytes: chunk.length };
}

/**
 * Deletes a staged copy once its import has returned, and its folder unless the import wrote its
 * error file there (the user still has to read it: the start-up sweep takes it later). Any other
 * path (a user's own file) is never touched.
 */
export function releaseStaged(path: string): void {
  if (!isStaged(path)) return;
  rmSync(path, { force: true });
  try {
    rmdirSync(dirname(resolve(path)));
  } catch {
    // Not empty: the error file of a `skip` import is in it.
  }
}

const isAlive = (pid: number) => {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, as another user's process.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The newest modification time of a folder and the files in it. */
function lastTouched(folder: string): number {
  let newest = statSync(folder).mtimeMs;
  for (const name of readdirSync(folder)) newest = Math.max(newest, statSync(join(folder, name)).mtimeMs);
  return newest;
}

/**
 * At start-up: deletes the staging folders whose owner process is gone, and any a day old or more
 * (older ones, named before owners were recorded, by age alone). A running Fulcrum's fresh
 * stagings are kept, so two Fulcrums never delete each other's. Returns the folders deleted.
 */
export function expireStagings(now = Date.now(), maxAgeMs = STAGING_MAX_AGE_MS): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(tmpdir()).filter((name) => name.startsWith(PREFIX));
  } catch {
    return removed;
  }
  for (const name of names) {
    const folder = join(tmpdir(), name);
    try {
      const owner = OWNED.exec(name);
      const orphaned = owner !== null && !isAlive(Number(owner[1]));
      if (orphaned || now - lastTouched(folder) >= maxAgeMs) {
        rmSync(folder, { recursive: true, force: true });
        removed.push(folder);
      }
    } catch {
      // Gone meanwhile, or not ours to delete (another user's): leave it.
    }
  }
  return removed;
}

/** The fields a target takes, for the mapping step's selects. */
export function targetFields(into: ImportTarget) {
  return targetDef(into).fields.map((field) => ({ name: field.name, kind: field.kind, values: field.values ? [...field.values] : undefined }));
}

/** Staged files among the core-issued handles every file policy accepts (core/lib/fileAccess.ts). */
export const stagedHandles: HandleKind = {
  prefix: STAGED_PREFIX,
  resolve: stagedPath,
  release(handle) {
    try {
      releaseStaged(stagedPath(handle));
    } catch {
      // Already gone.
    }
  },
};
