// Workspaces for the end-to-end tests: the demo generator's realistic company (the same data a
// new user sees), and a bare 20,000-account workspace for the table's scale.

import { copyFileSync, existsSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Channel, Input, Output } from '../../shared/contract';
import type { Account } from '../../shared/contract/accounts';
import type { Contact } from '../../shared/contract/contacts';
import type { Deployment } from '../../shared/contract/deployments';
import { generateDemoWorkspace } from '../../electron/core/demo';
import type { Core } from '../../electron/core';
import { tempWorkspacePath, testCore } from '../fixtures/core';
import { TODAY } from './today';

/**
 * The demo company with `accounts` accounts, its history ending on the tests' TODAY, the day the app's
 * clocks start on. The generator is seeded, so each size and seed is generated once per run (in the
 * run's temporary folder, shared by its test files) and every caller gets its own copy of that file.
 */
export async function demoWorkspace(accounts = 150, seed = 7, years?: number): Promise<string> {
  // `years`: the history's span (the generator's default, two, when absent; the app's demo has APP_DEMO_YEARS).
  const master = join(tmpdir(), `fulcrum-e2e-demo-${accounts}-${seed}-${TODAY}${years === undefined ? '' : `-${years}y`}.fulcrum`);
  if (!existsSync(master)) {
    // Generated aside and renamed into place: a file that exists is always a whole workspace.
    const staged = master.replace(/\.fulcrum$/, `.${process.pid}.partial.fulcrum`);
    await generateDemoWorkspace(staged, { accounts, seed, today: TODAY, ...(years === undefined ? {} : { years }) });
    renameSync(staged, master);
  }
  const path = tempWorkspacePath('e2e.fulcrum');
  copyFileSync(master, path);
  return path;
}

/** Calls a channel on the app's core, failing the test on an error. */
export async function ask<C extends Channel>(core: Pick<Core, 'dispatch'>, channel: C, input: Input<C>): Promise<Output<C>> {
  const result = await core.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as Output<C>;
}

export interface Featured {
  account: Account;
  contacts: Contact[];
  deployments: Deployment[];
}

/**
 * An account that shows everything the account page has: a champion, an executive sponsor,
 * deployments, and more history than one page of the timeline.
 */
export async function featuredAccount(core: Pick<Core, 'dispatch'>): Promise<Featured> {
  const { rows } = await ask(core, 'accounts.list', { pageSize: 500, filter: { lifecycleStage: ['adoption', 'growth', 'renewal'] } });
  for (const account of rows) {
    const contacts = (await ask(core, 'contacts.list', { filter: { accountId: account.id }, pageSize: 500 })).rows;
    if (!contacts.some((c) => c.isChampion) || !contacts.some((c) => c.isExecutiveSponsor)) continue;
    const deployments = (await ask(core, 'deployments.list', { filter: { accountId: account.id }, pageSize: 100 })).rows;
    if (deployments.length === 0) continue;
    const timeline = await ask(core, 'accounts.timeline', { id: account.id, limit: 40 });
    if (timeline.hasMore) return { account, contacts, deployments };
  }
  throw new Error('the demo workspace has no account with a champion, a sponsor, deployments and a long history');
}

/**
 * A workspace of `count` plain accounts, bulk-inserted in one transaction (the dispatch's one
 * transaction per account would take minutes); ids and names are predictable: "Account 00001".
 */
export async function largeWorkspace(count = 20_000): Promise<string> {
  const path = tempWorkspacePath('large.fulcrum');
  const core = await testCore(path);
  try {
    const sqlite = core.context.sqlite;
    const insert = sqlite.prepare(
      `INSERT INTO accounts (name, segment, industry, region, owner, lifecycle_stage, arr_minor, currency, employee_count, renewal_date, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'USD', ?, ?, '2026-03-01T12:00:00.000Z', '2026-03-01T12:00:00.000Z')`,
    );
    const segments = ['enterprise', 'mid_market', 'smb'];
    const stages = ['onboarding', 'adoption', 'growth', 'renewal', 'at_risk'];
    const owners = ['Dana Whitfield', 'Kevin Zhang', 'Lucia Moreno', 'Priya Raman'];
    sqlite.transaction(() => {
      for (let i = 1; i <= count; i++) {
        const month = String((i % 12) + 1).padStart(2, '0');
        insert.run(
          `Account ${String(i).padStart(5, '0')}`,
          segments[i % 3],
          'Software',
          'EMEA',
          owners[i % 4],
          stages[i % 5],
          (i % 997) * 100_000,
          10 + (i % 5000),
          `2027-${month}-15`,
        );
      }
    })();
  } finally {
    await core.close();
  }
  return path;
}
