// Issue 17: "my tasks" (tasks.list for the identity) and the rules' evaluation after a write
// (ctas.evaluate for one account: the work a write's hook adds), each beside the account page's
// own time in the same run (the calls the page makes when it opens); a full rule pass over every
// account (as its job runs it, in steps) beside the health rebuild (recomputeAllHealth) on the same workspace.
import { evaluateAllInSteps, STEP_ACCOUNTS } from '../../electron/core/ctas/pass';
import { recomputeAllHealth } from '../../electron/core/health/service';
import { accountPage, coreOnCopy, medianMs } from './coreOnCopy';
import { summarize, type Benchmark } from './types';

const RUNS = 10;
const WARMUP = 2;

export const actionsBenchmark: Benchmark = {
  name: 'actions',
  description: 'tasks.list (my tasks) and the rules after a write beside the account page; a full rule pass beside the health rebuild',
  async run(ctx) {
    const now = new Date('2026-11-01T12:00:00Z');
    const { core, call } = await coreOnCopy(ctx, 'actions', now);
    try {
      const sqlite = core.context.sqlite;
      // The owner with the most open tasks is "me"; the accounts sampled are spread over the id range.
      const owner = sqlite
        .prepare(`SELECT owner FROM tasks WHERE status IN ('open', 'in_progress') AND owner IS NOT NULL GROUP BY lower(trim(owner)) ORDER BY count(*) DESC LIMIT 1`)
        .pluck()
        .get() as string | undefined;
      if (!owner) throw new Error('the benchmark workspace has no open task (the demo opens calls to action with their playbooks)');
      await call('identity.set', { name: owner, role: 'csm' });
      const ids = sqlite.prepare('SELECT id FROM accounts WHERE archived_at IS NULL AND churned_at IS NULL ORDER BY id').pluck().all() as number[];
      const sample = [0.1, 0.3, 0.5, 0.7, 0.9].map((q) => ids[Math.floor(q * (ids.length - 1))]!);
      const pageMs = summarize(await Promise.all(sample.map(async (id) => medianMs(() => accountPage(call, id), 5, 1)))).median;
      const mine = (await call('tasks.list', { mine: true })) as { total: number };
      const tasksMs = await medianMs(() => call('tasks.list', { mine: true }), RUNS, WARMUP);
      const rulesMs: number[] = [];
      for (const id of sample) rulesMs.push(await medianMs(() => call('ctas.evaluate', { accountId: id }), 5, 1));
      const ruleMs = summarize(rulesMs).median;
      // Full passes: the rules over every customer, the health rebuild over the same; each in a transaction rolled back, twice, median.
      const rolledBack = (run: () => unknown) => () => {
        sqlite.exec('BEGIN');
        try {
          run();
        } finally {
          sqlite.exec('ROLLBACK');
        }
      };
      // The pass as its job runs it (ctas/pass.ts): steps of STEP_ACCOUNTS, the event loop handed back between them; the longest step is how long it holds the core's thread at once.
      let opened = 0;
      let longestStepMs = 0;
      const passMs = await medianMs(
        async () => {
          sqlite.exec('BEGIN');
          try {
            let last = performance.now();
            opened = (
              await evaluateAllInSteps(sqlite, now, async () => {
                longestStepMs = Math.max(longestStepMs, performance.now() - last);
                await new Promise((resolve) => setImmediate(resolve));
                last = performance.now();
              })
            ).opened.length;
          } finally {
            sqlite.exec('ROLLBACK');
          }
        },
        3,
        1,
      );
      const healthMs = await medianMs(
        rolledBack(() => recomputeAllHealth(sqlite, now)),
        3,
        1,
      );
      const pageRef = { value: pageMs, what: 'the account page (its 7 calls) in the same run' };
      return [
        {
          name: 'tasks.list: my tasks',
          value: tasksMs,
          unit: 'ms',
          limit: pageMs,
          better: 'lower',
          detail: `${mine.total} open tasks of ${owner}; median of ${RUNS}`,
          reference: pageRef,
        },
        {
          name: 'rules after a write: ctas.evaluate for one account',
          value: ruleMs,
          unit: 'ms',
          limit: pageMs,
          better: 'lower',
          detail: `median over ${sample.length} accounts`,
          reference: pageRef,
        },
        {
          name: `full rule pass: ${ids.length.toLocaleString('en-US')} accounts`,
          value: passMs / 1000,
          unit: 's',
          limit: healthMs / 1000,
          better: 'lower',
          detail: `${opened} calls to action it would open on the day; a job in steps of ${STEP_ACCOUNTS} accounts, longest step ${Math.round(longestStepMs)} ms; median of 3, rolled back`,
          reference: { value: healthMs / 1000, what: 'the health rebuild (recomputeAllHealth) in the same run' },
        },
      ];
    } finally {
      await core.close();
    }
  },
};
