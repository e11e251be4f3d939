import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Core } from '../core';
import type { ErrorCode, Result } from '../../shared/rpc';
import { HttpError, readJsonBody } from './body';
import { isAllowedHost, isAllowedOrigin } from './hostCheck';
import { createSession, LAUNCH_PATH } from './session';
import { readStatic } from './staticFiles';

const MAX_BODY_BYTES = 10 * 1024 * 1024;
/** Longer request targets are refused (414): no address of the app comes near it. */
const MAX_URL_LENGTH = 4096;

/**
 * On every response. The page's own policy is its meta tag (renderer/index.html); browsers ignore
 * frame-ancestors there, so the header says it: the app can't be framed (clickjacking).
 * Everything that is not a page of the renderer also gets `default-src 'none'`.
 */
const SECURITY_HEADERS = {
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
};
const PAGE_CSP = "frame-ancestors 'none'";
const API_CSP = "default-src 'none'; frame-ancestors 'none'";

export interface BridgeOptions {
  core: Pick<Core, 'dispatch' | 'subscribe'>;
  /** The built renderer (out/renderer); omitted, only /rpc and /events are served. */
  rendererDir?: string;
  port?: number;
  /** Channels the host answers itself, before the core (as the desktop shell's): the team's connection (core/team/schedule.ts). */
  host?: Readonly<Record<string, (input: unknown, dispatch: Core['dispatch']) => Promise<Result<unknown>>>>;
}

export interface Bridge {
  server: Server;
  /** The origin, e.g. http://127.0.0.1:5178; its page loads, but cannot call the core without the cookie. */
  url: string;
  /** The address to open: it trades this launch's secret for the session cookie, then shows `/`. */
  launchUrl: string;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

const codeFor = (status: number): ErrorCode => (status === 401 || status === 403 ? 'FORBIDDEN' : status === 404 ? 'NOT_FOUND' : status >= 500 ? 'INTERNAL' : 'BAD_INPUT');

function errorBody(status: number, message: string) {
  return { ok: false, error: { code: codeFor(status), message } };
}

/**
 * A refusal. A body the bridge did not read is not read at all: the connection closes after the
 * answer rather than draining what may be gigabytes.
 */
function refuse(req: IncomingMessage, res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  if (!req.readableEnded) res.setHeader('connection', 'close');
  send(res, status, errorBody(status, message));
}

const UNAUTHORIZED = 'this browser has no Fulcrum session: open Fulcrum from the address printed at start (it ends in /launch?token=…)';

/**
 * What Node's HTTP parser refuses before a request exists (a malformed request line or header,
 * headers over 16 KB, a missing Host on HTTP/1.1, a timeout) is answered here, with the same
 * headers and a JSON body, and the connection closed.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  const inFlight = (socket as Socket & { _httpMessage?: ServerResponse })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const message = status === 431 ? 'the request headers are too large' : status === 408 ? 'the request took too long' : 'the request is malformed';
  const body = JSON.stringify(errorBody(status, message));
  const headers = {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    'cache-control': 'no-store',
    'content-security-policy': API_CSP,
    ...SECURITY_HEADERS,
    connection: 'close',
  };
  const head = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${head}\r\n${body}`);
}

/**
 * The loopback HTTP bridge: the same dispatch as IPC, for the browser build and end-to-end tests.
 * POST /rpc/<channel> with a JSON body returns the result envelope; GET /events streams change events.
 * Both need the session cookie that `launchUrl` hands out (see session.ts); the page itself is public.
 * The rules, and the malformed requests they are tested against: docs/security.md.
 */
export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const { core } = options;
  const session = createSession();
  let port = options.port ?? 0;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    res.setHeader('content-security-policy', API_CSP);
    if (!isAllowedHost(req.headers.host, port) || !isAllowedOrigin(req.headers.origin, port)) {
      return refuse(req, res, 403, 'this bridge only answers to its own loopback address');
    }
    const target = req.url ?? '';
    if (target.length > MAX_URL_LENGTH) return refuse(req, res, 414, `the address is longer than ${MAX_URL_LENGTH} characters`);
    if (!target.startsWith('/')) return refuse(req, res, 400, 'the request target must be a path such as /rpc/accounts.list');
    let url: URL;
    let path: string;
    let asSent: string;
    try {
      // Glued, not resolved against a base: `//evil.example/x` stays a path, not another host.
      url = new URL(`http://127.0.0.1:${port}${target}`);
      path = decodeURIComponent(url.pathname);
      asSent = decodeURIComponent(target.split('?')[0]!);
    } catch {
      return refuse(req, res, 400, 'the address is not a valid URL (bad percent-encoding)');
    }
    if (path.includes('\0') || asSent.includes('\0')) return refuse(req, res, 400, 'the address contains a NUL character');
    if (asSent.split(/[\\/]/).some((segment) => segment === '.' || segment === '..')) {
      return refuse(req, res, 400, 'the address may not contain . or .. segments');
    }

    if (url.pathname === LAUNCH_PATH) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(req, res, 405, 'use GET', { allow: 'GET, HEAD' });
      if (!session.isToken(url.searchParams.get('token'))) {
        return refuse(req, res, 401, 'this launch address is not (or no longer) valid: open Fulcrum from the address printed at start');
      }
      // 303 to `/`: the launch address (and its secret) leaves the address bar; a #fragment survives.
      res.writeHead(303, { location: '/', 'set-cookie': session.setCookie(port), 'cache-control': 'no-store' });
      res.end();
      return;
    }

    const isRpc = url.pathname.startsWith('/rpc/');
    if ((isRpc || url.pathname === '/events') && !session.admits(req.headers.cookie, port)) {
      return refuse(req, res, 401, UNAUTHORIZED);
    }

    if (isRpc) {
      if (req.method !== 'POST') return refuse(req, res, 405, 'use POST', { allow: 'POST' });
      const mediaType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (mediaType !== 'application/json') {
        return refuse(req, res, 415, 'the body must be JSON (content-type: application/json)');
      }
      const input = await readJsonBody(req, MAX_BODY_BYTES);
      const channel = path.slice('/rpc/'.length);
      const hosted = options.host?.[channel];
      const result = hosted ? await hosted(input, core.dispatch) : await core.dispatch(channel, input);
      return send(res, !result.ok && result.error.code === 'UNKNOWN_CHANNEL' ? 404 : 200, result);
    }

    if (url.pathname === '/events') {
      if (req.method !== 'GET') return refuse(req, res, 405, 'use GET', { allow: 'GET' });
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      const unsubscribe = core.subscribe((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
      req.on('close', unsubscribe);
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(req, res, 405, 'use GET', { allow: 'GET, HEAD' });
    if (options.rendererDir) {
      const file = await readStatic(options.rendererDir, url.pathname);
      if (file) {
        res.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-cache', 'content-security-policy': PAGE_CSP });
        res.end(file.body);
        return;
      }
    }
    return refuse(req, res, 404, `nothing at ${url.pathname}`);
  };

  // Nothing a request carries may escape as an exception: one bad request must never stop the bridge.
  // No Host at all is refused by the Host check below (403, with this bridge's headers), not by Node.
  const server = createServer({ requireHostHeader: false }, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof HttpError) return refuse(req, res, error.status, error.message);
      console.error(`fulcrum bridge: ${req.method} request failed`, error);
      refuse(req, res, 500, 'the bridge failed on this request (see its log)');
    });
  });
  server.on('clientError', answerClientError);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    launchUrl: `http://127.0.0.1:${port}${session.launchPath}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
