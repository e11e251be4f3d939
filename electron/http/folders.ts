// The folders the HTTP bridge may read and write files in (issue 12, file policy): those named at
// its start with --folder, or by default the workspace's folder and an `exports/` folder beside it.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { folderPolicy, type FilePolicy } from '../core/lib/filePolicy';

export function defaultBridgeFolders(dbPath: string): string[] {
  const folder = dirname(resolve(dbPath));
  return [folder, join(folder, 'exports')];
}

/** The bridge's file policy over `folders` (a folder that does not exist yet counts once it does). */
export function bridgeFilePolicy(folders: readonly string[]): FilePolicy {
  return folderPolicy(folders.map((folder) => resolve(folder)));
}

/** Creates the folders that are missing (exports/), once the workspace opened: a refused start leaves nothing behind. */
export function createBridgeFolders(folders: readonly string[]): void {
  for (const folder of folders) mkdirSync(resolve(folder), { recursive: true });
}
