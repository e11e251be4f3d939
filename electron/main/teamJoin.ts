import type { Result, RpcError } from '../../shared/rpc';
import type { CoreHandle } from './workspaces';

// File › Team › Join in the desktop app (issue 19): a team is joined into a NEW workspace file, as
// `fulcrum team join --out FILE` does. The sequence is here, pure and injected (Electron cannot be
// launched in the tests): main asks where through its own save dialog (the renderer never names the
// path), a core creates the workspace there and runs the same `team.join`, the file is opened as the
// current workspace. A failure names the problem and leaves no half-made file behind.

export interface JoinIntoNewFileOptions<C extends CoreHandle> {
  /** The save dialog's choice (main's own dialog); undefined when the user cancelled it. */
  askPath(): Promise<string | undefined>;
  exists(path: string): boolean;
  /** A core on a new workspace at `path` (created there). */
  openCore(path: string): Promise<C>;
  /** Removes the workspace file and its -wal/-shm companions. */
  remove(path: string): void;
  /** Opens `path` as the current workspace (WorkspaceHost.open); false when it could not (its own error shown). */
  switchTo(path: string): Promise<boolean>;
}

export type JoinedFile = { teamId: string; rows: number; path: string };

const failed = (code: RpcError['code'], message: string): Result<never> => ({ ok: false, error: { code, message } });

/** Joins the team at `server` into a new workspace file the user picks, then opens it. */
export async function joinIntoNewFile<C extends CoreHandle>(server: string, options: JoinIntoNewFileOptions<C>): Promise<Result<JoinedFile>> {
  const path = await options.askPath();
  if (!path) return failed('CANCELLED', 'no file was chosen: nothing was joined');
  // The save dialog may have asked "replace?": joining never overwrites a workspace.
  if (options.exists(path)) return failed('CONFLICT', `${path} already exists; joining a team makes a new workspace file: choose another name`);
  let result: Result<unknown>;
  try {
    const core = await options.openCore(path);
    try {
      result = await core.dispatch('team.join', { server });
    } finally {
      await core.close();
    }
  } catch (error) {
    result = failed('INTERNAL', `the new workspace could not be made at ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!result.ok) {
    options.remove(path);
    return result;
  }
  const joined = result.value as { teamId: string; rows: number };
  if (!(await options.switchTo(path))) return failed('INTERNAL', `joined the team into ${path}, but it could not be opened: open it with File › Open…`);
  return { ok: true, value: { teamId: joined.teamId, rows: joined.rows, path } };
}
