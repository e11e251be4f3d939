import type { Bridge, ChangeEvent, Result } from '../../../shared/rpc';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in the browser build. */
    fulcrum?: Bridge;
  }
}

/** What the browser build says when the bridge does not know it (no session cookie). */
export const NO_SESSION_MESSAGE = 'This page is not connected to Fulcrum: open Fulcrum from the address printed at start (the one ending in /launch?token=…).';

/**
 * Over IPC in the desktop app, over the loopback HTTP bridge in the browser build. The bridge
 * admits the browser by an HttpOnly session cookie, set when the launch address was opened; the
 * page is same-origin, so the cookie rides along with every call and this code never sees it.
 */
export async function send(channel: string, input: unknown): Promise<Result<unknown>> {
  if (window.fulcrum) return window.fulcrum.invoke(channel, input);
  try {
    const response = await fetch(`/rpc/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    });
    if (response.status === 401) return { ok: false, error: { code: 'FORBIDDEN', message: NO_SESSION_MESSAGE } };
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
      const event = JSON.parse(message.data as string) as ChangeEvent;
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
