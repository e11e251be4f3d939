// The sandboxed preload: one CommonJS bundle that may require nothing but 'electron'.
// It exposes exactly the Bridge of shared/rpc.ts on window.fulcrum, and no Electron object.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_CHANNEL, INVOKE_CHANNEL, type Bridge, type ChangeEvent, type Result } from '../../shared/rpc';

const bridge = {
  invoke: (channel: string, input: unknown): Promise<Result<unknown>> => ipcRenderer.invoke(INVOKE_CHANNEL, channel, input),
  on(listener: (event: ChangeEvent) => void): () => void {
    // Only the payload reaches the page, never the IpcRendererEvent (it carries `sender`).
    const forward = (_event: IpcRendererEvent, change: ChangeEvent) => listener(change);
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
} satisfies Bridge;

contextBridge.exposeInMainWorld('fulcrum', bridge);
