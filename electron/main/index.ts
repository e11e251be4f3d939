// The Electron shell's entry: app lifecycle, the window, the open workspace. All state lives in
// this closure (and in WorkspaceHost); the application itself is electron/core.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, safeStorage, session } from 'electron';
import { startBackupSchedule } from '../core/backup/schedule';
import type { Log } from '../core/context';
import { ensureDemoWorkspace } from '../core/demo';
import { startCoreHost, type HostedCore } from '../core/host/client';
import { startTeamSession, type TeamSession } from '../core/team/schedule';
import { desktopCoreOptions, relayGrant } from './coreHost';
import { utilityCoreProcess } from './coreProcess';
import { fileDialogChannels } from './fileDialogs';
import { hardenSession } from './hardening';
import { registerInvokeHandler, sendEvent } from './ipc';
import { reportPdfChannels } from './reportPdf';
import { installMenu } from './menu';
import { registerAppScheme, serveAppScheme } from './protocol';
import { windowTitle } from './settings';
import { createMainWindow, loadRenderer, rendererOrigin } from './window';
import { joinIntoNewFile } from './teamJoin';
import { keychainStore, teamFileIo } from './teamKeychain';
import { WorkspaceHost } from './workspaces';

const log: Log = (level, message, detail) => console[level](`[fulcrum] ${message}`, ...(detail === undefined ? [] : [detail]));

// app:// must be a privileged scheme before the app is ready: the renderer is loaded from it.
registerAppScheme();

function start(): void {
  // A second launch focuses the running app instead of opening the same workspace twice.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  const origin = rendererOrigin(app.isPackaged);
  let window: BrowserWindow | undefined;
  let host: WorkspaceHost<HostedCore> | undefined;
  // Over IPC a channel names a file only by a grant from the main process's file dialogs (issue 12),
  // registered with the open workspace's core process before the renderer gets its token.
  const grants = { grant: relayGrant(() => host?.current) };
  let backups: ReturnType<typeof startBackupSchedule> | undefined;
  let team: TeamSession | undefined;
  let closed = false;

  const currentWindow = () => (window && !window.isDestroyed() ? window : undefined);

  function openWindow(): void {
    const existing = currentWindow();
    if (existing) {
      if (existing.isMinimized()) existing.restore();
      existing.focus();
      return;
    }
    const created = createMainWindow({ origin, title: windowTitle(host?.currentPath), log });
    created.on('closed', () => {
      if (window === created) window = undefined;
    });
    window = created;
  }

  /** Another workspace is open (or the recent list changed): title, menu, and a fresh renderer. */
  function refresh(switched: boolean): void {
    if (!host) return;
    // Another workspace: its own last scheduled backup decides whether one is due now.
    if (switched) backups?.check();
    // Another workspace (or another team): sync it now if its connection is kept.
    if (switched) team?.check();
    // Files chosen for the previous workspace are not the new one's to use: its core process, and its grants, are gone.
    installMenu({ host, window: currentWindow });
    const open = currentWindow();
    if (!open) return;
    open.setTitle(windowTitle(host.currentPath));
    if (switched) loadRenderer(open, origin, log);
  }

  app.on('second-instance', () => {
    if (app.isReady()) openWindow();
  });

  app
    .whenReady()
    .then(async () => {
      app.setAboutPanelOptions({ applicationName: 'Fulcrum', applicationVersion: app.getVersion() });
      hardenSession(session.defaultSession);
      serveAppScheme(origin.rendererDir);

      const userData = app.getPath('userData');
      host = new WorkspaceHost<HostedCore>({
        // Each workspace's core runs in its own utility process (issue 14): this process only brokers,
        // and a rebuild, an import or a wait on a busy workspace never freezes the window.
        openCore: (options) => startCoreHost(desktopCoreOptions(options), { spawn: utilityCoreProcess, log: options.log }),
        settingsFile: join(userData, 'settings.json'),
        identityFile: join(userData, 'identity.json'),
        demoPath: join(userData, 'demo.fulcrum'),
        ensureDemo: ensureDemoWorkspace,
        showError: (title, message) => dialog.showErrorBox(title, message),
        log,
        onEvent: (event) => sendEvent(currentWindow(), event),
        onChange: ({ switched }) => refresh(switched),
      });
      const workspaces = host;
      // The team's connection (issue 19): kept encrypted in userData/team.json through safeStorage, synced on
      // open, on schedule and on demand in the core's process (core/team/schedule.ts, docs/team.md).
      team = startTeamSession({
        current: () => workspaces.current?.dispatch,
        store: keychainStore(safeStorage, teamFileIo(join(userData, 'team.json'))),
        // A new file from main's own save dialog (the renderer never names it), joined by its own core (as
        // `fulcrum team join --out`), then opened; a failure removes the file (teamJoin.ts).
        join: (server) =>
          joinIntoNewFile(server, {
            askPath: async () => {
              const parent = currentWindow();
              const options = {
                title: 'Join a team into a new workspace',
                buttonLabel: 'Join',
                defaultPath: join(app.getPath('documents'), 'Team.fulcrum'),
                filters: [{ name: 'Fulcrum workspace', extensions: ['fulcrum'] }],
              };
              const answer = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
              return answer.canceled || !answer.filePath ? undefined : answer.filePath;
            },
            exists: existsSync,
            openCore: (dbPath) => startCoreHost(desktopCoreOptions({ dbPath, create: true }), { spawn: utilityCoreProcess, log }),
            remove: (path) => ['', '-wal', '-shm'].forEach((suffix) => rmSync(path + suffix, { force: true })),
            switchTo: (path) => workspaces.open(path),
          }),
        log,
      });
      const hostChannels = { ...reportPdfChannels(currentWindow), ...fileDialogChannels(currentWindow, grants), ...team.channels };
      registerInvokeHandler({ origin, log, dispatch: () => workspaces.current?.dispatch, host: hostChannels });

      // Open the workspace before the window, so the renderer's first calls find it.
      await workspaces.openInitial();
      // Scheduled backups: on open when the last is older than 6 hours, then every 6 hours while open.
      backups = startBackupSchedule({ current: () => workspaces.current?.dispatch, log });
      team.check();
      installMenu({ host: workspaces, window: currentWindow });
      openWindow();
    })
    .catch((error: unknown) => {
      log('error', 'starting Fulcrum failed', error);
      dialog.showErrorBox('Fulcrum could not start', error instanceof Error ? error.message : String(error));
      app.quit();
    });

  app.on('window-all-closed', () => {
    // On macOS the app (and its open workspace) stays until Quit; elsewhere closing the window quits.
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (app.isReady() && host && BrowserWindow.getAllWindows().length === 0) openWindow();
  });

  // Close the workspace (checkpointing its WAL) before the process goes.
  app.on('will-quit', (event) => {
    if (closed || !host) return;
    event.preventDefault();
    const closing = host;
    closed = true;
    backups?.stop();
    team?.stop();
    closing
      .close()
      .catch((error: unknown) => log('warn', 'closing the workspace failed', error))
      .finally(() => app.quit());
  });
}

start();
