// A journey map of 40 touchpoints over the big workspace (issue 6): every card's numbers, the
// stages' emotion line and timing and the unmapped counts through `journeys.measure`, warm. The
// first call reads the journey inputs (ticket cells, answers, interactions) that later calls
// reuse, reported beside as the cold figure; a ticket write keeps them in step (journeys/liveTickets.ts),
// so the first call after one is held to 1.5x the warm median of the same run.
import { copyFileSync } from 'node:fs';
import { createCore } from '../../electron/core';
import type { Input } from '../../shared/contract';
import { CHANNELS } from '../../shared/contract/common';
import { TICKET_PRIORITIES } from '../../shared/contract/tickets';
import { TOUCHPOINT_KINDS } from '../../shared/contract/touchpoints';
import { summarize, type Benchmark, type Measurement } from './types';

const RUNS = 20;
const WARMUP = 3;
const NOW = new Date('2026-11-01T09:00:00Z');

/** 32 more cards over the template's 8: every kind of rule and metric, spread over the stages. */
function extraCards(stageIds: number[]): Input<'journeys.addTouchpoint'>[] {
  const cards: Input<'journeys.addTouchpoint'>[] = [];
  TOUCHPOINT_KINDS.forEach((kind, i) =>
    cards.push({
      journeyStageId: stageIds[i % stageIds.length]!,
      name: `${kind} interactions`,
      matchRule: { source: 'touchpoints', kind },
      target: { metric: 'sentiment', operator: '>=', value: 0.5 },
    }),
  );
  CHANNELS.forEach((channel, i) =>
    cards.push({
      journeyStageId: stageIds[(i + 3) % stageIds.length]!,
      name: `${channel} tickets`,
      matchRule: { source: 'tickets', channel },
      target: { metric: 'csat', operator: '>=', value: 4.2 },
    }),
  );
  TICKET_PRIORITIES.forEach((priority, i) =>
    cards.push({
      journeyStageId: stageIds[6]!,
      name: `${priority} resolution`,
      matchRule: { source: 'tickets', priority },
      target: { metric: 'resolution_hours', operator: '<=', value: 24 * (i + 1) },
    }),
  );
  for (const [i, topic] of ['Billing', 'Bug', 'Integrations', 'How-to', 'Performance', 'Reporting'].entries()) {
    cards.push({
      journeyStageId: stageIds[6]!,
      name: `${topic} first response`,
      matchRule: { source: 'tickets', topic, priority: i % 2 ? 'high' : 'normal' },
      target: { metric: 'first_response_hours', operator: '<=', value: 8 },
    });
  }
  for (const surveyKind of ['nps', 'csat', 'nsat', 'ces'] as const) {
    cards.push({
      journeyStageId: stageIds[7]!,
      name: `${surveyKind} answers`,
      matchRule: { source: 'surveyResponses', surveyKind },
      target: { metric: surveyKind === 'nsat' ? 'csat' : surveyKind, operator: '>=', value: 3 },
    });
  }
  cards.push({
    journeyStageId: stageIds[4]!,
    name: 'On-time go-lives',
    matchRule: { source: 'deployments' },
    target: { metric: 'on_time_go_live_pct', operator: '>=', value: 80 },
  });
  cards.push({ journeyStageId: stageIds[5]!, name: 'Adoption', matchRule: { source: 'deployments' }, target: { metric: 'adoption_pct', operator: '>=', value: 70 } });
  cards.push({ journeyStageId: stageIds[4]!, name: 'Implementation by phone', matchRule: { source: 'touchpoints', kind: 'implementation', channel: 'phone' } });
  return cards.slice(0, 32);
}

export const journeyBenchmark: Benchmark = {
  name: 'journey',
  description: 'journeys.measure of a 40-touchpoint map (warm), all accounts and one segment',
  async run(ctx) {
    const { path } = await ctx.workspace();
    // On a copy: the benchmark adds a map, and other benchmarks share the workspace.
    const copy = `${path}.journey`;
    copyFileSync(path, copy);
    const core = await createCore({ dbPath: copy, now: () => NOW });
    const ask = async (channel: string, input: unknown) => {
      const result = await core.dispatch(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return result.value as any;
    };
    const out: Measurement[] = [];
    try {
      const map = await ask('journeys.create', { name: 'Benchmark map', template: 'cx_delivery' });
      for (const card of extraCards(map.stages.map((s: { id: number }) => s.id))) await ask('journeys.addTouchpoint', card);
      const cards = (await ask('journeys.get', { id: map.id })).touchpointCount as number;
      const ticketIds = core.context.sqlite.prepare('SELECT id FROM tickets WHERE archived_at IS NULL ORDER BY id DESC LIMIT 7').pluck().all() as number[];
      for (const [name, input] of [
        ['all accounts, last 12 months', { id: map.id }],
        ['segment smb, last 12 months', { id: map.id, segment: 'smb' }],
      ] as const) {
        // The cold call is a job (issue 14): its progress reports, and the longest wait between two of
        // them, which is how long a Cancel can take to land.
        const reports: number[] = [];
        const stop = core.subscribe((event) => void (event.name === 'jobs.progress' && event.job === 'journeys.measure' && reports.push(performance.now())));
        const coldStart = performance.now();
        await ask('journeys.measure', input);
        const cold = performance.now() - coldStart;
        stop();
        const longestStep = Math.max(0, ...[coldStart, ...reports].map((at, i, all) => (all[i + 1] ?? coldStart + cold) - at));
        const samples: number[] = [];
        for (let i = 0; i < WARMUP + RUNS; i++) {
          const started = performance.now();
          await ask('journeys.measure', input);
          if (i >= WARMUP) samples.push(performance.now() - started);
        }
        const { median, p90 } = summarize(samples);
        out.push({
          name: `journeys.measure: ${cards} touchpoints, ${name}`,
          value: median,
          unit: 'ms',
          limit: 300,
          better: 'lower',
          detail: `median of ${RUNS} warm runs, p90 ${p90.toFixed(1)} ms; first call (reads the journey inputs) ${(cold / 1000).toFixed(2)} s, ${reports.length} progress reports, longest step ${(longestStep / 1000).toFixed(2)} s (${((100 * longestStep) / cold).toFixed(0)} % of the call)`,
        });
        // The first call after a ticket written through dispatch, held to 1.5x the warm median of the same run (issue 14).
        const afterWrite: number[] = [];
        for (const [i, id] of ticketIds.entries()) {
          await ask('tickets.update', { id, csat: 1 + (i % 5) });
          const started = performance.now();
          await ask('journeys.measure', input);
          afterWrite.push(performance.now() - started);
        }
        const first = summarize(afterWrite);
        out.push({
          name: `journeys.measure: first call after a ticket write, ${name}`,
          value: first.median,
          unit: 'ms',
          limit: 1.5 * median,
          better: 'lower',
          detail: `median of ${afterWrite.length} writes (tickets.update, each followed by one measure), max ${Math.max(...afterWrite).toFixed(1)} ms; limit = 1.5 x the warm median (${median.toFixed(1)} ms), ratio after-write / warm ${(first.median / median).toFixed(2)}`,
        });
      }
    } finally {
      await core.close();
    }
    return out;
  },
};
