// The accounts table's first page over the big workspace, through dispatch as the UI calls it:
// warm (a few runs first), then the median of 50.
import { createCore } from '../../electron/core';
import type { Input } from '../../shared/contract';
import { summarize, type Benchmark, type Measurement } from './types';

const RUNS = 50;
const WARMUP = 5;
const LIMIT_MS = 20;

const QUERIES: { name: string; input: Input<'accounts.list'> }[] = [
  { name: 'accounts.list: enterprise, by ARR desc', input: { filter: { segment: 'enterprise' }, sort: { field: 'arrMinor', direction: 'desc' }, pageSize: 50 } },
  {
    name: 'accounts.list: at risk or renewing, by renewal date',
    input: { filter: { lifecycleStage: ['at_risk', 'renewal'] }, sort: { field: 'renewalDate', direction: 'asc' }, pageSize: 50 },
  },
  { name: 'accounts.list: one owner, EMEA, by name', input: { filter: { owner: 'Dana Whitfield', region: 'EMEA' }, sort: { field: 'name', direction: 'asc' }, pageSize: 50 } },
];

export const accountsListBenchmark: Benchmark = {
  name: 'accounts-list',
  description: 'accounts.list first page with a filter and a sort, through dispatch',
  async run(ctx) {
    const { path } = await ctx.workspace();
    const core = await createCore({ dbPath: path });
    try {
      const out: Measurement[] = [];
      for (const query of QUERIES) {
        const samples: number[] = [];
        let total = 0;
        for (let i = 0; i < WARMUP + RUNS; i++) {
          const started = performance.now();
          const result = await core.dispatch('accounts.list', query.input);
          const elapsed = performance.now() - started;
          if (!result.ok) throw new Error(`${query.name}: ${result.error.message}`);
          total = (result.value as { total: number }).total;
          if (i >= WARMUP) samples.push(elapsed);
        }
        const { median, p90 } = summarize(samples);
        out.push({
          name: query.name,
          value: median,
          unit: 'ms',
          limit: LIMIT_MS,
          better: 'lower',
          detail: `median of ${RUNS} warm runs over ${ctx.accounts.toLocaleString('en-US')} accounts, ${total.toLocaleString('en-US')} matching; p90 ${p90.toFixed(2)} ms`,
        });
      }
      return out;
    } finally {
      await core.close();
    }
  },
};
