import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_SCHEME_PRIVILEGES, APP_START_URL, resolveAppRequest } from './appProtocol';

// The app:// scheme serves the built renderer's folder and nothing else (issue 12).
const dir = '/opt/Fulcrum/resources/app.asar/out/renderer';

describe('resolveAppRequest', () => {
  it.each([
    [APP_START_URL, 'index.html', 'text/html; charset=utf-8'],
    ['app://fulcrum/', 'index.html', 'text/html; charset=utf-8'],
    ['app://fulcrum', 'index.html', 'text/html; charset=utf-8'],
    ['app://fulcrum/index.html#/accounts/42', 'index.html', 'text/html; charset=utf-8'],
    ['app://fulcrum/assets/index-abc.js?v=1', 'assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['app://fulcrum/assets/app.css', 'assets/app.css', 'text/css; charset=utf-8'],
    ['app://fulcrum/assets/a%20b.svg', 'assets/a b.svg', 'image/svg+xml'],
    ['APP://FULCRUM/favicon.ico', 'favicon.ico', 'image/x-icon'],
  ])('%s -> %s', (url, file, mimeType) => {
    expect(resolveAppRequest(url, dir)).toEqual({ ok: true, path: join(dir, file), mimeType });
  });

  it.each([
    ['app://fulcrum/../main/index.js', 400],
    ['app://fulcrum/assets/../../main/index.js', 400],
    ['app://fulcrum/%2e%2e/main/index.js', 400],
    ['app://fulcrum/assets/%2E%2E/%2E%2E/secret', 400],
    ['app://fulcrum/..%2fmain%2findex.js', 400],
    ['app://fulcrum/..%5cmain', 400],
    ['app://fulcrum/assets\\..\\..\\main', 400],
    ['app://fulcrum/./index.html', 400],
    ['app://fulcrum/index.html%00.png', 400],
    ['app://fulcrum/%ZZ', 400],
    ['app://fulcrum/%E0%A4%A', 400],
    ['app://evil.example/index.html', 404],
    ['app:///etc/passwd', 404],
    ['app://fulcrum/assets/', 404],
    ['file:///etc/passwd', 400],
    ['https://fulcrum/index.html', 400],
  ])('refuses %s with %i', (url, status) => {
    expect(resolveAppRequest(url, dir)).toEqual({ ok: false, status });
  });

  it('answers GET and HEAD only', () => {
    expect(resolveAppRequest(APP_START_URL, dir, 'HEAD').ok).toBe(true);
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) expect(resolveAppRequest(APP_START_URL, dir, method)).toEqual({ ok: false, status: 405 });
  });

  it('is a standard, secure scheme (an origin of its own, allowed fetch and a CSP), without CORS', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true, supportFetchAPI: true, corsEnabled: false });
  });
});
