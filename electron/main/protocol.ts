// Wires appProtocol.ts into Electron: app:// is registered as a privileged scheme before the app is
// ready, and served from the built renderer's folder once it is.
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, resolveAppRequest } from './appProtocol';

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
}

const headers = { 'X-Content-Type-Options': 'nosniff', 'Cross-Origin-Resource-Policy': 'same-origin' };

/** Serves app://fulcrum/… from `rendererDir` only (after 'ready'). */
export function serveAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppRequest(request.url, rendererDir, request.method);
    if (!file.ok) return new Response(null, { status: file.status, headers });
    try {
      const body = await readFile(file.path);
      return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: { ...headers, 'Content-Type': file.mimeType } });
    } catch {
      return new Response(null, { status: 404, headers });
    }
  });
}
