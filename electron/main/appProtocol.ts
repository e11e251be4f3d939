// The renderer is served from a custom `app://fulcrum/` scheme instead of file:// (issue 12): a
// file:// page may read other file:// URLs and shares its origin with every local file, while
// app://fulcrum is an origin of its own that serves only the built renderer's folder. These are
// the pure rules (no 'electron' here, so they are unit-tested); protocol.ts wires them in.
import { extname, resolve } from 'node:path';
import { isInside } from '../core/lib/filePolicy';

export const APP_SCHEME = 'app';
export const APP_HOST = 'fulcrum';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** What the window loads: the built renderer's page. */
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** protocol.registerSchemesAsPrivileged's entry: a standard, secure origin with fetch and a CSP. */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, stream: true } as const;

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

export type AppFile = { ok: true; path: string; mimeType: string } | { ok: false; status: 400 | 403 | 404 | 405 };

/**
 * The file of `rendererDir` an app:// request names, or the status to answer. Only GET and HEAD,
 * only the app://fulcrum host; `/` is index.html. A path with `.` or `..` segments, an encoded
 * slash, backslash or NUL, or bad percent-encoding is refused (400); a path that still resolves
 * outside the folder (403) never reaches the disk.
 */
export function resolveAppRequest(url: string, rendererDir: string, method = 'GET'): AppFile {
  if (method !== 'GET' && method !== 'HEAD') return { ok: false, status: 405 };
  const raw = /^app:\/\/([^/?#]*)(\/[^?#]*)?/i.exec(url);
  if (!raw) return { ok: false, status: 400 };
  if (raw[1]!.toLowerCase() !== APP_HOST) return { ok: false, status: 404 };
  const rawPath = raw[2] ?? '/';
  if (/%2f|%5c|%00|\\/i.test(rawPath)) return { ok: false, status: 400 };
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return { ok: false, status: 400 };
  }
  if (path.includes('\0')) return { ok: false, status: 400 };
  const segments = path.split('/').slice(1);
  if (segments.some((segment) => segment === '.' || segment === '..')) return { ok: false, status: 400 };
  const relative = path === '/' ? 'index.html' : segments.join('/');
  if (relative === '' || relative.endsWith('/')) return { ok: false, status: 404 };
  const root = resolve(rendererDir);
  const full = resolve(root, relative);
  if (full === root || !isInside(root, full)) return { ok: false, status: 403 };
  return { ok: true, path: full, mimeType: MIME_TYPES[extname(full).toLowerCase()] ?? 'application/octet-stream' };
}
