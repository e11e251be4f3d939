// The one hardened BrowserWindow and where its renderer comes from.
import { join } from 'node:path';
import { BrowserWindow } from 'electron';
import type { Log } from '../core/context';
import { APP_START_URL } from './appProtocol';
import { hardenWebContents } from './hardening';
import type { RendererOrigin } from './security';

/**
 * The built renderer (out/renderer/, beside out/main, served as app://fulcrum/), or in development the dev server
 * electron-vite announces in ELECTRON_RENDERER_URL. A packaged app ignores that variable.
 */
export function rendererOrigin(isPackaged: boolean): RendererOrigin {
  const devServerUrl = isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL || undefined;
  return { devServerUrl, rendererDir: join(__dirname, '../renderer') };
}

/** The sandboxed preload, built as CommonJS beside out/main. */
const preloadFile = () => join(__dirname, '../preload/index.cjs');

/** (Re)loads the renderer at its start page, e.g. after switching workspace: app://fulcrum/index.html (protocol.ts), never file://. */
export function loadRenderer(window: BrowserWindow, origin: RendererOrigin, log: Log): void {
  const loading = window.loadURL(origin.devServerUrl ?? APP_START_URL);
  loading.catch((error: unknown) => log('error', 'loading the renderer failed', error));
}

export function createMainWindow(options: { origin: RendererOrigin; title: string; log: Log }): BrowserWindow {
  const window = new BrowserWindow({
    width: 1360,
    height: 880,
    minWidth: 900,
    minHeight: 600,
    title: options.title,
    show: false,
    webPreferences: {
      preload: preloadFile(),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    },
  });
  hardenWebContents(window.webContents, options.origin);
  // The title names the workspace; the page's <title> must not replace it.
  window.on('page-title-updated', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  // If the renderer cannot load, still show the window rather than nothing at all.
  window.webContents.once('did-fail-load', () => {
    if (!window.isDestroyed() && !window.isVisible()) window.show();
  });
  loadRenderer(window, options.origin, options.log);
  return window;
}
