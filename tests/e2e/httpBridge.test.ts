// The browser build's door, in Chromium: the launch address sets the session cookie and keeps the
// route in its #fragment, a browser that skipped it is told what to open, and nobody can frame it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './harness';
import { demoWorkspace } from './workspace';

let app: App;
beforeAll(async () => {
  app = await startApp(await demoWorkspace(20));
});
afterAll(() => app?.close());

describe('the HTTP bridge in a browser', () => {
  it('goes from the launch address to the route in its #fragment, the secret gone from the address bar and out of reach of scripts', async () => {
    const page = await app.open('accounts');
    await page.getByTestId('accounts-search').waitFor();
    expect(page.url()).toBe(`${app.bridge.url}/#/accounts`);
    expect(await page.evaluate(() => document.cookie)).toBe('');
    const [cookie, ...others] = await page.context().cookies();
    expect(others).toEqual([]);
    expect(cookie).toMatchObject({ name: `fulcrum-session-${new URL(app.bridge.url).port}`, httpOnly: true, sameSite: 'Strict', path: '/' });
    // Later visits in the same browser need no launch address: the cookie is there.
    await page.goto(`${app.bridge.url}/#/dashboard`);
    await page.getByTestId('accounts-search').waitFor({ state: 'detached' });
    await page.goto(`${app.bridge.url}/#/accounts`);
    await page.getByTestId('accounts-search').waitFor();
  });

  it('tells a browser that did not open the launch address where to go', async () => {
    const context = await app.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${app.bridge.url}/#/accounts`);
      await page
        .getByText(/open Fulcrum from the address printed at start/)
        .first()
        .waitFor();
    } finally {
      await context.close();
    }
  });

  it('cannot be framed, not even by its own page in a browser that holds the cookie', async () => {
    const context = await app.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${app.bridge.launchUrl}#/accounts`);
      await page.getByTestId('accounts-search').waitFor();
      // The strictest case: same origin, cookie set. frame-ancestors 'none' and X-Frame-Options: DENY refuse it.
      await page.evaluate(
        (src) =>
          new Promise<void>((resolve) => {
            const frame = document.createElement('iframe');
            frame.onload = () => resolve();
            frame.src = src;
            document.body.append(frame);
          }),
        `${app.bridge.url}/#/dashboard`,
      );
      const frame = page.frames().find((each) => each !== page.mainFrame())!;
      expect(frame.url()).not.toContain(app.bridge.url);
      expect(await frame.locator('#root').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
