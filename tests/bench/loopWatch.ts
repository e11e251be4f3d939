// What the event-loop benchmark records of a loop, in the hosting process and in an idle sibling
// process at the same time (tests/bench/idleLoopChild.ts): monitorEventLoopDelay's p99 and max, and
// each stall (a timer due every 10 ms that fired at least 100 ms late) with its wall-clock span, so
// a stall of the host can be set beside the sibling's: a stall both saw at once is the machine not
// running either process; what the host alone saw is the host's own.
import { monitorEventLoopDelay } from 'node:perf_hooks';

/** A stretch in which the loop did not turn, in wall-clock ms (Date.now()). */
export interface Stall {
  start: number;
  end: number;
}

export interface LoopFigures {
  p99: number;
  max: number;
  stalls: Stall[];
}

const TICK_MS = 10;
const STALL_MS = 100;

/** Starts watching this process's event loop; `stop` ends it and returns the figures, in ms. */
export function watchLoop(): { stop(): LoopFigures } {
  const histogram = monitorEventLoopDelay({ resolution: TICK_MS });
  histogram.enable();
  const stalls: Stall[] = [];
  let last = Date.now();
  const timer = setInterval(() => {
    const now = Date.now();
    if (now - last - TICK_MS >= STALL_MS) stalls.push({ start: last + TICK_MS, end: now });
    last = now;
  }, TICK_MS);
  return {
    stop() {
      clearInterval(timer);
      histogram.disable();
      return { p99: histogram.percentile(99) / 1e6, max: histogram.max / 1e6, stalls };
    },
  };
}

/** How much of `stall` the reference's stalls cover, in ms. */
const covered = (stall: Stall, reference: readonly Stall[]) =>
  reference.reduce((sum, other) => sum + Math.max(0, Math.min(stall.end, other.end) - Math.max(stall.start, other.start)), 0);

/**
 * The host's own part of its stalls: each host stall less the time the idle sibling was stalled too
 * (the machine ran neither), the longest such part and their sum, in ms.
 */
export function ownStalls(host: readonly Stall[], idle: readonly Stall[]): { longest: number; total: number; count: number; at: Stall[] } {
  const own = host.map((stall) => ({ stall, ms: stall.end - stall.start - covered(stall, idle) })).filter(({ ms }) => ms >= STALL_MS);
  return {
    longest: Math.max(0, ...own.map(({ ms }) => ms)),
    total: own.reduce((sum, { ms }) => sum + ms, 0),
    count: own.length,
    // When they were, to set beside a trace of the process (--trace-gc, a kernel stack sampler).
    at: own.map(({ stall }) => stall),
  };
}
