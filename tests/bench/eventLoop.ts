// The event loop of the process that hosts IPC and the HTTP bridge (issue 14), measured with
// monitorEventLoopDelay while the core runs a long job: a rollup rebuild, a 1,000,000-row import, an
// archive export and a journey map's cold read. Each job runs three times in the same run: with the
// core in its worker thread (electron/core/host, the HTTP bridge's design), in a child process of its
// own (the desktop's design, a utilityProcess, in plain Node), both held to 50 ms p99 and 100 ms max,
// and in this process (the blocking design, the reference). FULCRUM_BENCH_EVENT_LOOP_DESIGNS=worker,process
// picks some of them. Every window is watched at the same
// time from an idle sibling process (idleLoopChild.ts) under the same load: its figures are the fair
// reference for the worker's, and a host stall the sibling did not share is the host's own.
import { fork, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, plainPaths } from '../../electron/core';
import { startCoreHost } from '../../electron/core/host/client';
import { childCoreProcess } from '../../electron/core/host/process';
import type { Result } from '../../shared/rpc';
import { accountsCsv, writeFixture } from '../fixtures/import/generate';
import { ownStalls, watchLoop, type LoopFigures } from './loopWatch';
import { writeTicketsCsv } from './ticketsCsv';
import type { Benchmark, Measurement } from './types';

const IMPORT_ROWS = Number(process.env.FULCRUM_BENCH_EVENT_LOOP_ROWS ?? 1_000_000);
const IMPORT_ACCOUNTS = 1_000;
const NOW = new Date('2026-11-01T09:00:00Z');

interface Caller {
  dispatch(channel: string, input: unknown): Promise<Result<unknown>>;
  close(): Promise<void>;
}

/**
 * `worker-at-host-priority`, opt-in: the worker with FULCRUM_CORE_NICE=0 for its writer and reader; run
 * with FULCRUM_CORE_NICE=10 in the environment, `worker` is the niced one (the A/B of host/entry.ts's nice).
 */
type Design = 'worker' | 'worker-at-host-priority' | 'process' | 'in-process';
/**
 * The child process first, then the workers, then in-process: each design leaves this process's memory
 * as the next one finds it. The child-process design is the desktop's, whose main process never hosts a
 * worker; after the worker runs this process held 0.9-1.3 GB RSS with a 52 MB JS heap, and the next
 * window had one 300-600 ms stall with no GC in this isolate (--trace-gc), a forced GC and glibc's trim
 * turned off before it changing nothing: the freed memory going back to the system (session 10). An
 * in-process run leaves this process's heap hundreds of MB larger, collected later.
 */
const DESIGNS: readonly Design[] = (['process', 'worker-at-host-priority', 'worker', 'in-process'] as const).filter((design) =>
  (process.env.FULCRUM_BENCH_EVENT_LOOP_DESIGNS ?? 'worker,process,in-process').split(',').includes(design),
);

const WHERE: Record<Design, string> = {
  worker: 'in a worker thread',
  'worker-at-host-priority': "in a worker thread at the host's priority",
  process: 'in a child process',
  'in-process': 'in this process',
};

/** Every design, opened the same way: plain paths (as the CLI), the bench's fixed day. */
async function open(design: Design, dbPath: string, create = false): Promise<Caller> {
  if (design === 'in-process') return createCore({ dbPath, create, now: () => NOW, files: plainPaths() });
  // A worker copies process.env when it starts: the A/B design's writer and reader start without the nice.
  const nice = process.env.FULCRUM_CORE_NICE;
  if (design === 'worker-at-host-priority') process.env.FULCRUM_CORE_NICE = '0';
  try {
    const hosted = await startCoreHost(
      { dbPath, create, clock: { offsetMs: NOW.getTime() - Date.now() }, files: { kind: 'paths' } },
      design === 'process' ? { spawn: childCoreProcess } : {},
    );
    // The reader (reads during long writes) starts beside it: measured once it is up, not while it compiles.
    await hosted.readerReady();
    return hosted;
  } finally {
    if (nice === undefined) delete process.env.FULCRUM_CORE_NICE;
    else process.env.FULCRUM_CORE_NICE = nice;
  }
}

async function ask(core: Caller, channel: string, input: unknown): Promise<unknown> {
  const result = await core.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

const turn = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Window {
  host: LoopFigures;
  /** The idle sibling over the same window. */
  idle: LoopFigures;
  /** The host's stalls less the time the sibling was stalled too (the machine ran neither). */
  own: ReturnType<typeof ownStalls>;
  seconds: number;
}

/** The idle sibling process: `window` watches its loop from before `start` until after `stop`. */
async function startSibling(): Promise<{ child: ChildProcess; ask(message: 'start' | 'stop'): Promise<unknown> }> {
  const child = fork(join(import.meta.dirname, 'idleLoopChild.ts'), [], { execArgv: ['--import', 'tsx'] });
  const next = () => new Promise<unknown>((resolve) => child.once('message', resolve));
  await next();
  return {
    child,
    ask(message) {
      const answer = next();
      child.send(message);
      return answer;
    },
  };
}

type Sibling = Awaited<ReturnType<typeof startSibling>>;

/** This process's event-loop delay while `job` runs, beside the idle sibling's over the same window, in ms. */
async function loopDelay(sibling: Sibling, job: () => Promise<unknown>): Promise<Window> {
  await sibling.ask('start');
  const watching = watchLoop();
  // Its first tick only starts the count: a job that blocks from the start would otherwise go unrecorded.
  await turn(50);
  const started = performance.now();
  await job();
  const seconds = (performance.now() - started) / 1000;
  // The histogram's timer records a blocked stretch when it next fires: let it, before reading.
  await turn(30);
  const host = watching.stop();
  const idle = (await sibling.ask('stop')) as LoopFigures;
  return { host, idle, own: ownStalls(host.stalls, idle.stalls), seconds };
}

type Job = { name: string; run(design: Design, dir: string, workspace: string, sibling: Sibling): Promise<Window> };

const JOBS: Job[] = [
  {
    name: 'metrics.rebuild',
    async run(design, dir, workspace, sibling) {
      const path = join(dir, `rebuild-${design}.fulcrum`);
      copyFileSync(workspace, path);
      const core = await open(design, path);
      try {
        return await loopDelay(sibling, () => ask(core, 'metrics.rebuild', {}));
      } finally {
        await core.close();
      }
    },
  },
  {
    name: `import.commit ${IMPORT_ROWS.toLocaleString('en-US')} ticket rows`,
    async run(design, dir, _workspace, sibling) {
      const core = await open(design, join(dir, `import-${design}.fulcrum`), true);
      try {
        await ask(core, 'import.commit', { jobId: 'accounts', path: join(dir, 'accounts.csv'), into: 'accounts', preset: 'crm-accounts' });
        return await loopDelay(sibling, () =>
          ask(core, 'import.commit', { jobId: 'tickets', path: join(dir, 'tickets.csv'), into: 'tickets', preset: 'helpdesk-tickets', policy: 'skip' }),
        );
      } finally {
        await core.close();
      }
    },
  },
  {
    name: 'export.archive',
    async run(design, dir, workspace, sibling) {
      const core = await open(design, workspace);
      try {
        return await loopDelay(sibling, () => ask(core, 'export.archive', { path: join(dir, `archive-${design}.json`) }));
      } finally {
        await core.close();
      }
    },
  },
  {
    name: 'journeys.measure, cold (after a write)',
    async run(design, dir, workspace, sibling) {
      const path = join(dir, `journey-${design}.fulcrum`);
      copyFileSync(workspace, path);
      const core = await open(design, path);
      try {
        const map = (await ask(core, 'journeys.create', { name: 'Event-loop map', template: 'cx_delivery' })) as { id: number };
        await ask(core, 'journeys.measure', { id: map.id });
        // A ticket written makes the next read cold: it reads the journey inputs again.
        await ask(core, 'tickets.create', { accountId: 1, subject: 'cold read', channel: 'email', openedAt: NOW.toISOString() });
        return await loopDelay(sibling, () => ask(core, 'journeys.measure', { id: map.id }));
      } finally {
        await core.close();
      }
    },
  },
];

export const eventLoopBenchmark: Benchmark = {
  name: 'eventLoop',
  description:
    "the hosting process's event-loop delay (p99, max) during a rebuild, a 1M-row import, an archive export and a journey cold read: core in a worker thread and in a child process, beside an idle process over the same windows and the core in-process",
  async run(ctx) {
    const { path: workspace } = await ctx.workspace();
    const dir = mkdtempSync(join(tmpdir(), 'fulcrum-bench-loop-'));
    const sibling = await startSibling();
    const out: Measurement[] = [];
    const ms = (figure: number) => `${figure.toFixed(1)} ms`;
    const line = (w: Window) =>
      `p99 ${ms(w.host.p99)}, max ${ms(w.host.max)} over ${w.seconds.toFixed(1)} s; idle sibling p99 ${ms(w.idle.p99)}, max ${ms(w.idle.max)}; host's own stalls: ${w.own.count}, longest ${ms(w.own.longest)}${w.own.at.map((stall) => ` [${new Date(stall.start).toISOString().slice(11, 23)} +${stall.end - stall.start} ms]`).join('')}`;
    try {
      writeFixture(dir, 'accounts.csv', accountsCsv(IMPORT_ACCOUNTS));
      writeTicketsCsv(join(dir, 'tickets.csv'), IMPORT_ROWS, IMPORT_ACCOUNTS);
      const windows = new Map<Design, Window[]>();
      for (const design of DESIGNS) {
        const runs: Window[] = [];
        for (const job of JOBS) {
          ctx.log(`  ${job.name}: core ${WHERE[design]} ...`);
          runs.push(await job.run(design, dir, workspace, sibling));
          ctx.log(`    ${line(runs.at(-1)!)}`);
        }
        windows.set(design, runs);
      }
      for (const [i, job] of JOBS.entries()) {
        const blocking = windows.get('in-process')?.[i];
        for (const design of DESIGNS.filter((d) => d !== 'in-process')) {
          const hosted = windows.get(design)![i]!;
          const where = `core ${WHERE[design]}`;
          const reference = (figure: number | undefined) =>
            figure === undefined ? undefined : { value: figure, what: 'core in-process (the blocking design), same job, same run' };
          const idle = (figure: number, what: string) => ({ value: figure, what: `an idle sibling process's ${what} over the same window` });
          const detail = `job ${hosted.seconds.toFixed(1)} s (${where})${blocking ? `, ${blocking.seconds.toFixed(1)} s in-process` : ''}; the idle sibling over the same window p99 ${ms(hosted.idle.p99)}, max ${ms(hosted.idle.max)}; the host's own stalls (not shared by the sibling) ${hosted.own.count}, ${ms(hosted.own.total)} in all`;
          const figure = (what: string, value: number, limit: number, ref: Measurement['reference']): Measurement => ({
            name: `event-loop delay ${what} during ${job.name} (${where})`,
            value,
            unit: 'ms',
            limit,
            better: 'lower',
            detail,
            ...(ref ? { reference: ref } : {}),
          });
          if (blocking) out.push(figure('p99', hosted.host.p99, 50, reference(blocking.host.p99)), figure('max', hosted.host.max, 100, reference(blocking.host.max)));
          out.push(
            figure('p99, beside an idle process', hosted.host.p99, 50, idle(hosted.idle.p99, 'p99')),
            figure('max, beside an idle process', hosted.host.max, 100, idle(hosted.idle.max, 'max')),
            // The part of the host's stalls the machine's load does not explain: the host's own.
            figure("longest stall of the host's own", hosted.own.longest, 100, idle(hosted.idle.max, 'max')),
          );
        }
      }
    } finally {
      sibling.child.send('exit');
      rmSync(dir, { recursive: true, force: true });
    }
    return out;
  },
};
