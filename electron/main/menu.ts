// Native menus, and the file dialogs behind the File menu.
import { join } from 'node:path';
import { app, dialog, Menu, shell, type BrowserWindow, type MenuItemConstructorOptions, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { CoreHandle, WorkspaceHost } from './workspaces';

const WORKSPACE_FILTERS = [
  { name: 'Fulcrum workspaces', extensions: ['fulcrum', 'sqlite', 'db'] },
  { name: 'Fulcrum workspace (*.fulcrum)', extensions: ['fulcrum'] },
  { name: 'SQLite database (*.sqlite, *.db)', extensions: ['sqlite', 'db'] },
];

/** Menu clicks are fire-and-forget: a failure is logged, never an unhandled rejection. */
function run(task: () => Promise<unknown>): void {
  task().catch((error: unknown) => console.error('[fulcrum] menu action failed', error));
}

export interface MenuContext {
  host: WorkspaceHost<CoreHandle>;
  /** The main window, if it is open: dialogs attach to it. */
  window(): BrowserWindow | undefined;
}

async function askOpen(parent: BrowserWindow | undefined): Promise<string | undefined> {
  const options: OpenDialogOptions = {
    title: 'Open a workspace',
    properties: ['openFile'],
    filters: WORKSPACE_FILTERS,
  };
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  return result.canceled ? undefined : result.filePaths[0];
}

async function askNew(parent: BrowserWindow | undefined): Promise<string | undefined> {
  const options: SaveDialogOptions = {
    title: 'New workspace',
    buttonLabel: 'Create',
    defaultPath: join(app.getPath('documents'), 'Workspace.fulcrum'),
    filters: [WORKSPACE_FILTERS[1]!],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? undefined : result.filePath;
}

function recentSubmenu({ host }: MenuContext): MenuItemConstructorOptions[] {
  if (host.recent.length === 0) return [{ label: 'No recent workspaces', enabled: false }];
  return [
    ...host.recent.map((path): MenuItemConstructorOptions => ({
      label: path,
      type: 'checkbox',
      checked: path === host.currentPath,
      click: () => run(() => host.open(path)),
    })),
    { type: 'separator' },
    { label: 'Clear Recent', click: () => host.clearRecent() },
  ];
}

function fileMenu(context: MenuContext, isMac: boolean): MenuItemConstructorOptions {
  const { host } = context;
  return {
    label: 'File',
    submenu: [
      {
        label: 'New Workspace…',
        accelerator: 'CmdOrCtrl+N',
        click: () =>
          run(async () => {
            const path = await askNew(context.window());
            if (path) await host.create(path);
          }),
      },
      {
        label: 'Open…',
        accelerator: 'CmdOrCtrl+O',
        click: () =>
          run(async () => {
            const path = await askOpen(context.window());
            if (path) await host.open(path);
          }),
      },
      { label: 'Open Recent', submenu: recentSubmenu(context) },
      { label: 'Open Demo Workspace', click: () => run(() => host.openDemo()) },
      { type: 'separator' },
      {
        // The Team screen (issue 19): its route in the renderer, which owns navigation.
        label: 'Team…',
        enabled: host.currentPath !== undefined,
        click: () => run(async () => context.window()?.webContents.executeJavaScript(`location.hash = '#/team'`)),
      },
      { type: 'separator' },
      {
        label: isMac ? 'Reveal in Finder' : 'Show in Folder',
        enabled: host.currentPath !== undefined,
        click: () => {
          if (host.currentPath) shell.showItemInFolder(host.currentPath);
        },
      },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };
}

const viewMenu: MenuItemConstructorOptions = {
  label: 'View',
  submenu: [
    { role: 'reload' },
    { role: 'forceReload' },
    { role: 'toggleDevTools' },
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ],
};

function helpMenu(isMac: boolean): MenuItemConstructorOptions {
  return {
    role: 'help',
    submenu: [
      ...(isMac ? [] : [{ label: 'About Fulcrum', click: () => app.showAboutPanel() }]),
      // Offline by design: help points at the user's own files, not at a website.
      {
        label: 'Show Settings and Demo Folder',
        click: () => run(() => shell.openPath(app.getPath('userData'))),
      },
    ],
  };
}

/** The whole application menu; rebuilt when the open workspace or the recent list changes. */
export function buildMenu(context: MenuContext, platform: NodeJS.Platform = process.platform): Menu {
  const isMac = platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    fileMenu(context, isMac),
    { role: 'editMenu' },
    viewMenu,
    ...(isMac ? [{ role: 'windowMenu' } satisfies MenuItemConstructorOptions] : []),
    helpMenu(isMac),
  ];
  return Menu.buildFromTemplate(template);
}

export function installMenu(context: MenuContext): void {
  Menu.setApplicationMenu(buildMenu(context));
}
