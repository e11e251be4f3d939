// Pure decisions for the Electron shell's defences; hardening.ts wires them into Electron.
// No 'electron' import here, so the unit tests run in plain Node.
import { pathToFileURL } from 'node:url';

/** Where the app's own renderer is served from. */
export interface RendererOrigin {
  /** The dev server URL electron-vite passes in development (ELECTRON_RENDERER_URL); undefined otherwise. */
  devServerUrl?: string;
  /** Absolute path of the built renderer's index.html (out/renderer/index.html). */
  rendererFile: string;
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** A file URL's path, decoded, so that `%20` and ' ' compare equal; drive letters ignore case. */
function filePath(url: URL): string {
  const path = decodeURIComponent(url.pathname);
  return /^\/[a-zA-Z]:\//.test(path) ? path.slice(0, 2).toLowerCase() + path.slice(2) : path;
}

/**
 * Is this frame URL the app's own renderer? Only the built renderer file (any query or hash,
 * since routes live in the hash) or, in development, a page of the dev server's origin.
 * Everything else (other files, remote pages, devtools://, about:blank, garbage) is refused.
 */
export function isTrustedSender(frameUrl: string | undefined, origin: RendererOrigin): boolean {
  if (!frameUrl) return false;
  const url = parse(frameUrl);
  if (!url) return false;
  if (url.protocol === 'file:') {
    const own = pathToFileURL(origin.rendererFile);
    return url.host === own.host && filePath(url) === filePath(own);
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
