// What a benchmark is: a name, and a run that returns figures, each with the limit it is held to.
import type { DemoSummary } from '../../electron/core/demo';

export interface Measurement {
  /** What was measured, e.g. "accounts.list: enterprise by ARR, first page". */
  name: string;
  value: number;
  unit: string;
  limit: number;
  /** Whether a larger value is better (throughput) or a smaller one (latency). */
  better: 'higher' | 'lower';
  /** Shown under the table: the inputs behind the figure (n, sizes). */
  detail?: string;
  /** The same work as a plain single pass over the rows held in typed arrays, in the same unit. */
  reference?: { value: number; what: string };
}

export interface BenchContext {
  /** Accounts in the benchmark workspace (20,000 unless --accounts says otherwise). */
  accounts: number;
  /** The benchmark workspace, generated on first use; the demo benchmark is the one that times it. */
  workspace(): Promise<{ path: string; summary: DemoSummary }>;
  /** Progress and notes, on stderr so the table on stdout stays clean. */
  log(text: string): void;
}

export interface Benchmark {
  /** What `npm run bench -- <name>` selects. */
  name: string;
  description: string;
  run(ctx: BenchContext): Promise<Measurement[]>;
}

/** value / limit, and whether that meets the limit in the figure's direction. */
export function verdict(m: Measurement): { ratio: number; ok: boolean } {
  const ratio = m.value / m.limit;
  return { ratio, ok: m.better === 'higher' ? ratio >= 1 : ratio <= 1 };
}

/** The median of a sample, and its 90th percentile (nearest rank). */
export function summarize(samples: number[]): { median: number; p90: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, p90: at(0.9) };
}
