// Wires security.ts's decisions into Electron: navigation, new windows and permissions are denied;
// https links leave for the system browser.
import { shell, type Session, type WebContents } from 'electron';
import { isTrustedSender, navigationDecision, type RendererOrigin } from './security';

function openExternally(url: string): void {
  if (navigationDecision(url) === 'external') {
    shell.openExternal(url).catch(() => {
      // No browser or the OS refused: nothing to do from here.
    });
  }
}

/** Every permission (camera, notifications, geolocation, clipboard-read, …) is refused. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/**
 * The window never leaves the app's own renderer and never opens another window. Without an
 * origin (the report's PDF printer) no page-started navigation is allowed at all.
 */
export function hardenWebContents(contents: WebContents, origin?: RendererOrigin): void {
  contents.on('will-frame-navigate', (event) => {
    // Reloading the app's own page (e.g. the dev server's full reload) may proceed.
    if (origin && event.isMainFrame && isTrustedSender(event.url, origin)) return;
    event.preventDefault();
    openExternally(event.url);
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
