// The bridge answers only the page it served: the launch address trades this run's secret for an
// HttpOnly, SameSite=Strict cookie, and /rpc and /events refuse anyone without it. Every answer
// forbids framing.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../electron/http/server';
import { testCore, type TestCore } from '../fixtures/core';

let core: TestCore;
let bridge: Bridge;
let other: Bridge;
let rendererDir: string;

interface Answer {
  status: number;
  body: string;
  headers: IncomingHttpHeaders;
}

function raw(target: Bridge, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<Answer>((resolve, reject) => {
    const { port } = new URL(target.url);
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Opens the launch address as a browser would, and returns the cookie it sets (`name=value`). */
async function launch(target: Bridge): Promise<string> {
  const { pathname, search } = new URL(target.launchUrl);
  const opened = await raw(target, pathname + search);
  return String(opened.headers['set-cookie']?.[0]).split(';')[0]!;
}

const rpc = (target: Bridge, channel: string, input: unknown, headers: Record<string, string> = {}) =>
  raw(target, `/rpc/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(input) });

beforeAll(async () => {
  core = await testCore();
  rendererDir = mkdtempSync(join(tmpdir(), 'fulcrum-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Fulcrum</title><script src="/app.js"></script>');
  writeFileSync(join(rendererDir, 'app.js'), 'console.log(1)');
  bridge = await startBridge({ core, rendererDir });
  other = await startBridge({ core, rendererDir });
});
afterAll(async () => {
  await bridge.close();
  await other.close();
  await core.close();
});

describe('the launch address', () => {
  it('holds a fresh 32-byte secret for each launch', () => {
    const token = new URL(bridge.launchUrl).searchParams.get('token')!;
    expect(bridge.launchUrl.startsWith(`${bridge.url}/launch?token=`)).toBe(true);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(new URL(other.launchUrl).searchParams.get('token')).not.toBe(token);
  });

  it('sets an HttpOnly, SameSite=Strict cookie for the whole site and sends the browser to /', async () => {
    const { pathname, search } = new URL(bridge.launchUrl);
    const opened = await raw(bridge, pathname + search);
    expect(opened.status).toBe(303);
    expect(opened.headers.location).toBe('/');
    expect(opened.headers['cache-control']).toBe('no-store');
    const setCookie = String(opened.headers['set-cookie']?.[0]);
    const [pair, ...attributes] = setCookie.split(';').map((part) => part.trim());
    expect(pair).toBe(`fulcrum-session-${new URL(bridge.url).port}=${new URL(bridge.launchUrl).searchParams.get('token')}`);
    expect(attributes).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/']));
  });

  it('refuses a wrong or missing token with 401 and sets no cookie', async () => {
    for (const path of ['/launch', '/launch?token=', `/launch?token=${'A'.repeat(43)}`, `/launch?${new URL(other.launchUrl).search.slice(1)}`]) {
      const refused = await raw(bridge, path);
      expect(refused.status, path).toBe(401);
      expect(refused.headers['set-cookie'], path).toBeUndefined();
      expect(JSON.parse(refused.body).error.message).toContain('open Fulcrum from the address printed at start');
    }
  });
});

describe('the page and the core behind it', () => {
  it('serves the page and its assets to anyone, without the secret in them', async () => {
    const token = new URL(bridge.launchUrl).searchParams.get('token')!;
    for (const path of ['/', '/index.html', '/app.js', '/accounts/3']) {
      const page = await raw(bridge, path);
      expect(page.status, path).toBe(200);
      expect(page.body, path).not.toContain(token);
      expect(page.headers['set-cookie'], path).toBeUndefined();
    }
  });

  it('refuses /rpc and /events without the cookie with a 401 that says what to do, and runs nothing', async () => {
    const before = (await core.call('accounts.list', {})).total;
    const refused = await rpc(bridge, 'accounts.create', { name: 'Intruder Ltd' });
    expect(refused.status).toBe(401);
    expect(refused.headers['content-type']).toContain('application/json');
    expect(JSON.parse(refused.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(JSON.parse(refused.body).error.message).toContain('open Fulcrum from the address printed at start');
    expect((await core.call('accounts.list', {})).total).toBe(before);
    const events = await raw(bridge, '/events');
    expect(events.status).toBe(401);
    expect(JSON.parse(events.body).error.message).toContain('address printed at start');
  });

  it('answers /rpc with the cookie of this launch, not with the cookie of another', async () => {
    const cookie = await launch(bridge);
    const created = await rpc(bridge, 'accounts.create', { name: 'Cookie Co' }, { cookie });
    expect(created.status).toBe(200);
    expect(JSON.parse(created.body)).toMatchObject({ ok: true, value: { name: 'Cookie Co' } });
    // Several cookies, as a browser sends them: the session one is found among them.
    const among = await rpc(bridge, 'accounts.list', {}, { cookie: `theme=dark; ${cookie}; other=1` });
    expect(among.status).toBe(200);

    const otherCookie = await launch(other);
    expect((await rpc(bridge, 'accounts.list', {}, { cookie: otherCookie })).status).toBe(401);
    // The right secret under the other bridge's name (a cookie set for another port) is refused too.
    const [, value] = cookie.split('=');
    expect((await rpc(bridge, 'accounts.list', {}, { cookie: `${otherCookie.split('=')[0]}=${value}` })).status).toBe(401);
  });

  it('streams events to a browser with the cookie', async () => {
    const cookie = await launch(bridge);
    const { port } = new URL(bridge.url);
    const response = await new Promise<IncomingMessage>((resolve, reject) => {
      request({ host: '127.0.0.1', port, path: '/events', headers: { cookie } }, resolve).on('error', reject).end();
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/event-stream');
    const received = new Promise<string>((resolve) => {
      let text = '';
      response.on('data', (chunk) => {
        text += chunk;
        if (text.includes('accounts.changed')) resolve(text);
      });
    });
    await rpc(bridge, 'accounts.create', { name: 'Evented Inc' }, { cookie });
    expect(await received).toContain('"name":"accounts.changed"');
    response.destroy();
  });
});

describe('headers on every answer', () => {
  it('forbid framing, sniffing and referrers, whatever the answer', async () => {
    const cookie = await launch(bridge);
    const { pathname, search } = new URL(bridge.launchUrl);
    const answers: Record<string, Answer> = {
      page: await raw(bridge, '/'),
      asset: await raw(bridge, '/app.js'),
      launch: await raw(bridge, pathname + search),
      rpc: await rpc(bridge, 'accounts.list', {}, { cookie }),
      '401': await rpc(bridge, 'accounts.list', {}),
      '403': await raw(bridge, '/', { headers: { host: 'evil.example' } }),
      '404': await raw(bridge, '/missing.png'),
      '405': await raw(bridge, '/rpc/accounts.list', { headers: { cookie } }),
      '413': await raw(bridge, '/rpc/accounts.list', {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', 'content-length': String(64 * 1024 * 1024) },
      }).catch(() => ({ status: 0, body: '', headers: {} })),
      '415': await rpc(bridge, 'accounts.list', {}, { cookie, 'content-type': 'text/plain' }),
    };
    expect(answers['413']!.status).toBe(413);
    for (const [name, answer] of Object.entries(answers)) {
      expect(answer.headers['x-frame-options'], name).toBe('DENY');
      expect(answer.headers['content-security-policy'], name).toContain("frame-ancestors 'none'");
      expect(answer.headers['x-content-type-options'], name).toBe('nosniff');
      expect(answer.headers['referrer-policy'], name).toBe('no-referrer');
    }
    // The page keeps its own policy (the meta tag in index.html); the header only adds frame-ancestors.
    expect(answers.page!.headers['content-security-policy']).toBe("frame-ancestors 'none'");
    expect(answers.rpc!.headers['content-security-policy']).toContain("default-src 'none'");
  });
});
