import { randomBytes } from 'node:crypto';
import { closeSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CoreError } from '../errors';

// Where an export writes: opened before any row is read, so a path that cannot be written (a
// missing folder, a NUL byte, a name too long, a folder, no permission) is refused with words the
// user can act on, and nothing is left half-done on the database side.

/** A path fit for a message: its file name, cut short, control characters shown. */
export function shownPath(path: string): string {
  const name = basename(path).replace(/[\0-\x1f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return name.length > 80 ? `${name.slice(0, 40)}…${name.slice(-20)} (${path.length.toLocaleString('en-US')} characters)` : name;
}

function reason(error: { code?: string; message?: string }): string {
  switch (error.code) {
    case 'ENOENT':
      return 'its folder does not exist';
    case 'ENAMETOOLONG':
      return 'the path is too long';
    case 'EISDIR':
      return 'it is a folder';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'permission denied';
    case 'ENOTDIR':
      return 'part of the path is a file, not a folder';
    case 'ERR_INVALID_ARG_VALUE':
    case 'ERR_INVALID_ARG_TYPE':
      return 'the path contains a character a file name cannot have';
    default:
      return error.code ?? 'it cannot be opened';
  }
}

/** Opens (creating or truncating) the export's file; a path that cannot be written is BAD_INPUT. */
export function openOutput(path: string): number {
  try {
    return openSync(path, 'w');
  } catch (error) {
    throw new CoreError('BAD_INPUT', `cannot write ${shownPath(path)}: ${reason(error as { code?: string })}`);
  }
}

/** An export's file written under a temporary name beside its path, put in place only when complete. */
export interface StagedOutput {
  fd: number;
  /** Closes the file and renames it onto the path (replacing a file there only now). */
  finish(): void;
  /** Closes and removes the temporary file: the path keeps what it had (nothing, or an earlier file). */
  discard(): void;
  /** A stream took the descriptor and closes it itself (the XLSX writer's): finish and discard then only rename or remove. */
  disown(): void;
}

/**
 * Opens an export that may be cancelled or fail half-way (the archive): written beside the path
 * under a hidden temporary name (same folder, so the final rename is atomic), so a cancelled or
 * failed export never leaves a partial file at the path the user chose.
 */
export function openStagedOutput(path: string): StagedOutput {
  const refuse = (error: unknown) => new CoreError('BAD_INPUT', `cannot write ${shownPath(path)}: ${reason(error as { code?: string })}`);
  let isFolder = false;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {
    // Not there yet (the usual case), or not reachable: the open below says which.
  }
  if (isFolder) throw refuse({ code: 'EISDIR' });
  // What the final rename would refuse, refused before any row is read.
  if (path.includes('\0')) throw refuse({ code: 'ERR_INVALID_ARG_VALUE' });
  if (Buffer.byteLength(basename(path)) > 255) throw refuse({ code: 'ENAMETOOLONG' });
  const temp = join(dirname(path), `.fulcrum-export-${process.pid}-${randomBytes(4).toString('hex')}.partial`);
  let fd: number;
  try {
    fd = openSync(temp, 'wx');
  } catch (error) {
    throw refuse(error);
  }
  let open = true;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  return {
    fd,
    finish() {
      close();
      try {
        renameSync(temp, path);
      } catch (error) {
        rmSync(temp, { force: true });
        throw refuse(error);
      }
    },
    discard() {
      close();
      rmSync(temp, { force: true });
    },
    disown() {
      open = false;
    },
  };
}
