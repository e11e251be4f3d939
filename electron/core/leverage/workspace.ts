import type Database from 'better-sqlite3';
import type { Settings } from '../../../shared/contract/settings';
import { cached } from '../db/inputCache';
import { readSettings } from '../db/settings';
import { type Ask, asksInWindow } from './fatigue';
import type { Consent } from './gates';
import { type ReadinessResult, readinessScore } from './readiness';
import { type AccountRow, loadAccounts, loadAsks, loadConsents, loadHealth, loadProfiles, loadReadinessInputs, loadReferences, type ReferenceRow } from './repo';

/**
 * What the leverage figures read, loaded once and kept while the workspace is unchanged: the
 * cache is keyed on SQLite's change counters (db/inputCache.ts), so any write, a request completed
 * or a consent revoked, is seen on the next call. Readiness also depends on the day.
 */
export interface LeverageData {
  accounts: Map<number, AccountRow>;
  references: ReferenceRow[];
  /** Newest first. */
  referencesByAccount: Map<number, ReferenceRow[]>;
  consents: Map<number, Consent[]>;
  asks: Map<number, Ask[]>;
  health: Map<number, number | null>;
  profiles: Map<number, { products: string[]; useCases: string[]; competitors: string[] }>;
}

export function leverageData(sqlite: Database.Database): LeverageData {
  return cached(sqlite, 'leverage:data', () => {
    const references = loadReferences(sqlite);
    const referencesByAccount = new Map<number, ReferenceRow[]>();
    for (const r of references) referencesByAccount.set(r.accountId, [...(referencesByAccount.get(r.accountId) ?? []), r]);
    return {
      accounts: new Map(loadAccounts(sqlite).map((a) => [a.id, a])),
      references,
      referencesByAccount,
      consents: loadConsents(sqlite),
      asks: loadAsks(sqlite),
      health: loadHealth(sqlite),
      profiles: loadProfiles(sqlite),
    };
  });
}

export const leverageSettings = (sqlite: Database.Database): Settings => cached(sqlite, 'leverage:settings', () => readSettings(sqlite));

export const today = (now: Date) => now.toISOString().slice(0, 10);

/** A contact's asks, and the budget they count against (the newest reference's usage limit, else the setting). */
export function askLoad(data: LeverageData, accountId: number, settings: Settings, on: string): { asks: number; budget: number } {
  const refs = data.referencesByAccount.get(accountId) ?? [];
  const contacts = new Set(refs.map((r) => r.contactId).filter((id): id is number => id !== null));
  const asks = [...contacts].flatMap((id) => data.asks.get(id) ?? []);
  return { asks: asksInWindow(asks, settings.leverage.fatigue.windowDays, on), budget: refs[0]?.usageLimit ?? settings.leverage.fatigue.totalBudget };
}

/** Readiness of every current customer, computed once per day and workspace state. */
export function readinessOfAll(sqlite: Database.Database, now: Date): Map<number, ReadinessResult> {
  return cached(sqlite, `leverage:readiness:${today(now)}`, () => {
    const data = leverageData(sqlite);
    const settings = leverageSettings(sqlite);
    const out = new Map<number, ReadinessResult>();
    for (const [id, inputs] of loadReadinessInputs(sqlite, now)) {
      const load = askLoad(data, id, settings, today(now));
      out.set(id, readinessScore({ ...inputs, asks: load.asks, askBudget: load.budget }, settings.leverage, now));
    }
    return out;
  });
}

/** Readiness of one account (current customer or not), without loading the whole workspace's. */
export function readinessOfOne(sqlite: Database.Database, accountId: number, now: Date): ReadinessResult | undefined {
  const inputs = loadReadinessInputs(sqlite, now, accountId, true).get(accountId);
  if (!inputs) return undefined;
  const settings = leverageSettings(sqlite);
  const refs = loadReferences(sqlite, accountId);
  const data = { referencesByAccount: new Map([[accountId, refs]]), asks: loadAsks(sqlite) } as LeverageData;
  const load = askLoad(data, accountId, settings, today(now));
  return readinessScore({ ...inputs, asks: load.asks, askBudget: load.budget }, settings.leverage, now);
}
