// The one IPC handler, and the way back: core change events to the renderer.
import { ipcMain, type BrowserWindow } from 'electron';
import { EVENT_CHANNEL, INVOKE_CHANNEL, type ChangeEvent } from '../../shared/rpc';
import { handleInvoke, type InvokeContext } from './invoke';

/** Registers the single INVOKE_CHANNEL handler; returns its removal. */
export function registerInvokeHandler(context: InvokeContext): () => void {
  ipcMain.handle(INVOKE_CHANNEL, (event, channel: unknown, input: unknown) => {
    let frameUrl: string | undefined;
    try {
      frameUrl = event.senderFrame?.url;
    } catch {
      // The frame went away (navigated or destroyed): treated as untrusted.
    }
    return handleInvoke(context, frameUrl, channel, input);
  });
  return () => ipcMain.removeHandler(INVOKE_CHANNEL);
}

/** Sends a `domain.changed` event to the window, if it is still there. */
export function sendEvent(window: BrowserWindow | undefined, event: ChangeEvent): void {
  if (window && !window.isDestroyed() && !window.webContents.isDestroyed()) {
    window.webContents.send(EVENT_CHANNEL, event);
  }
}
