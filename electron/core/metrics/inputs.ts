import type Database from 'better-sqlite3';
import { generationOf } from '../db/inputCache';
import { buildIndex, moveInIndex, type AccountIndex } from './accountIndex';
import { changesSince, markNow, type LogEntry, type LogMark } from './changeLog';
import { datesOfKey, levelsOf } from './arrLevels';
import { patchPeriodFacts, type PeriodFacts } from './periodFacts';
import { loadAccounts, loadArrChanges, loadArrChangesOf, loadCurrentAccount, type AccountFacts } from './repo';
import { arrLevelsAt, arrSteps } from './retentionFigures';

/**
 * The dashboard's whole-table inputs (the accounts, their index, the ARR history, its levels at
 * some dates, each period's per-account parts: periodFacts.ts), kept in step with writes (issue 14).
 *
 * Read from the accounts and arr_changes tables, which only the accounts domain writes (its
 * afterWrite logs each write: metrics/changeLog.ts), so a ticket, touchpoint or survey answer
 * leaves them as they are: keyed on the whole workspace state, every write dropped them and the
 * next dashboard paid the whole build (2.5 s at 100,000 accounts, against 70 ms warm). An account
 * write is applied to its account alone when it moves nothing that other accounts' parts depend on
 * (its segment, start and churn feed every account's CLV through the segment's retention; its
 * currency and margin which cohort it counts in): a name, owner or lifecycle stage patches the
 * account and the index, an ARR change its ARR history, levels and period parts. Anything else (a
 * new, archived or restored account, a key those parts depend on, an import, another connection's
 * commit, a restore) reads everything again, as before.
 */
export interface DashboardInputs {
  /** Every account not archived, in the table's order (positions index the per-account parts). */
  accounts: AccountFacts[];
  /** The ARR history per account: [changed_on, arr] in date order. */
  steps: Map<number, [string, number][]>;
  /** Built on first use (accountIndex.ts). */
  index: AccountIndex | null;
  /** Every account's ARR level at each date of a list, per list (arrLevelsOf). */
  levels: Map<string, Map<number, number[]>>;
  /** Each period's per-account parts, per period (periodFacts.ts); they also follow the settings. */
  periods: Map<string, PeriodFacts>;
  settings: number;
  mark: LogMark;
}

/**
 * The accounts domain writes accounts and arr_changes; a rebuild (`health.changed`) or an import's
 * refresh (`metrics.changed`) may backfill ARR history without an accounts event: read again after those.
 */
const DOMAINS = ['accounts', 'health', 'metrics'] as const;
/** More accounts written than this since the last read (a script, a bulk edit): read everything again. */
const MAX_PATCHED = 64;

const states = new WeakMap<Database.Database, DashboardInputs>();

/** Fields other accounts' parts depend on (segment retention, CLV cohorts' membership, values in the currency). */
const SHARED: readonly (keyof AccountFacts)[] = ['segment', 'start', 'churnedAt', 'currency', 'grossMarginPct'];

const sameSteps = (a: readonly [string, number][] | undefined, b: readonly [string, number][] | undefined) =>
  a === b || (!!a && !!b && a.length === b.length && a.every(([on, arr], k) => on === b[k]![0] && arr === b[k]![1]));

/**
 * An account write applied to the kept inputs, or false when they must be read again. Checks every
 * written account before changing anything, so a refused patch leaves nothing half-applied.
 */
function patched(sqlite: Database.Database, live: DashboardInputs, entries: readonly LogEntry[]): boolean {
  const ids = [...new Set(entries.flatMap((entry) => entry.accounts))];
  if (ids.length > MAX_PATCHED) return false;
  const changes: { position: number; after: AccountFacts; steps: [string, number][] | undefined }[] = [];
  for (const id of ids) {
    const position = live.accounts.findIndex((a) => a.id === id);
    const after = loadCurrentAccount(sqlite, id);
    if (position < 0 || !after) return false;
    const before = live.accounts[position]!;
    if (SHARED.some((key) => before[key] !== after[key])) return false;
    const steps = arrSteps(loadArrChangesOf(sqlite, id)).get(id);
    // An account gaining or losing its whole history would move in the history's order: read it again.
    if (!steps !== !live.steps.get(id)) return false;
    changes.push({ position, after, steps });
  }
  for (const { position, after, steps } of changes) {
    const before = live.accounts[position]!;
    // In place: the accounts' array is the key of what is kept per list (valueFigures.ts segment
    // retention), which none of these fields move.
    live.accounts[position] = after;
    if (live.index) moveInIndex(live.index, position, before, after);
    if (steps && !sameSteps(steps, live.steps.get(after.id))) {
      live.steps.set(after.id, steps);
      const one = new Map([[after.id, steps]]);
      for (const [key, levels] of live.levels) levels.set(after.id, arrLevelsAt(one, datesOfKey(key)).get(after.id)!);
      for (const facts of live.periods.values()) patchPeriodFacts(live, facts, position);
    }
  }
  return true;
}

/** The dashboard's inputs for the connection's current state. */
export function dashboardInputs(sqlite: Database.Database): DashboardInputs {
  const live = states.get(sqlite);
  const since = live && changesSince(sqlite, live.mark, DOMAINS);
  const settings = generationOf(sqlite, 'settings');
  if (live && since) {
    // Settings move the period parts (currency, discount rate, CLV convention), nothing else here.
    if (settings !== live.settings) {
      live.periods.clear();
      live.settings = settings;
    }
    if (since.entries.length === 0 || patched(sqlite, live, since.entries)) {
      live.mark = since.mark;
      return live;
    }
  }
  const mark = markNow(sqlite, DOMAINS);
  const fresh: DashboardInputs = {
    accounts: loadAccounts(sqlite),
    steps: arrSteps(loadArrChanges(sqlite)),
    index: null,
    levels: new Map(),
    periods: new Map(),
    settings,
    mark,
  };
  states.set(sqlite, fresh);
  return fresh;
}

export const accountsOf = (sqlite: Database.Database): readonly AccountFacts[] => dashboardInputs(sqlite).accounts;
export const arrStepsOf = (sqlite: Database.Database) => dashboardInputs(sqlite).steps;

/** The accounts indexed by value (accountIndex.ts), built once per read of the accounts and patched with them. */
export function accountIndexOf(sqlite: Database.Database): AccountIndex {
  const live = dashboardInputs(sqlite);
  return (live.index ??= buildIndex(live.accounts));
}

export const arrLevelsOf = (sqlite: Database.Database, dates: readonly string[]) => levelsOf(dashboardInputs(sqlite), dates);
