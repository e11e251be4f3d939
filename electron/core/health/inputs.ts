import type Database from 'better-sqlite3';
import { emptyTimes, foldRow, seriesOf } from '../metrics/rollups/codec';
import { COUNTERS, L, SERIES } from '../metrics/rollups/layout';
import { resolveMonths } from '../metrics/period';
import { stmt } from '../db/sql';
import { emptySketch, mergeSketch, sketchQuantile, type DenseSketch } from '../metrics/sketch';
import { LOOKBACK_MONTHS, type HealthInputs } from './model';

// The figures the health model reads, for one account (after a write, for health.explain) or for
// all of them at once (health.recompute): the same numbers either way, read with grouped queries
// in bulk so 20,000 accounts cost a handful of scans instead of 100,000 lookups.

/**
 * The months the satisfaction and support components read, first and last (inclusive, for SQL's
 * BETWEEN): LOOKBACK_MONTHS ending where the metrics' default period ends (period.ts: the current,
 * partial month included), so the health card's "CSAT 75 % (4 answers)" and the account page's CSAT
 * card beside it count the same answers (tests/integration/csatWindow.test.ts holds them together).
 */
export function lookback(now: Date): [number, number] {
  const { to } = resolveMonths({}, now);
  return [to - LOOKBACK_MONTHS, to - 1];
}

const DEPLOYMENTS = `SELECT account_id,
    sum(CASE WHEN licences_used IS NOT NULL AND licences_purchased IS NOT NULL THEN licences_used END) AS used,
    sum(CASE WHEN licences_used IS NOT NULL AND licences_purchased IS NOT NULL THEN licences_purchased END) AS purchased,
    sum(status = 'live') AS live, count(*) AS total
  FROM deployments WHERE archived_at IS NULL AND status <> 'cancelled'`;

interface Partial_ {
  counts: Float64Array;
  times: Float64Array;
}

/** `sketch` is scratch space (reused across 20,000 accounts rather than allocated for each). */
function fromRollups(acc: Partial_ | undefined, scratch?: DenseSketch): Pick<HealthInputs, 'npsCounts' | 'csatCounts' | 'firstResponseMedian' | 'ticketsInWindow'> {
  if (!acc) return { npsCounts: new Array<number>(11).fill(0), csatCounts: new Array<number>(5).fill(0), firstResponseMedian: null, ticketsInWindow: 0 };
  const sketch = scratch ?? emptySketch();
  sketch.fill(0);
  for (let p = 0; p < 4; p++) mergeSketch(sketch, seriesOf(acc.times, SERIES.firstResponse(p)));
  return {
    npsCounts: Array.from(acc.counts.subarray(L.nps.start, L.nps.start + 11)),
    csatCounts: Array.from(acc.counts.subarray(L.csat.start, L.csat.start + 5)),
    firstResponseMedian: sketchQuantile(sketch, 0.5).value,
    ticketsInWindow: acc.counts[L.opened.start]!,
  };
}

type DeploymentRow = { account_id: number; used: number | null; purchased: number | null; live: number; total: number };

function assemble(
  accountId: number,
  rollup: Partial_ | undefined,
  open: number,
  deployments: DeploymentRow | undefined,
  lastTouchpointAt: string | null,
  renewalDate: string | null,
  scratch?: DenseSketch,
): HealthInputs {
  return {
    accountId,
    ...fromRollups(rollup, scratch),
    openTickets: open,
    licencesUsed: deployments?.used ?? null,
    licencesPurchased: deployments?.purchased ?? null,
    liveDeployments: deployments?.live ?? 0,
    deployments: deployments?.total ?? 0,
    lastTouchpointAt,
    renewalDate,
  };
}

export function accountHealthInputs(sqlite: Database.Database, accountId: number, now: Date): HealthInputs | undefined {
  const account = stmt<{ renewal_date: string | null }>(sqlite, 'SELECT renewal_date FROM accounts WHERE id = ?').get(accountId);
  if (!account) return undefined;
  const rows = stmt<Buffer>(sqlite, 'SELECT data FROM rollup_account_month WHERE account_id = ? AND month BETWEEN ? AND ?')
    .pluck()
    .all(accountId, ...lookback(now));
  // One account's sums in scratch arrays (67 KB of sketch slots), zeroed rather than allocated: an
  // import's refresh reads thousands of accounts this way (fromRollups copies what it keeps).
  let acc: Partial_ | undefined;
  for (const data of rows) {
    if (!acc) {
      acc = single;
      acc.counts.fill(0);
      acc.times.fill(0);
    }
    foldRow(data, acc);
  }
  const open = stmt<number>(sqlite, 'SELECT count(*) FROM tickets WHERE account_id = ? AND resolved_at IS NULL AND archived_at IS NULL').pluck().get(accountId)!;
  const deployments = stmt<DeploymentRow>(sqlite, `${DEPLOYMENTS} AND account_id = ? GROUP BY account_id`).get(accountId);
  const last = stmt<string | null>(sqlite, 'SELECT max(occurred_at) FROM touchpoints WHERE account_id = ? AND archived_at IS NULL').pluck().get(accountId) ?? null;
  return assemble(accountId, acc, open, deployments, last, account.renewal_date, singleSketch);
}

const single: Partial_ = { counts: new Float64Array(COUNTERS), times: emptyTimes() };
const singleSketch = emptySketch();

/** Inputs of every current customer (not archived, not churned), in id order. */
export function allHealthInputs(sqlite: Database.Database, now: Date): HealthInputs[] {
  // Rows come in (account_id, month) order: one accumulator, reduced whenever the account changes
  // (a dense sketch per account for 20,000 accounts would take over a gigabyte).
  const reduced = new Map<number, ReturnType<typeof fromRollups>>();
  const acc: Partial_ = { counts: new Float64Array(COUNTERS), times: emptyTimes() };
  const sketch = emptySketch();
  let current = -1;
  const flush = () => {
    if (current < 0) return;
    reduced.set(current, fromRollups(acc, sketch));
    acc.counts.fill(0);
    acc.times.fill(0);
  };
  const rows = sqlite
    .prepare('SELECT account_id, data FROM rollup_account_month WHERE month BETWEEN ? AND ? ORDER BY account_id')
    .raw(true)
    .iterate(...lookback(now));
  for (const [accountId, data] of rows as Iterable<[number, Buffer]>) {
    if (accountId !== current) {
      flush();
      current = accountId;
    }
    foldRow(data, acc);
  }
  flush();
  const open = new Map(
    sqlite.prepare<unknown[], [number, number]>('SELECT account_id, count(*) FROM tickets WHERE resolved_at IS NULL AND archived_at IS NULL GROUP BY account_id').raw(true).all(),
  );
  const deployments = new Map(
    sqlite
      .prepare<unknown[], DeploymentRow>(`${DEPLOYMENTS} GROUP BY account_id`)
      .all()
      .map((d) => [d.account_id, d]),
  );
  const last = new Map(
    sqlite.prepare<unknown[], [number, string]>('SELECT account_id, max(occurred_at) FROM touchpoints WHERE archived_at IS NULL GROUP BY account_id').raw(true).all(),
  );
  const accounts = sqlite
    .prepare<unknown[], [number, string | null]>('SELECT id, renewal_date FROM accounts WHERE archived_at IS NULL AND churned_at IS NULL ORDER BY id')
    .raw(true)
    .all();
  return accounts.map(([id, renewal]) => {
    const r = reduced.get(id);
    const inputs = assemble(id, undefined, open.get(id) ?? 0, deployments.get(id), last.get(id) ?? null, renewal);
    return r ? { ...inputs, ...r } : inputs;
  });
}
