import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isTrustedSender, navigationDecision, type RendererOrigin } from './security';

const rendererDir = '/opt/Fulcrum app/resources/app.asar/out/renderer';
const rendererFile = join(rendererDir, 'index.html');
// The renderer is served from app://fulcrum/ (appProtocol.ts), never from file://.
const ownUrl = 'app://fulcrum/index.html';
const production: RendererOrigin = { rendererDir };
const development: RendererOrigin = { rendererDir, devServerUrl: 'http://localhost:5173' };

describe('isTrustedSender', () => {
  it.each([
    ['the renderer page', ownUrl],
    ['the renderer page with a hash route', `${ownUrl}#/accounts/42`],
    ['the renderer page with a query', `${ownUrl}?tab=health`],
    ['the scheme and host in capitals (a standard scheme is case-insensitive there)', 'APP://FULCRUM/index.html'],
  ])('accepts %s', (_name, url) => {
    expect(isTrustedSender(url, production)).toBe(true);
    expect(isTrustedSender(url, development)).toBe(true);
  });

  it.each([
    ['the renderer file itself over file://', pathToFileURL(rendererFile).href],
    ['another file', pathToFileURL('/tmp/evil.html').href],
    ['another page of the app scheme', 'app://fulcrum/other.html'],
    ['an asset of the app scheme', 'app://fulcrum/assets/index.js'],
    ['a path that only starts like the renderer', `${ownUrl}.html`],
    ['another host of the app scheme', 'app://evil.example/index.html'],
    ['the app scheme with credentials', 'app://user:pw@fulcrum/index.html'],
    ['a remote page', 'http://evil.example/'],
    ['a remote https page', 'https://evil.example/index.html'],
    ['devtools', 'devtools://devtools/bundled/devtools_app.html'],
    ['about:blank', 'about:blank'],
    ['a data URL', 'data:text/html,<script>1</script>'],
    ['an empty URL', ''],
    ['garbage', 'not a url'],
    ['no frame', undefined],
  ])('refuses %s', (_name, url) => {
    expect(isTrustedSender(url, production)).toBe(false);
    expect(isTrustedSender(url, development)).toBe(false);
  });

  it('accepts the dev server origin only in development', () => {
    for (const url of ['http://localhost:5173/', 'http://localhost:5173/#/accounts', 'http://localhost:5173/src/main.tsx']) {
      expect(isTrustedSender(url, development)).toBe(true);
      expect(isTrustedSender(url, production)).toBe(false);
    }
  });

  it('refuses other origins in development', () => {
    for (const url of ['http://localhost:5174/', 'https://localhost:5173/', 'http://127.0.0.1:5173/', 'http://localhost.evil.example:5173/']) {
      expect(isTrustedSender(url, development)).toBe(false);
    }
  });
});

describe('navigationDecision', () => {
  it.each([
    ['https://example.com/docs', 'external'],
    ['https://example.com:8443/a?b=c#d', 'external'],
    ['http://example.com/', 'deny'],
    ['file:///etc/passwd', 'deny'],
    ['javascript:alert(1)', 'deny'],
    ['data:text/html,hi', 'deny'],
    ['mailto:someone@example.com', 'deny'],
    ['ms-settings:privacy', 'deny'],
    ['smb://server/share', 'deny'],
    ['devtools://devtools/bundled/inspector.html', 'deny'],
    ['', 'deny'],
    ['https://', 'deny'],
    ['not a url', 'deny'],
  ] as const)('%s -> %s', (url, decision) => {
    expect(navigationDecision(url)).toBe(decision);
  });
});
