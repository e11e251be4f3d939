import { randomBytes } from 'node:crypto';
import { lstatSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { CoreError } from '../errors';

// Where a channel's file comes from (issue 12): one policy per transport, chosen by the host that
// creates the core and applied to every file a channel names.
//
// - paths   (the CLI): plain paths; its user typed them.
// - folders (the HTTP bridge, the end-to-end tests): only files inside the folders named at the
//   bridge's start; `..`, absolute paths elsewhere and symlinks that lead out are refused, and a
//   write makes a new file, never replaces one.
// - grants  (the desktop app over IPC): only files the user chose in a native dialog of the main
//   process, which registers an opaque grant for that one file and one mode; the renderer passes
//   the grant, never a path.
// - none    (the default): no caller names a file; core-owned files (staged uploads, backups) only.
//
// The rules are here, with the file system injected; fileAccess.ts adds what every policy shares
// (core-issued handles, never writing over the open workspace).

export type FileMode = 'read' | 'write';

export interface FilePolicy {
  readonly kind: 'paths' | 'folders' | 'grants' | 'none';
  /**
   * The absolute path a caller's reference stands for, for one use in `mode`, or a CoreError
   * (FORBIDDEN, BAD_INPUT, NOT_FOUND) that names the problem.
   */
  resolve(reference: string, mode: FileMode): string;
  /** The operation that used a reference has completed: a grant is spent (no-op elsewhere). */
  spend(reference: string): void;
}

/** What the folder rules need to know about the disk (tests may pass their own). */
export interface DiskView {
  /** The real path (symlinks resolved), or undefined when nothing is there. */
  realpath(path: string): string | undefined;
  /** Is there an entry at this path, a dangling symlink included? */
  exists(path: string): boolean;
}

export const nodeDisk: DiskView = {
  realpath(path) {
    try {
      return realpathSync.native(path);
    } catch {
      return undefined;
    }
  },
  exists(path) {
    try {
      lstatSync(path);
      return true;
    } catch {
      return false;
    }
  },
};

/** A reference fit for a message: its name, short, control characters shown. */
export function shownReference(reference: string): string {
  const name = basename(reference).replace(/[\0-\x1f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return name.length > 80 ? `${name.slice(0, 60)}…` : name || reference.slice(0, 80);
}

function checkText(reference: string): void {
  if (reference.includes('\0')) throw new CoreError('BAD_INPUT', `${shownReference(reference)}: a path cannot contain a NUL character`);
  if (reference.length > 4096) throw new CoreError('BAD_INPUT', 'the path is too long');
}

/** The CLI's policy: a path is the user's own (resolved against the working folder). */
export function plainPaths(): FilePolicy {
  return {
    kind: 'paths',
    resolve(reference) {
      checkText(reference);
      return resolve(reference);
    },
    spend() {},
  };
}

/** The default: callers cannot name files at all. */
export function noFiles(): FilePolicy {
  return {
    kind: 'none',
    resolve() {
      throw new CoreError('FORBIDDEN', 'this Fulcrum was started without access to files named by the caller');
    },
    spend() {},
  };
}

/** Is `path` the folder itself or inside it (both absolute, normalised)? */
export function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * The HTTP bridge's policy: files inside `folders` (absolute; the first one is where a relative
 * path starts). A read needs an existing file whose real path is inside; a write a new name in a
 * folder whose real path is inside.
 */
export function folderPolicy(folders: readonly string[], disk: DiskView = nodeDisk): FilePolicy {
  if (folders.length === 0) throw new Error('folderPolicy needs at least one folder');
  const named = folders.map((folder) => resolve(folder));
  const list = named.join(', ');
  const outside = (reference: string) => new CoreError('FORBIDDEN', `${shownReference(reference)} is outside the folders this bridge may use: ${list}`);
  // A folder's real path, looked up at each use: it may be created (exports/) after the start.
  const realFolders = () => named.map((folder) => disk.realpath(folder) ?? folder);
  const insideReal = (path: string) => realFolders().some((folder) => isInside(folder, path));
  return {
    kind: 'folders',
    resolve(reference, mode) {
      checkText(reference);
      if (reference.split(/[\\/]/).includes('..')) {
        throw new CoreError('FORBIDDEN', `${shownReference(reference)}: '..' is not allowed in a path over this bridge; name a file inside ${list}`);
      }
      const full = isAbsolute(reference) ? resolve(reference) : resolve(named[0]!, reference);
      if (!named.some((folder) => isInside(folder, full)) && !insideReal(full)) throw outside(reference);
      if (mode === 'read') {
        const real = disk.realpath(full);
        if (real === undefined) throw new CoreError('NOT_FOUND', `${shownReference(reference)} does not exist`);
        // A symlink inside that leads out is refused like the path it leads to.
        if (!insideReal(real)) throw outside(reference);
        return real;
      }
      if (disk.exists(full)) {
        throw new CoreError('FORBIDDEN', `${shownReference(reference)} already exists: over this bridge Fulcrum writes new files only, choose another name`);
      }
      const parent = disk.realpath(dirname(full));
      if (parent === undefined) throw new CoreError('BAD_INPUT', `cannot write ${shownReference(reference)}: its folder does not exist`);
      if (!insideReal(parent)) throw outside(reference);
      return join(parent, basename(full));
    },
    spend() {},
  };
}

/** How long an unspent grant lasts after its last use. */
export const GRANT_IDLE_MS = 30 * 60 * 1000;
const GRANT = /^grant:[0-9a-f]{32}$/;

interface Grant {
  path: string;
  mode: FileMode;
  lastUsed: number;
  spent: boolean;
}

export interface GrantPolicy extends FilePolicy {
  readonly kind: 'grants';
  /** Called by the main process for a file the user chose in its dialog (or dropped): an opaque grant. */
  grant(path: string, mode: FileMode): string;
  /** Forgets every grant (e.g. when another workspace opens). */
  clear(): void;
}

/**
 * The desktop app's policy. A grant is bound to one file and one mode, and is single-use in this
 * sense: the operation that completes it spends it. A write grant is spent by its write (the
 * export, the backup) whatever the outcome; a read grant survives the previews of an import and is
 * spent when `import.commit` or `import.archive` returns (committed, rejected or cancelled: the
 * wizard starts again from the dialog). After a thrown error it stays, so a retry needs no new
 * dialog. An unspent grant expires GRANT_IDLE_MS after its last use.
 */
export function grantPolicy(options: { now?: () => number; idleMs?: number } = {}): GrantPolicy {
  const now = options.now ?? Date.now;
  const idleMs = options.idleMs ?? GRANT_IDLE_MS;
  const grants = new Map<string, Grant>();
  const prune = () => {
    for (const [token, grant] of grants) if (now() - grant.lastUsed > 2 * idleMs) grants.delete(token);
  };
  return {
    kind: 'grants',
    grant(path, mode) {
      prune();
      const token = `grant:${randomBytes(16).toString('hex')}`;
      grants.set(token, { path: resolve(path), mode, lastUsed: now(), spent: false });
      return token;
    },
    resolve(reference, mode) {
      const grant = GRANT.test(reference) ? grants.get(reference) : undefined;
      if (!grant) {
        throw new CoreError('FORBIDDEN', "that file was not chosen in Fulcrum's file dialog: the desktop app opens and saves only files you choose there");
      }
      if (grant.spent) throw new CoreError('FORBIDDEN', 'that file choice was already used: choose the file again');
      if (now() - grant.lastUsed > idleMs) throw new CoreError('FORBIDDEN', 'that file choice has expired: choose the file again');
      if (grant.mode !== mode) {
        throw new CoreError(
          'FORBIDDEN',
          `that file was chosen to be ${grant.mode === 'read' ? 'read' : 'written'}, not ${mode === 'read' ? 'read' : 'written'}: choose it again for this`,
        );
      }
      grant.lastUsed = now();
      return grant.path;
    },
    spend(reference) {
      const grant = grants.get(reference);
      if (grant) grant.spent = true;
    },
    clear() {
      grants.clear();
    },
  };
}
