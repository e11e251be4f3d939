// The team's 200-step random scenario over 50 seeds (issue 19; 5 of them run in npm test,
// tests/integration/teamScenario.test.ts): three laptops, one PostgreSQL, each seed its own team.
// The figure is the share of seeds that converged (every laptop equal to the hub, outboxes empty,
// refusals listed, nothing applied twice); the problems of the others are printed.
import { startPostgres } from '../fixtures/postgres';
import { connect, createAdmin } from '../fixtures/team';
import { finishAndCheck, runScenario, scenarioTeam } from '../fixtures/teamScenario';
import type { Benchmark } from './types';

const SEEDS = Number(process.env.FULCRUM_BENCH_TEAM_SEEDS ?? 50);
/** FULCRUM_BENCH_TEAM_SEED=43,7: only those seeds (a failing seed run alone); else 1..SEEDS. */
const ONLY = (process.env.FULCRUM_BENCH_TEAM_SEED ?? '')
  .split(',')
  .filter((s) => s.trim() !== '')
  .map(Number);
const RUN = ONLY.length > 0 ? ONLY : Array.from({ length: SEEDS }, (_, i) => i + 1);
const STEPS = 200;

export const teamScenarioBenchmark: Benchmark = {
  name: 'teamScenario',
  description: `team: the ${STEPS}-step random scenario over ${RUN.length} seeds, three laptops and one PostgreSQL`,
  async run(ctx) {
    const server = await startPostgres();
    const su = await connect(server.url());
    let converged = 0;
    const seconds: number[] = [];
    try {
      await createAdmin(su);
      for (const seed of RUN) {
        const started = performance.now();
        const { laptops, db, tables } = await scenarioTeam(server, su, seed);
        let problems: string[];
        try {
          const tally = await runScenario(seed, laptops, STEPS);
          problems = await finishAndCheck(laptops, db, tables, tally);
        } catch (error) {
          problems = [error instanceof Error ? error.message : String(error)];
        } finally {
          for (const l of laptops) await l.core.close();
          await db.end();
        }
        seconds.push((performance.now() - started) / 1000);
        if (problems.length === 0) {
          converged++;
          ctx.log(`  seed ${seed}: converged (${seconds.at(-1)!.toFixed(1)} s)`);
        } else ctx.log(`  seed ${seed}: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (+${problems.length - 3} more)` : ''}`);
      }
    } finally {
      await su.end().catch(() => undefined);
      server.stop();
    }
    const sorted = [...seconds].sort((a, b) => a - b);
    return [
      {
        name: `teamScenario: seeds converged of ${RUN.length} (${STEPS} steps, 3 laptops)`,
        value: converged / RUN.length,
        unit: 'x',
        limit: 1,
        better: 'higher',
        detail: `${converged} of ${RUN.length}${ONLY.length > 0 ? ` (seeds ${ONLY.join(', ')})` : ''}; a seed's team, steps and final syncs took ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} s (median), ${sorted.at(-1)!.toFixed(1)} s (slowest)`,
      },
    ];
  },
};
