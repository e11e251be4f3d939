// Run in its own process by the metrics-rebuild benchmark, so that its peak memory is the
// rebuild's alone (not the demo generator's, which ran in the benchmark's process before it).
// Prints one JSON line: the time of each part and the process's peak resident set.
import Database from 'better-sqlite3';
import { refreshDerived } from '../../electron/core/derived/refresh';

const path = process.argv[2]!;
const sqlite = new Database(path);
let peak = 0;
const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
const started = performance.now();
const summary = refreshDerived(sqlite, new Date('2026-11-01T00:00:00Z'), sample);
sample();
sqlite.close();
process.stdout.write(
  `${JSON.stringify({
    seconds: (performance.now() - started) / 1000,
    accountMonths: summary.accountMonths,
    healthSnapshots: summary.healthSnapshots,
    peakRssMb: peak / 1e6,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
