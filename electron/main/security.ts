// Pure decisions for the Electron shell's defences; hardening.ts wires them into Electron.
// No 'electron' import here, so the unit tests run in plain Node.
import { APP_HOST, APP_SCHEME } from './appProtocol';

/** Where the app's own renderer is served from. */
export interface RendererOrigin {
  /** The dev server URL electron-vite passes in development (ELECTRON_RENDERER_URL); undefined otherwise. */
  devServerUrl?: string;
  /** Absolute path of the built renderer's folder (out/renderer), served as app://fulcrum/ (appProtocol.ts). */
  rendererDir: string;
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/**
 * Is this frame URL the app's own renderer? Only its page on the app:// scheme,
 * app://fulcrum/index.html (any query or hash, since routes live in the hash), or, in
 * development, a page of the dev server's origin. Everything else (file:// pages, the renderer's
 * own file included, other app:// paths or hosts, remote pages, devtools://, about:blank, garbage)
 * is refused.
 */
export function isTrustedSender(frameUrl: string | undefined, origin: RendererOrigin): boolean {
  if (!frameUrl) return false;
  const url = parse(frameUrl);
  if (!url) return false;
  if (url.protocol === `${APP_SCHEME}:`) {
    return url.host.toLowerCase() === APP_HOST && url.username === '' && url.password === '' && url.pathname === '/index.html';
  }
  if (origin.devServerUrl) {
    const dev = parse(origin.devServerUrl);
    return dev !== undefined && (dev.protocol === 'http:' || dev.protocol === 'https:') && url.origin === dev.origin;
  }
  return false;
}

export type NavigationDecision = 'deny' | 'external';

/**
 * What to do when the page tries to navigate away or open a window: https links go to the
 * system browser, everything else (http, file, javascript:, data:, custom schemes) is denied.
 */
export function navigationDecision(url: string): NavigationDecision {
  const parsed = parse(url);
  return parsed?.protocol === 'https:' && parsed.hostname !== '' ? 'external' : 'deny';
}
