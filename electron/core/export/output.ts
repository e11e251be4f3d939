import { openSync } from 'node:fs';
import { basename } from 'node:path';
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
