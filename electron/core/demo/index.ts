// The demo workspace: a realistic, deterministic company for first starts, screenshots, tests
// and benchmarks. Hosts (desktop app, `npm run web`) call ensureDemoWorkspace; the CLI calls
// generateDemoWorkspace.

import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { generateDemoWorkspace, type DemoOptions } from './generate';

export { DEMO_DEFAULTS, demoToday, estimateRows, generateDemoWorkspace, MAX_DEMO_ACCOUNTS } from './generate';
export type { DemoOptions, DemoProgress, DemoSummary } from './generate';

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
  await generateDemoWorkspace(path, options);
}
