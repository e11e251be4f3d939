// What the screen-level bench parts share: the core opened on a private copy of the benchmark
// workspace (so their writes, even rolled back, never touch the shared file), a median timer, and the
// calls the account page makes when it opens (the reference several parts time themselves beside).
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../electron/core';
import { summarize, type BenchContext } from './types';

export type Call = (channel: string, input: unknown) => Promise<unknown>;

/** The median of `runs` timed calls after `warmup` untimed ones, in ms. */
export async function medianMs(run: () => unknown, runs: number, warmup = 1): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const began = performance.now();
    await run();
    if (i >= warmup) samples.push(performance.now() - began);
  }
  return summarize(samples).median;
}

/** The core on a copy of the benchmark workspace at a fixed date, with no daily refresh; `call` throws a failed result. */
export async function coreOnCopy(ctx: BenchContext, suffix: string, now: Date) {
  const { path } = await ctx.workspace();
  const copy = `${path}.${suffix}`;
  copyFileSync(path, copy);
  const identityFile = join(mkdtempSync(join(tmpdir(), 'fulcrum-bench-identity-')), 'identity.json');
  const core = await createCore({ dbPath: copy, now: () => now, dailyRefresh: false, identityFile });
  const call: Call = async (channel, input) => {
    const result = await core.dispatch(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value;
  };
  return { core, call };
}

/** The account page's calls when it opens. */
export const accountPage = (call: Call, id: number) =>
  Promise.all([
    call('accounts.get', { id }),
    call('accounts.facets', {}),
    call('contacts.list', { filter: { accountId: id }, pageSize: 500, sort: { field: 'name', direction: 'asc' } }),
    call('accounts.timeline', { id, limit: 20 }),
    call('metrics.account', { id }),
    call('health.explain', { id }),
    call('deployments.list', { filter: { accountId: id } }),
  ]);
