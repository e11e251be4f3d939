import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createCore, type Core } from '../../electron/core';
import { startBridge, type Bridge } from '../../electron/http/server';

const ROOT = resolve(__dirname, '../..');
export const SCREENSHOTS = join(ROOT, 'tests/artifacts/screenshots');
const RENDERER = process.env.FULCRUM_RENDERER_OUT ?? join(ROOT, 'out/renderer');

/** Debian's Chromium, started the way this closed network needs (no background traffic). */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface App {
  core: Core;
  bridge: Bridge;
  browser: Browser;
  /** A fresh page at an app route such as 'accounts'. */
  open(route?: string): Promise<Page>;
  /** Saves a PNG under tests/artifacts/screenshots to look at. */
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

/** The real app: a workspace file, the core, the HTTP bridge serving the built renderer, Chromium. */
export async function startApp(dbPath: string): Promise<App> {
  if (!existsSync(join(RENDERER, 'index.html'))) throw new Error('out/renderer is missing: run `npm run build` first');
  mkdirSync(SCREENSHOTS, { recursive: true });
  const core = await createCore({ dbPath, checkOutputs: true });
  const bridge = await startBridge({ core, rendererDir: RENDERER });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  return {
    core,
    bridge,
    browser,
    async open(route = '') {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
      await page.goto(`${bridge.launchUrl}#/${route}`);
      return page;
    },
    async screenshot(page, name) {
      const path = join(SCREENSHOTS, `${name}.png`);
      await page.screenshot({ path, fullPage: false });
      return path;
    },
    async close() {
      await browser.close();
      await bridge.close();
      await core.close();
    },
  };
}
