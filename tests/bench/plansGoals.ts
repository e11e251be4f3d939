// Issue 17: the account page's success-plans card (plans.account), the Goals screen's table
// (goals.standing) and the product feedback board (feedbackRequests.table) on the benchmark
// workspace, each beside the screen it belongs to, timed in the same run: the plans card beside the
// account page's own calls, the goals table and the board beside the dashboard (metrics.portfolio
// for the same quarter, the figures the goals are judged on). The demo gives only a dozen accounts a
// plan, so the plans card is also timed with a plan on every account (3 objectives, 3 milestones
// each, written in a transaction that is rolled back), where a missing index would show.
import { accountPage, coreOnCopy, medianMs } from './coreOnCopy';
import { summarize, type Benchmark } from './types';

export const plansGoalsBenchmark: Benchmark = {
  name: 'plansGoals',
  description: 'the plans card beside the account page; the goals table and the feedback board beside the dashboard of the same quarter',
  async run(ctx) {
    const now = new Date('2026-11-01T12:00:00Z');
    const { core, call } = await coreOnCopy(ctx, 'plansGoals', now);
    try {
      const sqlite = core.context.sqlite;
      const ids = sqlite.prepare('SELECT id FROM accounts WHERE archived_at IS NULL AND churned_at IS NULL ORDER BY id').pluck().all() as number[];
      const withPlan = sqlite.prepare('SELECT DISTINCT account_id FROM success_plans WHERE archived_at IS NULL ORDER BY account_id LIMIT 5').pluck().all() as number[];
      if (withPlan.length === 0) throw new Error('the benchmark workspace has no success plan (the demo gives accounts with measured outcomes one)');
      const sample = [0.1, 0.3, 0.5, 0.7, 0.9].map((q) => ids[Math.floor(q * (ids.length - 1))]!);
      const pageMs = summarize(await Promise.all(withPlan.map(async (id) => medianMs(() => accountPage(call, id), 5)))).median;
      const cardMs = summarize(await Promise.all(withPlan.map(async (id) => medianMs(() => call('plans.account', { accountId: id }), 10)))).median;

      // A plan on every account: the card's queries by account and plan, at 20,000 plans, 60,000 objectives and 60,000 milestones.
      const stamp = now.toISOString();
      sqlite.exec('BEGIN');
      let everyMs: number;
      try {
        const plan = sqlite.prepare(`INSERT INTO success_plans (account_id, title, status, created_at, updated_at) VALUES (?, 'Bench plan', 'active', ?, ?)`);
        const objective = sqlite.prepare(
          `INSERT INTO plan_objectives (plan_id, title, baseline, target, current, created_at, updated_at) VALUES (?, 'Objective', 0, 100, ?, ?, ?)`,
        );
        const milestone = sqlite.prepare(`INSERT INTO plan_milestones (plan_id, title, due_date, created_at, updated_at) VALUES (?, 'Milestone', '2026-12-01', ?, ?)`);
        for (const id of ids) {
          const planId = Number(plan.run(id, stamp, stamp).lastInsertRowid);
          for (let k = 0; k < 3; k++) {
            objective.run(planId, (id * 7 + k * 13) % 100, stamp, stamp);
            milestone.run(planId, stamp, stamp);
          }
        }
        everyMs = summarize(await Promise.all(sample.map(async (id) => medianMs(() => call('plans.account', { accountId: id }), 10)))).median;
      } finally {
        sqlite.exec('ROLLBACK');
      }

      const standing = (await call('goals.standing', {})) as {
        quarter: string;
        from: string;
        to: string;
        rows: { goal: { periodStart: string; segment: string | null; owner: string | null } }[];
      };
      const scopes = new Set(standing.rows.map((r) => JSON.stringify([r.goal.periodStart, r.goal.segment, r.goal.owner]))).size;
      const dashboardMs = await medianMs(() => call('metrics.portfolio', { from: standing.from, to: standing.to }), 5);
      const goalsMs = await medianMs(() => call('goals.standing', {}), 5);
      const board = (await call('feedbackRequests.table', {})) as { rows: unknown[] };
      const boardMs = await medianMs(() => call('feedbackRequests.table', {}), 5);
      const pageRef = { value: pageMs, what: 'the account page (its 7 calls) in the same run' };
      const dashboardRef = { value: dashboardMs, what: `the dashboard's metrics.portfolio for ${standing.quarter} in the same run` };
      return [
        {
          name: 'plans.account: the plans card',
          value: cardMs,
          unit: 'ms',
          limit: pageMs,
          better: 'lower',
          detail: `median over ${withPlan.length} accounts with the demo's plans; median of 10 each`,
          reference: pageRef,
        },
        {
          name: `plans.account: a plan on each of ${ids.length.toLocaleString('en-US')} accounts`,
          value: everyMs,
          unit: 'ms',
          limit: pageMs,
          better: 'lower',
          detail: `3 objectives and 3 milestones per plan (rolled back); median over ${sample.length} accounts`,
          reference: pageRef,
        },
        {
          name: `goals.standing: the goals table for ${standing.quarter}`,
          value: goalsMs,
          unit: 'ms',
          limit: dashboardMs,
          better: 'lower',
          detail: `${standing.rows.length} goals in ${scopes} periods and scopes (one computation of the goals' figures each); median of 5`,
          reference: dashboardRef,
        },
        {
          name: 'feedbackRequests.table: the feedback board',
          value: boardMs,
          unit: 'ms',
          limit: dashboardMs,
          better: 'lower',
          detail: `${board.rows.length} requests; median of 5`,
          reference: dashboardRef,
        },
      ];
    } finally {
      await core.close();
    }
  },
};
