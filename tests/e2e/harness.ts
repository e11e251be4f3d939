import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { startCoreHost, type HostedCore } from '../../electron/core/host/client';
import { memoryConnectionStore } from '../../electron/core/team/connection';
import { startTeamSession } from '../../electron/core/team/schedule';
import { defaultBridgeFolders } from '../../electron/http/folders';
import { startBridge, type Bridge, type BridgeOptions } from '../../electron/http/server';
import type { Result } from '../../shared/rpc';
import { now } from './today';

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

/**
 * Waits are on the app's own signals (a screen's element, a row count, a status text), with limits
 * set here once and generous enough for a busy two-core machine: the suite must fail for a wrong
 * screen, never for a slow one. expect.poll's limit is in tests/vitest.config.mts.
 */
const ACTION_TIMEOUT = 60_000;
const NAVIGATION_TIMEOUT = 60_000;

/**
 * Page errors (uncaught exceptions, unhandled rejections) and console errors of every page the
 * test opened, its popups included. Listeners go on the browser context before its first
 * navigation, and the test fails after it ends when any arrived (afterEach below).
 */
const problems: string[] = [];
/** Console errors a test causes on purpose, with the reason; cleared after each test. */
const expected: { pattern: RegExp; reason: string }[] = [];
/** Contexts opened by the running test, closed after it even when it failed half-way. */
const contexts = new Set<BrowserContext>();

/**
 * Console errors the test tooling causes, never the app, each with its reason. Only these are
 * ignored everywhere; anything else a test expects goes through expectConsoleError.
 */
const TOOLING: { matches(text: string, url: string): boolean; reason: string }[] = [
  {
    matches: (text, url) => url === 'about:srcdoc' && text.startsWith("Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed"),
    reason:
      "playwright's clock (context.clock.install) is an init script injected into every frame; the assessment report's " +
      'preview is a srcdoc frame sandboxed without allow-scripts on purpose (the report has no script), so Chromium ' +
      'blocks the injected script and logs it. Checked: without the clock the page logs nothing.',
  },
];

function watch(context: BrowserContext): void {
  context.on('weberror', (error) => problems.push(`page error on ${error.page()?.url() ?? 'a page'}: ${error.error().stack ?? error.error().message}`));
  context.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    const { url, lineNumber } = message.location();
    if (TOOLING.some((tooling) => tooling.matches(text, url))) return;
    if (expected.some((allowed) => allowed.pattern.test(text))) return;
    problems.push(`console error on ${message.page()?.url() ?? 'a page'}: ${text}${url ? ` (${url}:${lineNumber})` : ''}`);
  });
}

/**
 * A console error the running test causes on purpose (a refused request the browser reports, say):
 * allowed for this test only, and only with the reason written down.
 */
export function expectConsoleError(pattern: RegExp, reason: string): void {
  if (!reason.trim()) throw new Error('say why this console error is expected');
  expected.push({ pattern, reason });
}

/**
 * After each test: closes the contexts it opened and fails it when its pages reported errors.
 * Registered for every e2e file by tests/e2e/setup.ts (a setup file runs per file even when the
 * files share one process and this module is evaluated once).
 */
export async function checkPagesAfterTest(): Promise<void> {
  await Promise.all([...contexts].map((context) => context.close().catch(() => {})));
  contexts.clear();
  expected.length = 0;
  const found = problems.splice(0);
  expect(found, 'the pages of this test reported errors').toEqual([]);
}

/**
 * One Chromium for the test process, launched on first use: a launch per app cost seconds a file on
 * a loaded machine. Apps isolate through their own browser contexts; a browser that went away is
 * launched again.
 */
let chromiumProcess: Promise<Browser> | undefined;
function sharedBrowser(): Promise<Browser> {
  chromiumProcess ??= chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS }).then((browser) => {
    browser.on('disconnected', () => (chromiumProcess = undefined));
    return browser;
  });
  return chromiumProcess;
}

/**
 * The app's core as the bridge reaches it: in its worker thread, through the core host's client.
 * `context.sqlite` is the test's own connection to the workspace file, for setting up a state no
 * channel makes (back-dating a row); it waits for the core's writes instead of failing.
 */
export type AppCore = HostedCore & { context: { sqlite: Database.Database } };

/** How a page is opened: its window size (1280×800 unless said) and the system's colour scheme (light unless said). */
export interface OpenOptions {
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
}

export interface App {
  core: AppCore;
  bridge: Bridge;
  browser: Browser;
  /** A fresh page at an app route such as 'accounts'. */
  open(route?: string, options?: OpenOptions): Promise<Page>;
  /** Saves a PNG under tests/artifacts/screenshots to look at. */
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

/** The real app: a workspace file, the core, the HTTP bridge serving the built renderer, Chromium. */
export async function startApp(dbPath: string, options: { host?: (core: HostedCore) => BridgeOptions['host'] } = {}): Promise<App> {
  if (!existsSync(join(RENDERER, 'index.html'))) throw new Error('out/renderer is missing: run `npm run build` first');
  mkdirSync(SCREENSHOTS, { recursive: true });
  // As `npm run web` starts it: the core in a worker thread, the bridge's file policy (the
  // workspace's folder and exports/ beside it), and the tests' clock as an offset from real time.
  const files = { kind: 'folders' as const, folders: defaultBridgeFolders(dbPath) };
  // "Who am I" lives in a per-laptop file, never the workspace: each app gets its own, empty.
  const identityFile = join(mkdtempSync(join(tmpdir(), 'fulcrum-identity-')), 'identity.json');
  const hosted = await startCoreHost({ dbPath, checkOutputs: true, clock: { offsetMs: now().getTime() - Date.now() }, create: !existsSync(dbPath), files, identityFile });
  const sqlite = new Database(dbPath);
  sqlite.pragma('busy_timeout = 10000');
  const core: AppCore = Object.assign(hosted, { context: { sqlite } });
  // Channels a host answers before the core: the team's connection, as `npm run web` serves it (kept
  // in memory) unless the test gives its own.
  let team: ReturnType<typeof startTeamSession> | undefined;
  const host =
    options.host?.(hosted) ??
    (team = startTeamSession({
      current: () => hosted.dispatch,
      store: memoryConnectionStore('basic_text'),
      join: (url) => hosted.dispatch('team.join', { server: url }) as Promise<Result<{ teamId: string }>>,
      log: () => undefined,
    })).channels;
  const bridge = await startBridge({ core, rendererDir: RENDERER, host });
  const browser = await sharedBrowser();
  /** This app's contexts, closed with it (the browser is shared). */
  const mine = new Set<BrowserContext>();
  return {
    core,
    bridge,
    browser,
    async open(route = '', options: OpenOptions = {}) {
      const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 }, colorScheme: options.colorScheme ?? 'light' });
      contexts.add(context);
      mine.add(context);
      context.setDefaultTimeout(ACTION_TIMEOUT);
      context.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT);
      watch(context);
      // The browser's clock starts where the core's is, so the renderer's own "today" (period
      // presets, days until a renewal) is the tests' TODAY; it runs on in real time from there.
      await context.clock.install({ time: now() });
      const page = await context.newPage();
      await page.goto(`${bridge.launchUrl}#/${route}`);
      return page;
    },
    async screenshot(page, name) {
      const path = join(SCREENSHOTS, `${name}.png`);
      await page.screenshot({ path, fullPage: false });
      return path;
    },
    async close() {
      team?.stop();
      await Promise.all([...mine].map((context) => context.close().catch(() => {})));
      await bridge.close();
      sqlite.close();
      await core.close();
    },
  };
}
