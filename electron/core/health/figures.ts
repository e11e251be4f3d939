import type Database from 'better-sqlite3';
import { changesSinceAny, markAll, type LogMark } from '../metrics/changeLog';
import type { AccountFacts } from '../metrics/repo';
import { momentFindingsOfAccounts } from '../journeys/momentsOfTruth';
import { resolveScope } from '../journeys/scope';
import { reasonSentence } from './reasons';
import { snapshotReasons } from './snapshotReasons';
import { liveSnapshots } from './liveSnapshots';
import { snapshotComponents } from './snapshots';

const AT_RISK = 10;

/** Every account's latest snapshot, kept in step with writes (liveSnapshots.ts). */
const snapshotsOf = liveSnapshots;

/**
 * The at-risk accounts' moments of truth, per account and day, kept across writes (issue 14): a
 * write logged with its accounts (a ticket, answer, touchpoint, deployment or account:
 * metrics/changeLog.ts) drops those accounts' entries; any other write, by this connection or
 * another, starts a new map (a list of what it does not read, so a domain left off costs a rebuild,
 * never a stale reason: changesSinceAny). Measuring the same ten
 * accounts' journeys on every warm dashboard call was a sixth of its time, and on the first one
 * after every write (11-60 ms) most of what was left of it.
 */
/** What the moments of truth never read: the calls to action and tasks a write's rules open (ctas/hooks.ts), who uses this Fulcrum. */
const NOT_READ = ['ctas', 'tasks', 'identity'];

const momentsState = new WeakMap<Database.Database, { kept: Map<string, string[]>; mark: LogMark }>();

function momentsKept(sqlite: Database.Database): Map<string, string[]> {
  const live = momentsState.get(sqlite);
  const since = live && changesSinceAny(sqlite, live.mark, NOT_READ);
  if (live && since) {
    const written = new Set(since.entries.flatMap((entry) => entry.accounts).map(String));
    if (written.size > 0) for (const key of live.kept.keys()) if (written.has(key.slice(key.indexOf('/') + 1))) live.kept.delete(key);
    live.mark = since.mark;
    // Ten accounts a day: a workspace open for weeks still keeps few; a bound all the same.
    if (live.kept.size > 1_000) live.kept.clear();
    return live.kept;
  }
  const fresh = { kept: new Map<string, string[]>(), mark: markAll(sqlite, NOT_READ) };
  momentsState.set(sqlite, fresh);
  return fresh.kept;
}

function momentsOf(sqlite: Database.Database, accountIds: readonly number[], today: string): Map<number, string[]> {
  const kept = momentsKept(sqlite);
  const key = (id: number) => `${today}/${id}`;
  const missing = accountIds.filter((id) => !kept.has(key(id)));
  if (missing.length > 0) {
    // Journeys' findings worded here like every other reason (reasons.ts): the card, its stage, the figure on its scale.
    const measured = momentFindingsOfAccounts(sqlite, missing, resolveScope({}, new Date(`${today}T00:00:00.000Z`)).measure);
    for (const id of missing) kept.set(key(id), measured.get(id)!.map(reasonSentence));
  }
  return new Map(accountIds.map((id) => [id, kept.get(key(id))!]));
}

/**
 * The first `n` items in the order, as `items.sort(order).slice(0, n)` gives them for an order
 * with no ties, in one pass keeping the best n: the at-risk list of every account sorted thousands
 * of red and amber accounts (comparing renewal dates with localeCompare) on each dashboard call to
 * keep ten (issue 14).
 */
function firstOf<T>(items: readonly T[], n: number, order: (a: T, b: T) => number): T[] {
  const best: T[] = [];
  for (const item of items) {
    if (best.length === n && order(item, best[n - 1]!) >= 0) continue;
    let at = Math.min(best.length, n - 1);
    while (at > 0 && order(item, best[at - 1]!) < 0) at--;
    best.splice(at, 0, item);
    if (best.length > n) best.pop();
  }
  return best;
}

/**
 * The portfolio's health: each current customer's latest snapshot (kept fresh by every write and
 * by health.recompute), counted by band; the at-risk list is the red, then the amber accounts,
 * lowest whole-point score first and the soonest renewal first among equals, each with the reasons that
 * cost it the most points, after the moments of truth it lived below target (journey maps) in the
 * twelve months up to today: the experiences the customer judges hardest come first.
 */
export function healthFigures(sqlite: Database.Database, accounts: readonly AccountFacts[], today: string) {
  const snapshots = snapshotsOf(sqlite);
  const bands = { red: 0, amber: 0, green: 0, insufficient: 0 };
  const risky: { account: AccountFacts; score: number; band: 'red' | 'amber'; asOf: string }[] = [];
  let oldest: string | null = null;
  for (const account of accounts) {
    if (account.churnedAt !== null && account.churnedAt <= today) continue;
    const snapshot = snapshots.get(account.id);
    if (!snapshot || snapshot.score === null) {
      bands.insufficient++;
      continue;
    }
    bands[snapshot.band]++;
    if (oldest === null || snapshot.takenAt < oldest) oldest = snapshot.takenAt;
    if (snapshot.band === 'red' || snapshot.band === 'amber') risky.push({ account, score: snapshot.score, band: snapshot.band, asOf: snapshot.takenAt });
  }
  const soon = (a: AccountFacts) => a.renewalDate ?? '9999-12-31';
  const bandRank = (band: 'red' | 'amber') => (band === 'red' ? 0 : 1);
  const order = (x: (typeof risky)[number], y: (typeof risky)[number]) =>
    bandRank(x.band) - bandRank(y.band) || Math.round(x.score) - Math.round(y.score) || soon(x.account).localeCompare(soon(y.account)) || x.account.id - y.account.id;
  const listed = firstOf(risky, AT_RISK, order);
  // The listed accounts' moments of truth in one read of their tickets, not one read per account (issue 14).
  const moments = momentsOf(
    sqlite,
    listed.map(({ account }) => account.id),
    today,
  );
  const atRisk = listed.map(({ account, score, band, asOf }) => ({
    accountId: account.id,
    name: account.name,
    segment: account.segment,
    owner: account.owner,
    arrMinor: account.arrMinor,
    currency: account.currency,
    renewalDate: account.renewalDate,
    score,
    band,
    asOf,
    // The moments of truth, then the health findings, all in the at-risk list's sentences (reasons.ts).
    reasons: [...moments.get(account.id)!, ...snapshotReasons(snapshotComponents(sqlite, account.id))],
  }));
  return { bands, atRisk, takenAt: oldest };
}
