// The demo workspace: a realistic, deterministic company for first starts, screenshots, tests
// and benchmarks. Hosts (desktop app, `npm run web`) call ensureDemoWorkspace; the CLI calls
// generateDemoWorkspace.

import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { generateDemoWorkspace, type DemoOptions } from './generate';

export { DEMO_DEFAULTS, DEMO_YEARS, demoToday, estimateRows, generateDemoWorkspace, MAX_DEMO_ACCOUNTS, MAX_DEMO_YEARS } from './generate';
export type { DemoOptions, DemoProgress, DemoSummary } from './generate';

/**
 * The app's demo history (desktop, `npm run web`): long enough that the churn backtest has
 * customers whose renewals were decided more than a year before today (with two years it has none,
 * and a first user would see no backtest). Tests and the CLI keep the generator's default.
 */
export const APP_DEMO_YEARS = 3;

/**
 * Creates the demo workspace at `path` unless a file is already there (an existing workspace,
 * demo or not, is never touched). Takes about a second at the default 300 accounts.
 */
export async function ensureDemoWorkspace(path: string, options: DemoOptions = {}): Promise<void> {
  if (existsSync(path)) {
    if (statSync(path).size > 0) return;
    rmSync(path); // an empty file is what a crashed first start leaves; nothing to lose
  }
  mkdirSync(dirname(path), { recursive: true });
  await generateDemoWorkspace(path, { years: APP_DEMO_YEARS, ...options });
}
