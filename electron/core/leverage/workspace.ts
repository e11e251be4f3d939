import type Database from 'better-sqlite3';
import type { Settings } from '../../../shared/contract/settings';
import { cached } from '../db/inputCache';
import { readSettings } from '../db/settings';
import { type Ask, asksInWindow, localDay } from './fatigue';
import type { Consent } from './gates';
import { type ReadinessResult, readinessScore } from './readiness';
import { type AccountRow, loadAccounts, loadAsks, loadConsents, loadProfiles, loadReadinessInputs, loadReferences, type ReferenceRow } from './repo';
import { changesSince, markNow, type LogMark } from '../metrics/changeLog';

/**
 * What the leverage figures read, loaded once and kept while the domains it comes from are
 * unchanged (db/inputCache.ts: the writes of those domains announce themselves; another
 * connection's commit or a restore rereads all). Health and readiness move with every activity
 * write, so they are kept in step with writes instead (health/liveSnapshots.ts, readinessOfAll below).
 */
export interface LeverageData {
  accounts: Map<number, AccountRow>;
  references: ReferenceRow[];
  /** Newest first. */
  referencesByAccount: Map<number, ReferenceRow[]>;
  consents: Map<number, Consent[]>;
  asks: Map<number, Ask[]>;
  profiles: Map<number, { products: string[]; useCases: string[]; competitors: string[] }>;
}

/** Accounts, references and their contacts, consents (written by the references domain), requests, live products (deployments), won deals. */
export const DATA_DOMAINS = ['accounts', 'references', 'requests', 'contacts', 'deployments', 'deals'];

export function leverageData(sqlite: Database.Database): LeverageData {
  // Asks count on their day in the workspace's time zone (business hours' zone): a new zone is a new entry.
  const zone = leverageSettings(sqlite).businessHours.timeZone;
  return cached(
    sqlite,
    `leverage:data:${zone}`,
    () => {
      const references = loadReferences(sqlite);
      const referencesByAccount = new Map<number, ReferenceRow[]>();
      for (const r of references) referencesByAccount.set(r.accountId, [...(referencesByAccount.get(r.accountId) ?? []), r]);
      return {
        accounts: new Map(loadAccounts(sqlite).map((a) => [a.id, a])),
        references,
        referencesByAccount,
        consents: loadConsents(sqlite),
        asks: loadAsks(sqlite, zone),
        profiles: loadProfiles(sqlite),
      };
    },
    DATA_DOMAINS,
  );
}

export const leverageSettings = (sqlite: Database.Database): Settings => cached(sqlite, 'leverage:settings', () => readSettings(sqlite), ['settings']);

/**
 * Today in the workspace's time zone (Settings → time zone, business hours' zone, editable whether or
 * not business hours are on): asks count on their local day, so "today" is the local day too; just
 * after midnight in Tokyo it is already the next day there while UTC is still on the last one.
 */
export const today = (now: Date, timeZone = 'UTC') => localDay(now.toISOString(), timeZone);
/** Today in this workspace's zone (the setting, read through the kept settings). */
export const todayIn = (sqlite: Database.Database, now: Date) => today(now, leverageSettings(sqlite).businessHours.timeZone);

/** A contact's asks, and the budget they count against (the newest reference's usage limit, else the setting). */
export function askLoad(data: LeverageData, accountId: number, settings: Settings, on: string): { asks: number; budget: number } {
  const refs = data.referencesByAccount.get(accountId) ?? [];
  const contacts = new Set(refs.map((r) => r.contactId).filter((id): id is number => id !== null));
  const asks = [...contacts].flatMap((id) => data.asks.get(id) ?? []);
  return { asks: asksInWindow(asks, settings.leverage.fatigue.windowDays, on), budget: refs[0]?.usageLimit ?? settings.leverage.fatigue.totalBudget };
}

/** Writes that change readiness: activity and deployments (logged per account), and what a full read needs (accounts, contacts, the programme, settings). */
const READINESS_DOMAINS = ['surveyResponses', 'touchpoints', 'deployments', 'accounts', 'contacts', 'references', 'requests', 'settings'];
/** The domains whose logged writes are applied account by account; any other write rereads. */
const PER_ACCOUNT = new Set(['surveyResponses', 'touchpoints', 'deployments']);

const readinessState = new WeakMap<Database.Database, { day: string; scores: Map<number, ReadinessResult>; mark: LogMark }>();

function readinessOf(sqlite: Database.Database, now: Date, accountId?: number): Map<number, ReadinessResult> {
  const data = leverageData(sqlite);
  const settings = leverageSettings(sqlite);
  const out = new Map<number, ReadinessResult>();
  for (const [id, inputs] of loadReadinessInputs(sqlite, now, accountId)) {
    const load = askLoad(data, id, settings, today(now, settings.businessHours.timeZone));
    out.set(id, readinessScore({ ...inputs, asks: load.asks, askBudget: load.budget }, settings.leverage, now));
  }
  return out;
}

/**
 * Readiness of every current customer: computed once per day, then kept in step with writes like a
 * snapshot: a survey answer, interaction or deployment written through the core recomputes its
 * account's (a few indexed reads) at the next read; any other change to what readiness reads (an
 * account, a contact, the programme, settings, an import) recomputes everyone's.
 */
export function readinessOfAll(sqlite: Database.Database, now: Date): Map<number, ReadinessResult> {
  const live = readinessState.get(sqlite);
  const day = todayIn(sqlite, now);
  const since = live && live.day === day ? changesSince(sqlite, live.mark, READINESS_DOMAINS) : null;
  if (live && since && since.entries.every((entry) => PER_ACCOUNT.has(entry.domain))) {
    for (const id of new Set(since.entries.flatMap((entry) => entry.accounts))) {
      const one = readinessOf(sqlite, now, id).get(id);
      if (one) live.scores.set(id, one);
      else live.scores.delete(id);
    }
    live.mark = since.mark;
    return live.scores;
  }
  const mark = markNow(sqlite, READINESS_DOMAINS);
  const scores = readinessOf(sqlite, now);
  readinessState.set(sqlite, { day, scores, mark });
  return scores;
}

/** Readiness of one account (current customer or not), without loading the whole workspace's. */
export function readinessOfOne(sqlite: Database.Database, accountId: number, now: Date): ReadinessResult | undefined {
  const inputs = loadReadinessInputs(sqlite, now, accountId, true).get(accountId);
  if (!inputs) return undefined;
  const settings = leverageSettings(sqlite);
  const refs = loadReferences(sqlite, accountId);
  const zone = settings.businessHours.timeZone;
  const data = { referencesByAccount: new Map([[accountId, refs]]), asks: loadAsks(sqlite, zone) } as LeverageData;
  const load = askLoad(data, accountId, settings, today(now, zone));
  return readinessScore({ ...inputs, asks: load.asks, askBudget: load.budget }, settings.leverage, now);
}
