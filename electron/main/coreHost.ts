// The desktop's core host, without 'electron' (tested in plain Node): what a workspace's core is
// opened with in its utility process, and the grants of the file dialogs relayed to it. The
// process itself is coreProcess.ts.
import { CoreError } from '../core';
import type { HostedCore } from '../core/host/client';
import type { HostOptions } from '../core/host/protocol';
import type { FileMode } from '../core/lib/filePolicy';

/**
 * The open options as data for the core's process: the file policy is grants (each registered by
 * the main process from its dialogs), the clock real time, the log forwarded back to this process.
 */
export function desktopCoreOptions(options: { dbPath: string; create: boolean; identityFile?: string }): HostOptions {
  return { dbPath: options.dbPath, create: options.create, files: { kind: 'grants' }, ...(options.identityFile ? { identityFile: options.identityFile } : {}) };
}

/**
 * The file dialogs' grant function: registers the chosen file with the open workspace's core (its
 * process holds the grants the channels use) and returns the token for the renderer. A grant is
 * only good for the core it was registered with: another workspace starts with none.
 */
export function relayGrant(current: () => Pick<HostedCore, 'grant'> | undefined): (path: string, mode: FileMode) => string {
  return (path, mode) => {
    const core = current();
    if (!core) throw new CoreError('INTERNAL', 'no workspace is open: use File › Open… or File › New workspace…');
    return core.grant(path, mode);
  };
}
