import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Core } from '../core';
import { isAllowedHost, isAllowedOrigin } from './hostCheck';
import { readStatic } from './staticFiles';

const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface BridgeOptions {
  core: Pick<Core, 'dispatch' | 'subscribe'>;
  /** The built renderer (out/renderer); omitted, only /rpc and /events are served. */
  rendererDir?: string;
  port?: number;
}

export interface Bridge {
  server: Server;
  url: string;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

const refuse = (res: ServerResponse, status: number, message: string) =>
  send(res, status, { ok: false, error: { code: status === 403 ? 'FORBIDDEN' : status === 404 ? 'NOT_FOUND' : 'BAD_INPUT', message } });

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new Error('request body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * The loopback HTTP bridge: the same dispatch as IPC, for the browser build and end-to-end tests.
 * POST /rpc/<channel> with a JSON body returns the result envelope; GET /events streams change events.
 */
export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const { core } = options;
  let port = options.port ?? 0;

  const server = createServer(async (req, res) => {
    if (!isAllowedHost(req.headers.host, port) || !isAllowedOrigin(req.headers.origin, port)) {
      return refuse(res, 403, 'this bridge only answers to its own loopback address');
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

    if (url.pathname.startsWith('/rpc/')) {
      if (req.method !== 'POST') return refuse(res, 405, 'use POST');
      if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) {
        return refuse(res, 415, 'the body must be JSON (content-type: application/json)');
      }
      let input: unknown;
      try {
        const body = await readBody(req);
        input = body.length > 0 ? JSON.parse(body) : {};
      } catch (error) {
        return refuse(res, 400, `the body is not valid JSON: ${(error as Error).message}`);
      }
      return send(res, 200, await core.dispatch(decodeURIComponent(url.pathname.slice(5)), input));
    }

    if (url.pathname === '/events' && req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      const unsubscribe = core.subscribe((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
      req.on('close', unsubscribe);
      return;
    }

    if (req.method === 'GET' && options.rendererDir) {
      const file = await readStatic(options.rendererDir, url.pathname);
      if (file) {
        res.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-cache' });
        return res.end(file.body);
      }
    }
    return refuse(res, 404, `nothing at ${url.pathname}`);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
