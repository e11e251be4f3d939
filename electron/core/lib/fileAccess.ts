import { basename, dirname, extname, join, resolve } from 'node:path';
import { CoreError } from '../errors';
import { nodeDisk, shownReference, type DiskView, type FilePolicy } from './filePolicy';

// The resolver every channel that names a file goes through (ctx.files): core-issued handles
// first (a staged upload's `staged:…`), then the transport's policy (filePolicy.ts); and whatever
// the policy, nothing is ever written over the open workspace, and a file Fulcrum writes on its
// own beside another never replaces one.

/** Files the core issued itself, named by an opaque handle with this prefix. */
export interface HandleKind {
  prefix: string;
  /** The file a handle stands for (read only), or a CoreError. */
  resolve(handle: string): string;
  /** Its operation completed: e.g. the staged copy is deleted. */
  release(handle: string): void;
}

export interface FileAccess {
  readonly policy: FilePolicy;
  /** A file to read: a core-issued handle, or what the policy takes. */
  read(reference: string): string;
  /** A file to write. A write is single-use: a grant is spent here. Never the open workspace. */
  write(reference: string): string;
  /** The operation that read `reference` completed (import.commit, import.archive): its grant is spent, a staged copy released. */
  finish(reference: string): void;
  /**
   * A new file Fulcrum writes on its own beside a file already resolved by `read` (`<name><suffix>`,
   * e.g. the import's `tickets.errors.csv`): the first free name, `tickets.errors-2.csv` and so on.
   * Write it with the 'wx' flag, so it can never replace a file that appeared meanwhile.
   */
  beside(source: string, suffix: string): string;
}

export function createFileAccess(options: { policy: FilePolicy; workspace: string; handles?: HandleKind[]; disk?: DiskView }): FileAccess {
  const { policy } = options;
  const disk = options.disk ?? nodeDisk;
  const handles = options.handles ?? [];
  const handleOf = (reference: string) => handles.find((kind) => reference.startsWith(kind.prefix));
  const workspaceFiles = () => {
    if (options.workspace === ':memory:') return [];
    const real = disk.realpath(options.workspace) ?? resolve(options.workspace);
    return [real, resolve(options.workspace)].flatMap((path) => [path, `${path}-wal`, `${path}-shm`, `${path}-journal`]);
  };
  const guard = (path: string, reference: string) => {
    const real = disk.realpath(path) ?? join(disk.realpath(dirname(path)) ?? dirname(path), basename(path));
    if (workspaceFiles().includes(real) || workspaceFiles().includes(resolve(path))) {
      throw new CoreError('FORBIDDEN', `${shownReference(reference)} is the open workspace (or one of its files): Fulcrum never writes over it; choose another file`);
    }
    return path;
  };
  return {
    policy,
    read(reference) {
      const handle = handleOf(reference);
      return handle ? handle.resolve(reference) : policy.resolve(reference, 'read');
    },
    write(reference) {
      if (handleOf(reference)) throw new CoreError('FORBIDDEN', 'a file staged for import cannot be written to');
      const path = guard(policy.resolve(reference, 'write'), reference);
      policy.spend(reference);
      return path;
    },
    finish(reference) {
      const handle = handleOf(reference);
      if (handle) handle.release(reference);
      else policy.spend(reference);
    },
    beside(source, suffix) {
      const folder = dirname(source);
      const stem = basename(source, extname(source));
      const dot = suffix.lastIndexOf('.');
      const [head, ext] = dot > 0 ? [suffix.slice(0, dot), suffix.slice(dot)] : [suffix, ''];
      for (let n = 1; n < 1000; n++) {
        const path = join(folder, `${stem}${head}${n === 1 ? '' : `-${n}`}${ext}`);
        if (!disk.exists(path)) return guard(path, path);
      }
      throw new CoreError('CONFLICT', `too many ${stem}${suffix} files beside ${shownReference(source)}: move some away`);
    },
  };
}
