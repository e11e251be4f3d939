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

const listeners = new Set<(event: ChangeEvent) => void>();
let source: EventSource | undefined;

/**
 * Change events (`accounts.changed`, ...) from the core; returns an unsubscribe. In the browser
 * build every listener shares one EventSource: a browser allows six connections to a host, and a
 * screen with many live queries would otherwise hold them all open and starve its own requests.
 */
export function listen(listener: (event: ChangeEvent) => void): () => void {
  if (window.fulcrum) return window.fulcrum.on(listener);
  listeners.add(listener);
  if (!source) {
    source = new EventSource('/events');
    source.onmessage = (message) => {
      const event = JSON.parse(message.data) as ChangeEvent;
      for (const each of [...listeners]) each(event);
    };
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      source?.close();
      source = undefined;
    }
  };
}
