import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

/**
 * A file of the built renderer, or index.html for app routes (the renderer routes in the browser).
 * Paths are resolved inside `root` only.
 */
export async function readStatic(root: string, urlPath: string): Promise<{ body: Buffer; type: string } | undefined> {
  const relative = normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, '');
  const file = join(root, relative);
  if (file !== root && !file.startsWith(root + sep)) return undefined;
  const ext = extname(file);
  try {
    if (ext) return { body: await readFile(file), type: TYPES[ext] ?? 'application/octet-stream' };
  } catch {
    return undefined;
  }
  try {
    return { body: await readFile(join(root, 'index.html')), type: TYPES['.html']! };
  } catch {
    return undefined;
  }
}
