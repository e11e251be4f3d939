// A corpus of malformed and hostile requests, sent over raw sockets (most of them fetch would never
// send): each gets a 4xx, and the bridge answers a good request afterwards. Before this, one
// `GET /%ZZ` (an <img> on any website could send it) killed the server.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../electron/http/server';
import { testCore, type TestCore } from '../fixtures/core';

const LIMIT = 10 * 1024 * 1024;

let core: TestCore;
let bridge: Bridge;
let port: number;
let host: string;
let cookie: string;
let token: string;

interface Answer {
  status: number;
  head: string;
  body: string;
}

/** Parses the first response in `data` once it is complete (by content-length or the last chunk). */
function complete(data: Buffer): Answer | undefined {
  const end = data.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const head = data.subarray(0, end).toString('latin1');
  const rest = data.subarray(end + 4).toString('utf8');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1]);
  const length = /\r\ncontent-length: *(\d+)/i.exec(head);
  if (length) return rest.length >= Number(length[1]) ? { status, head, body: rest.slice(0, Number(length[1])) } : undefined;
  if (/\r\ntransfer-encoding: *chunked/i.test(head)) {
    if (!rest.includes('0\r\n\r\n')) return undefined;
    return { status, head, body: rest.replace(/(^|\r\n)[0-9a-f]+\r\n/gi, '').replace(/\r\n$/, '') };
  }
  return /^HTTP\/1\.[01] (1\d\d|204|304)/.test(head) ? { status, head, body: '' } : undefined;
}

/**
 * Opens a socket, lets `talk` write anything at all, and resolves with the first response: when
 * it is complete, or when the server closes the connection.
 */
function exchange(talk: (socket: Socket) => void | Promise<void>, timeoutMs = 10_000): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = Buffer.alloc(0);
    let settled = false;
    const settle = (answer: Answer | Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (answer instanceof Error) reject(answer);
      else resolve(answer);
    };
    const timer = setTimeout(() => settle(new Error(`no answer within ${timeoutMs} ms; got ${JSON.stringify(data.toString('latin1').slice(0, 200))}`)), timeoutMs);
    socket.on('data', (chunk) => {
      data = Buffer.concat([data, chunk]);
      const answer = complete(data);
      if (answer) settle(answer);
    });
    const closed = () => {
      const text = data.toString('latin1');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1]);
      if (status) settle({ status, head: text.split('\r\n\r\n')[0]!, body: text.split('\r\n\r\n').slice(1).join('\r\n\r\n') });
      else settle(new Error(`the connection closed without an answer (${data.length} bytes)`));
    };
    socket.on('close', closed);
    socket.on('error', () => closed());
    socket.on('connect', () => {
      Promise.resolve(talk(socket)).catch(() => undefined);
    });
  });
}

/** Sends one request written out by hand; a string is sent byte for byte (latin1), not as UTF-8. */
const send = (text: string | Buffer) => exchange((socket) => void socket.write(typeof text === 'string' ? Buffer.from(text, 'latin1') : text));

/** A request line and headers; the Host header first unless given, then the session cookie. */
function request(line: string, headers: string[] = [], body = ''): string {
  return `${line}\r\n${[`Host: ${host}`, `Cookie: ${cookie}`, 'Connection: close', ...headers].join('\r\n')}\r\n\r\n${body}`;
}
const json = (body: string) => request('POST /rpc/accounts.list HTTP/1.1', ['Content-Type: application/json', `Content-Length: ${Buffer.byteLength(body)}`], body);

/** Streams chunks of `size` bytes until the server answers or shuts the connection. */
function stream(socket: Socket, head: string, total: number, size = 64 * 1024): Promise<void> {
  socket.write(head);
  const chunk = Buffer.alloc(size, 'a');
  return new Promise((resolve) => {
    let sent = 0;
    const more = () => {
      while (sent < total && !socket.destroyed && socket.readable) {
        sent += size;
        const frame = Buffer.concat([Buffer.from(`${size.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]);
        if (!socket.write(frame)) return void socket.once('drain', more);
      }
      if (!socket.destroyed) socket.write('0\r\n\r\n');
      resolve();
    };
    socket.on('data', () => (sent = total));
    more();
  });
}

interface Case {
  name: string;
  talk: () => Promise<Answer>;
  status: number;
}

/** The corpus: what each case is, and the status it must get. */
function corpus(): Case[] {
  const cases: Case[] = [];
  const add = (name: string, status: number, talk: () => Promise<Answer>) => cases.push({ name, status, talk });

  // Addresses.
  add('GET /%ZZ (bad percent-encoding)', 400, () => send(request('GET /%ZZ HTTP/1.1')));
  add('GET /% (a lone percent)', 400, () => send(request('GET /% HTTP/1.1')));
  add('GET /assets/%E0%A4%A (a cut-off UTF-8 sequence)', 400, () => send(request('GET /assets/%E0%A4%A HTTP/1.1')));
  add('GET /index.html%00.js (NUL)', 400, () => send(request('GET /index.html%00.js HTTP/1.1')));
  add('POST /rpc/%ZZ', 400, () => send(request('POST /rpc/%ZZ HTTP/1.1', ['Content-Type: application/json', 'Content-Length: 2'], '{}')));
  add('POST /rpc/accounts.%FF (not UTF-8)', 400, () => send(request('POST /rpc/accounts.%FF HTTP/1.1', ['Content-Type: application/json', 'Content-Length: 2'], '{}')));
  add('POST /rpc/ (no channel)', 404, () => send(request('POST /rpc/ HTTP/1.1', ['Content-Type: application/json', 'Content-Length: 2'], '{}')));
  add('POST /rpc/x.y (an unknown channel)', 404, () => send(request('POST /rpc/x.y HTTP/1.1', ['Content-Type: application/json', 'Content-Length: 2'], '{}')));
  add('GET /../../../etc/passwd (dot segments)', 400, () => send(request('GET /../../../etc/passwd HTTP/1.1')));
  add('GET /%2e%2e/%2e%2e/etc/passwd (encoded dot segments)', 400, () => send(request('GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1')));
  add('POST /rpc/accounts.list/../../x', 400, () => send(request('POST /rpc/accounts.list/../../x HTTP/1.1', ['Content-Type: application/json', 'Content-Length: 2'], '{}')));
  add('GET http://evil.example/ (absolute form)', 400, () => send(request('GET http://evil.example/ HTTP/1.1')));
  add('GET //evil.example/ (a target that looks like another host)', 404, () => send(request('GET //evil.example/ HTTP/1.1')));
  add('OPTIONS * (asterisk form)', 400, () => send(request('OPTIONS * HTTP/1.1')));
  add('a 5,000-character path', 414, () => send(request(`GET /${'a'.repeat(5000)} HTTP/1.1`)));
  add('a 40,000-character path', 431, () => send(request(`GET /${'a/'.repeat(20_000)} HTTP/1.1`)));
  add('a control character in the path', 400, () => send(request('GET /a\x01b HTTP/1.1')));
  add('a space in the path', 400, () => send(request('GET /a b HTTP/1.1')));

  // Methods.
  add('GET /rpc/accounts.list', 405, () => send(request('GET /rpc/accounts.list HTTP/1.1')));
  add('PUT /rpc/accounts.list', 405, () => send(request('PUT /rpc/accounts.list HTTP/1.1', ['Content-Type: application/json', 'Content-Length: 2'], '{}')));
  add('DELETE /', 405, () => send(request('DELETE / HTTP/1.1')));
  add('POST /events', 405, () => send(request('POST /events HTTP/1.1', ['Content-Length: 0'])));
  add('POST /launch', 405, () => send(request(`POST /launch?token=${token} HTTP/1.1`, ['Content-Length: 0'])));
  add('OPTIONS /rpc/accounts.list (a preflight)', 405, () => send(request('OPTIONS /rpc/accounts.list HTTP/1.1')));
  add('BREW / (no such method)', 400, () => send(request('BREW / HTTP/1.1')));
  add('an HTTP/2 preface', 400, () => send('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'));
  add('binary garbage', 400, () => send(Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03, 0x0d, 0x0a, 0x0d, 0x0a])));

  // Headers.
  add('no Host on HTTP/1.1', 403, () => send(`GET / HTTP/1.1\r\nCookie: ${cookie}\r\n\r\n`));
  add('no Host on HTTP/1.0', 403, () => send(`GET / HTTP/1.0\r\nCookie: ${cookie}\r\n\r\n`));
  add('a foreign Host (DNS rebinding)', 403, () => send(`GET / HTTP/1.1\r\nHost: evil.example:${port}\r\nCookie: ${cookie}\r\n\r\n`));
  add('the right host on another port', 403, () => send(`GET / HTTP/1.1\r\nHost: 127.0.0.1:1\r\n\r\n`));
  add('a cross-site Origin, with the cookie', 403, () => send(json('{}').replace('Connection: close', 'Origin: https://evil.example\r\nConnection: close')));
  add('Origin: null', 403, () => send(json('{}').replace('Connection: close', 'Origin: null\r\nConnection: close')));
  add('a malformed Origin', 403, () => send(json('{}').replace('Connection: close', 'Origin: http://[::1\r\nConnection: close')));
  add('a 20 KB header', 431, () => send(request('GET / HTTP/1.1', [`X-Big: ${'a'.repeat(20_000)}`])));
  add('a thousand headers', 431, () =>
    send(
      request(
        'GET / HTTP/1.1',
        Array.from({ length: 1000 }, (_, i) => `X-H${i}: ${'v'.repeat(16)}`),
      ),
    ),
  );
  add('a NUL in a header value', 400, () => send(request('GET / HTTP/1.1', ['X-Bad: a\x00b'])));
  add('a header line without a colon', 400, () => send(request('GET / HTTP/1.1', ['Nonsense'])));
  add('a header name with a space', 400, () => send(request('GET / HTTP/1.1', ['Bad Name: x'])));
  add('a non-numeric Content-Length', 400, () => send(request('POST /rpc/accounts.list HTTP/1.1', ['Content-Type: application/json', 'Content-Length: abc'], '{}')));
  add('a negative Content-Length', 400, () => send(request('POST /rpc/accounts.list HTTP/1.1', ['Content-Type: application/json', 'Content-Length: -1'], '{}')));
  add('two different Content-Lengths', 400, () =>
    send(request('POST /rpc/accounts.list HTTP/1.1', ['Content-Type: application/json', 'Content-Length: 2', 'Content-Length: 3'], '{}')),
  );
  add('Content-Length with Transfer-Encoding (request smuggling)', 400, () =>
    send(request('POST /rpc/accounts.list HTTP/1.1', ['Content-Type: application/json', 'Content-Length: 2', 'Transfer-Encoding: chunked'], '0\r\n\r\n')),
  );
  add('an unknown Transfer-Encoding', 400, () => send(request('POST /rpc/accounts.list HTTP/1.1', ['Content-Type: application/json', 'Transfer-Encoding: gzip'], '{}')));

  // Content types and bodies.
  add('Content-Type: text/plain', 415, () => send(json('{}').replace('application/json', 'text/plain')));
  add('no Content-Type', 415, () => send(request('POST /rpc/accounts.list HTTP/1.1', ['Content-Length: 2'], '{}')));
  add('Content-Type: application/json-seq', 415, () => send(json('{}').replace('application/json', 'application/json-seq')));
  add('Content-Type: multipart/form-data (an HTML form)', 415, () => send(json('{}').replace('application/json', 'multipart/form-data; boundary=x')));
  add('invalid JSON', 400, () => send(json('{"page":')));
  add('a lone bracket', 400, () => send(json(']')));
  add('a body that is not UTF-8', 400, () => send(json('').replace('Content-Length: 0', 'Content-Length: 4') + '\xff\xfe{}'));
  add('JSON with a trailing comma', 400, () => send(json('{"page":1,}')));
  add('a body cut off before its declared end', 400, () =>
    exchange((socket) => {
      socket.write(request('POST /rpc/accounts.list HTTP/1.1', ['Content-Type: application/json', 'Content-Length: 100'], '{"page":'));
      socket.end();
    }),
  );
  add('a broken chunked body', 400, () =>
    send(request('POST /rpc/accounts.list HTTP/1.1', ['Content-Type: application/json', 'Transfer-Encoding: chunked'], 'zz\r\n{}\r\n0\r\n\r\n')),
  );
  add('a declared length over the limit (refused before reading)', 413, () =>
    send(request('POST /rpc/accounts.list HTTP/1.1', ['Content-Type: application/json', `Content-Length: ${LIMIT + 1}`])),
  );
  add('a chunked body that grows over the limit', 413, () =>
    exchange((socket) => stream(socket, request('POST /rpc/accounts.list HTTP/1.1', ['Content-Type: application/json', 'Transfer-Encoding: chunked']), LIMIT + 1024 * 1024)),
  );
  add('a body over the limit without a cookie (refused before reading)', 401, () =>
    send(request('POST /rpc/accounts.list HTTP/1.1', ['Content-Type: application/json', `Content-Length: ${LIMIT * 100}`]).replace(`Cookie: ${cookie}`, 'X-No: cookie')),
  );

  // Cookies and the launch address.
  const withCookie = (value: () => string) => () => send(json('{}').replace(`Cookie: ${cookie}`, `Cookie: ${value()}`));
  const name = () => cookie.split('=')[0]!;
  add('no cookie', 401, () => send(json('{}').replace(`Cookie: ${cookie}\r\n`, '')));
  add(
    'an empty session cookie',
    401,
    withCookie(() => `${name()}=`),
  );
  add(
    'a wrong token of the right length',
    401,
    withCookie(() => `${name()}=${'A'.repeat(token.length)}`),
  );
  add(
    'the token with one character more',
    401,
    withCookie(() => `${name()}=${token}x`),
  );
  add(
    'the token cut short',
    401,
    withCookie(() => `${name()}=${token.slice(0, -1)}`),
  );
  add(
    "the token under another port's name",
    401,
    withCookie(() => `fulcrum-session-1=${token}`),
  );
  add(
    'the token under no name',
    401,
    withCookie(() => token),
  );
  add(
    'a cookie header of separators',
    401,
    withCookie(() => ';;;==;=;'),
  );
  add(
    'an 8 KB cookie',
    401,
    withCookie(() => `${name()}=${'x'.repeat(8 * 1024)}`),
  );
  add(
    'a cookie with bytes that are not ASCII',
    401,
    withCookie(() => `${name()}=\xe9\xff${token.slice(2)}`),
  );
  add('/events without a cookie', 401, () => send(request('GET /events HTTP/1.1').replace(`Cookie: ${cookie}\r\n`, '')));
  add('/launch without a token', 401, () => send(request('GET /launch HTTP/1.1')));
  add('/launch with a wrong token', 401, () => send(request(`GET /launch?token=${'A'.repeat(token.length)} HTTP/1.1`)));
  add('/launch with a badly encoded token', 401, () => send(request('GET /launch?token=%ZZ HTTP/1.1')));
  add('/launch with the token twice, the first wrong', 401, () => send(request(`GET /launch?token=x&token=${token} HTTP/1.1`)));
  return cases;
}

beforeAll(async () => {
  core = await testCore();
  const rendererDir = mkdtempSync(join(tmpdir(), 'fulcrum-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Fulcrum</title>');
  bridge = await startBridge({ core, rendererDir });
  port = Number(new URL(bridge.url).port);
  host = `127.0.0.1:${port}`;
  token = new URL(bridge.launchUrl).searchParams.get('token')!;
  const opened = await send(request(`GET /launch?token=${token} HTTP/1.1`));
  cookie = /\r\nset-cookie: ([^;\r]+)/i.exec(opened.head)![1]!;
});
afterAll(async () => {
  await bridge.close();
  await core.close();
});

/** A good request over a fresh connection: the bridge is still there and still works. */
async function stillAnswers(): Promise<void> {
  const answer = await send(json('{}'));
  expect(answer.status).toBe(200);
  expect(JSON.parse(answer.body)).toMatchObject({ ok: true });
}

const CASES = corpus();

describe('the HTTP bridge under malformed requests', () => {
  it('has a corpus worth the name', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s: a 4xx, and the bridge still answers', async (_name, { talk, status }) => {
    const answer = await talk();
    expect(answer.status).toBe(status);
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(answer.head.toLowerCase()).toContain('x-frame-options: deny');
    if (answer.body) expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { message: expect.any(String) } });
    await stillAnswers();
  });

  it('is still listening after the whole corpus', async () => {
    expect(bridge.server.listening).toBe(true);
    await stillAnswers();
  });
});
