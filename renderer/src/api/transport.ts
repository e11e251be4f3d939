import type { Bridge, ChangeEvent, Result } from '../../../shared/rpc';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in the browser build. */
    fulcrum?: Bridge;
  }
}

/** Over IPC in the desktop app, over the loopback HTTP bridge in the browser build. */
export async function send(channel: string, input: unknown): Promise<Result<unknown>> {
  if (window.fulcrum) return window.fulcrum.invoke(channel, input);
  try {
    const response = await fetch(`/rpc/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    });
    return (await response.json()) as Result<unknown>;
  } catch (error) {
    return { ok: false, error: { code: 'INTERNAL', message: `Fulcrum's core did not answer: ${(error as Error).message}` } };
  }
}

/** Change events (`accounts.changed`, ...) from the core; returns an unsubscribe. */
export function listen(listener: (event: ChangeEvent) => void): () => void {
  if (window.fulcrum) return window.fulcrum.on(listener);
  const source = new EventSource('/events');
  source.onmessage = (message) => listener(JSON.parse(message.data) as ChangeEvent);
  return () => source.close();
}
