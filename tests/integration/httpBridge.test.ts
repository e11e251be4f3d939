import { mkdtempSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAllowedHost, isAllowedOrigin } from '../../electron/http/hostCheck';
import { startBridge, type Bridge } from '../../electron/http/server';
import { testCore, type TestCore } from '../fixtures/core';

let core: TestCore;
let bridge: Bridge;
let port: number;
/** The session cookie (`name=value`) the launch address hands out; sent by `raw` unless told otherwise. */
let cookie: string;

/**
 * A raw request, so the Host header and content type can be anything a hostile page might send.
 * It carries the session cookie unless `headers` names another one or `anonymous` is set.
 */
function raw(path: string, options: { method?: string; headers?: Record<string, string>; body?: string; anonymous?: boolean } = {}) {
  const headers = { ...(options.anonymous ? {} : { cookie }), ...options.headers };
  return new Promise<{ status: number; body: string; type: string; headers: IncomingHttpHeaders }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, type: String(res.headers['content-type']), headers: res.headers }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const json = { 'content-type': 'application/json' };

beforeAll(async () => {
  core = await testCore();
  const rendererDir = mkdtempSync(join(tmpdir(), 'fulcrum-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Fulcrum</title>');
  writeFileSync(join(rendererDir, 'app.js'), 'console.log(1)');
  bridge = await startBridge({ core, rendererDir });
  port = Number(new URL(bridge.url).port);
  const launch = new URL(bridge.launchUrl);
  const opened = await raw(launch.pathname + launch.search, { anonymous: true });
  cookie = String(opened.headers['set-cookie']?.[0]).split(';')[0]!;
});
afterAll(async () => {
  await bridge.close();
  await core.close();
});

describe('HTTP bridge', () => {
  it('answers a channel with the same envelope as dispatch', async () => {
    const created = await raw('/rpc/accounts.create', { method: 'POST', headers: json, body: JSON.stringify({ name: 'Bridge Co' }) });
    expect(created.status).toBe(200);
    expect(JSON.parse(created.body)).toMatchObject({ ok: true, value: { name: 'Bridge Co' } });
    const bad = await raw('/rpc/accounts.create', { method: 'POST', headers: json, body: JSON.stringify({ name: 42 }) });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const unknown = await raw('/rpc/nope.nothing', { method: 'POST', headers: json, body: '{}' });
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body).error.code).toBe('UNKNOWN_CHANNEL');
  });

  it('rejects a POST that is not JSON', async () => {
    const form = await raw('/rpc/accounts.list', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' });
    expect(form.status).toBe(415);
    const broken = await raw('/rpc/accounts.list', { method: 'POST', headers: json, body: '{"page":' });
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body).error.message).toContain('not valid JSON');
    expect((await raw('/rpc/accounts.list')).status).toBe(405);
  });

  it('rejects foreign Host headers and cross-site origins', async () => {
    const rebound = await raw('/rpc/accounts.list', { method: 'POST', headers: { ...json, host: `evil.example:${port}` }, body: '{}' });
    expect(rebound.status).toBe(403);
    const crossSite = await raw('/rpc/accounts.list', { method: 'POST', headers: { ...json, origin: 'https://evil.example' }, body: '{}' });
    expect(crossSite.status).toBe(403);
    const sameSite = await raw('/rpc/accounts.list', { method: 'POST', headers: { ...json, origin: `http://localhost:${port}` }, body: '{}' });
    expect(sameSite.status).toBe(200);
    // The session cookie does not open the door to a foreign host or site.
    const anonymousRebound = await raw('/', { headers: { host: `evil.example:${port}` }, anonymous: true });
    expect(anonymousRebound.status).toBe(403);
    const events = await raw('/events', { headers: { origin: 'https://evil.example' } });
    expect(events.status).toBe(403);
  });

  it('serves the renderer, falls back to index.html for routes, and never leaves its folder', async () => {
    expect((await raw('/app.js')).type).toContain('javascript');
    expect((await raw('/accounts/12')).body).toContain('<title>Fulcrum</title>');
    expect((await raw('/../../etc/passwd')).body).not.toContain('root:');
    expect((await raw('/%2e%2e/%2e%2e/etc/hostname.txt')).status).toBe(400);
    expect((await raw('/nothing.txt')).status).toBe(404);
  });

  it('checks hosts and origins by port and loopback name', () => {
    expect(isAllowedHost('127.0.0.1:5178', 5178)).toBe(true);
    expect(isAllowedHost('localhost:5178', 5178)).toBe(true);
    expect(isAllowedHost('[::1]:5178', 5178)).toBe(true);
    expect(isAllowedHost('127.0.0.1:80', 5178)).toBe(false);
    expect(isAllowedHost('127.0.0.1.evil.example:5178', 5178)).toBe(false);
    expect(isAllowedHost(undefined, 5178)).toBe(false);
    expect(isAllowedOrigin(undefined, 5178)).toBe(true);
    expect(isAllowedOrigin('null', 5178)).toBe(false);
  });
});
