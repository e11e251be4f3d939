import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isTrustedSender, navigationDecision, type RendererOrigin } from './security';

const rendererFile = join('/opt/Fulcrum app/resources/app.asar/out/renderer', 'index.html');
const ownUrl = pathToFileURL(rendererFile).href;
const production: RendererOrigin = { rendererFile };
const development: RendererOrigin = { rendererFile, devServerUrl: 'http://localhost:5173' };

describe('isTrustedSender', () => {
  it.each([
    ['the renderer file', ownUrl],
    ['the renderer file with a hash route', `${ownUrl}#/accounts/42`],
    ['the renderer file with a query', `${ownUrl}?tab=health`],
    ['the renderer file with an unencoded space', `file:///opt/Fulcrum app/resources/app.asar/out/renderer/index.html`],
  ])('accepts %s', (_name, url) => {
    expect(isTrustedSender(url, production)).toBe(true);
    expect(isTrustedSender(url, development)).toBe(true);
  });

  it.each([
    ['another file', pathToFileURL('/tmp/evil.html').href],
    ['a file beside the renderer', pathToFileURL(join(rendererFile, '../other.html')).href],
    ['a path that only starts like the renderer', `${ownUrl}.html`],
    ['a file on another host', ownUrl.replace('file:///', 'file://evil.example/')],
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

  it.runIf(process.platform === 'win32')('compares Windows drive letters without regard to case', () => {
    const windows: RendererOrigin = { rendererFile: 'C:\\Program Files\\Fulcrum\\out\\renderer\\index.html' };
    expect(isTrustedSender('file:///c:/Program%20Files/Fulcrum/out/renderer/index.html', windows)).toBe(true);
    expect(isTrustedSender('file:///c:/Program%20Files/Fulcrum/out/renderer/evil.html', windows)).toBe(false);
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
