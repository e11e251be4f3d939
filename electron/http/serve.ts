// `npm run web`: the same app in a browser on 127.0.0.1, over the HTTP bridge.
// With no --db it opens the demo workspace (created on first start), as the desktop app does;
// --db FILE opens an existing workspace, --db FILE --new creates a new one. --folder DIR (repeatable)
// names the folders whose files callers may name (default: the workspace's folder and exports/).
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultIdentityFile } from '../core';
import { startBackupSchedule } from '../core/backup/schedule';
import type { Log } from '../core/context';
import type { Result } from '../../shared/rpc';
import { ensureDemoWorkspace } from '../core/demo';
import { startCoreHost } from '../core/host/client';
import { memoryConnectionStore } from '../core/team/connection';
import { startTeamSession } from '../core/team/schedule';
import { createBridgeFolders, defaultBridgeFolders } from './folders';
import { startBridge } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { db: { type: 'string' }, new: { type: 'boolean' }, port: { type: 'string', default: '5178' }, folder: { type: 'string', multiple: true } },
  });
  if (values.new && !values.db) throw new Error('--new needs --db FILE: the new workspace to create');
  const dbPath = values.db ? resolve(values.db) : join(process.env.FULCRUM_HOME ?? join(homedir(), '.fulcrum'), 'demo.fulcrum');
  if (!values.db) {
    console.log(`No --db given: opening the demo workspace ${dbPath}`);
    await ensureDemoWorkspace(dbPath);
  }
  const log: Log = (level, message, detail) => console[level](message, detail ?? '');
  // --db opens an existing workspace only (a typo never becomes a new one); --new creates it.
  // Files named over the bridge: only inside these folders (--folder, repeatable; default the workspace's folder and exports/ beside it).
  const folders = values.folder?.length ? values.folder.map((folder) => resolve(folder)) : defaultBridgeFolders(dbPath);
  // The core runs in a worker thread (electron/core/host): a rebuild, an import or a wait on a busy
  // workspace never holds up this process's event loop, which serves the page and the other calls.
  const core = await startCoreHost({ dbPath, create: Boolean(values.new), files: { kind: 'folders', folders }, identityFile: defaultIdentityFile() }, { log });
  createBridgeFolders(folders);
  // Scheduled backups as in the desktop app: on start when the last is older than 6 hours, then every 6 hours.
  const backups = startBackupSchedule({ current: () => core.dispatch, log });
  // The team's connection (issue 19): kept in this process's memory only (no keychain here), synced on
  // start, every few minutes and on demand; the browser build joins a team into the open, empty workspace.
  const team = startTeamSession({
    current: () => core.dispatch,
    store: memoryConnectionStore(),
    join: (server) => core.dispatch('team.join', { server }) as Promise<Result<{ teamId: string }>>,
    log,
  });
  team.check();
  const bridge = await startBridge({ core, rendererDir: resolve(__dirname, '../../out/renderer'), port: Number(values.port), host: team.channels });
  // The launch address holds this run's secret: only a browser that opened it may call the core.
  console.log(`Files named over the bridge: only inside ${folders.join(', ')}`);
  console.log(`Fulcrum is running (workspace ${dbPath}). Open it at\n\n  ${bridge.launchUrl}\n\nPress Ctrl+C to stop.`);
  const stop = async () => {
    backups.stop();
    team.stop();
    await bridge.close();
    await core.close();
    process.exit(0);
  };
  // Fire and forget: stop ends the process itself once the bridge and the core are closed.
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: Error) => {
  console.error(`fulcrum web: ${error.message}`);
  process.exit(1);
});
