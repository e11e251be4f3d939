import type Database from 'better-sqlite3';
import { liveSnapshots } from '../health/liveSnapshots';
import type { ParsedInput } from '../../../shared/contract';
import { capacityBySegment, FORECAST_METHOD } from './capacity';
import { coverageOf, type Place } from './coverage';
import { DAY_MS } from '../../../shared/dates';
import { asksInWindow, availabilityOf } from './fatigue';
import { governingConsent } from './gates';
import { influenceFigures } from './influence';
import { programFiguresOf } from './programFigures';
import { isPastSla } from '../../../shared/requestSla';
import { loadDeals, loadRequests } from './repo';
import { leverageData, leverageSettings, today, todayIn } from './workspace';

// The program's figures: capacity, coverage, influence, acceptance and use. The arithmetic is in
// the pure modules beside this file; here the workspace is read and handed to them.

const OPEN_REQUEST = new Set(['requested', 'approved', 'scheduled']);

/** Default period: the twelve months up to and including today. */
export function periodOf(input: { from?: string; to?: string }, now: Date): { from: string; to: string } {
  const to = input.to ?? today(new Date(now.getTime() + DAY_MS));
  const from = input.from ?? today(new Date(Date.parse(to) - 365 * DAY_MS));
  return { from, to };
}

export function capacity(sqlite: Database.Database, now: Date) {
  const data = leverageData(sqlite);
  const settings = leverageSettings(sqlite).leverage;
  const on = todayIn(sqlite, now);
  const refs = data.references
    .filter((r) => r.stage === 'active' && r.contactId !== null && data.accounts.has(r.accountId))
    .map((r) => ({
      segment: data.accounts.get(r.accountId)!.segment,
      budget: r.usageLimit ?? settings.fatigue.totalBudget,
      asks: asksInWindow(data.asks.get(r.contactId!) ?? [], settings.fatigue.windowDays, on),
    }));
  const requests = loadRequests(sqlite);
  const deals = loadDeals(sqlite);
  const dealSegment = new Map(deals.map((d) => [d.id, d.segment ?? 'unknown']));
  const refSegment = new Map(data.references.map((r) => [r.id, data.accounts.get(r.accountId)?.segment ?? 'unknown']));
  const withRequest = new Set(requests.filter((r) => r.dealId !== null && r.status !== 'cancelled').map((r) => r.dealId!));
  const yearAgo = new Date(now.getTime() - 365 * DAY_MS).toISOString();
  const open = requests
    .filter((r) => OPEN_REQUEST.has(r.status))
    .map((r) => ({ segment: (r.dealId !== null ? dealSegment.get(r.dealId) : undefined) ?? refSegment.get(r.referenceId) ?? 'unknown' }));
  const demand = deals.map((d) => ({
    segment: d.segment ?? 'unknown',
    open: d.closedAt === null && d.stage !== 'closed_won' && d.stage !== 'closed_lost',
    recentlyClosed: d.closedAt !== null && d.closedAt >= yearAgo,
    hasRequest: withRequest.has(d.id),
  }));
  return { segments: capacityBySegment(refs, open, demand), forecastMethod: FORECAST_METHOD, windowDays: settings.fatigue.windowDays };
}

export const READY_DEFINITION = 'ready = active, a valid consent for reference calls today, health at or above the threshold, and not fatigued (a reference call allowed today)';

export function coverage(sqlite: Database.Database, input: ParsedInput<'leverage.coverage'>, now: Date) {
  const data = leverageData(sqlite);
  const settings = leverageSettings(sqlite).leverage;
  const on = todayIn(sqlite, now);
  const place = (accountId: number): Place => {
    const a = data.accounts.get(accountId)!;
    return { industry: a.industry, segment: a.segment, region: a.region, products: data.profiles.get(accountId)?.products ?? [] };
  };
  const ready: Place[] = [];
  const snapshots = liveSnapshots(sqlite);
  for (const r of data.references) {
    if (r.stage !== 'active' || r.contactId === null || !data.accounts.has(r.accountId)) continue;
    if (!governingConsent(data.consents.get(r.contactId) ?? [], 'reference_call', on)) continue;
    const health = snapshots.get(r.accountId)?.score;
    if (health === null || health === undefined || health < settings.minHealth) continue;
    if (!availabilityOf(data.asks.get(r.contactId) ?? [], settings.fatigue, 'reference_call', on, r.usageLimit).available) continue;
    ready.push(place(r.accountId));
  }
  const openDeals = loadDeals(sqlite, true).map((d) => ({ industry: d.industry, segment: d.segment, region: d.region, products: d.products }));
  const customers = [...data.accounts.keys()].map(place);
  const products = [...new Set([...data.profiles.values()].flatMap((p) => p.products))].sort();
  const product = input.product ?? null;
  return { product, products, definition: READY_DEFINITION, ...coverageOf(ready, openDeals, customers, product) };
}

export function influence(sqlite: Database.Database, input: ParsedInput<'leverage.influence'>, now: Date) {
  const period = periodOf(input, now);
  const currency = leverageSettings(sqlite).currency;
  const completions = loadRequests(sqlite)
    .filter((r) => r.status === 'completed' && r.dealId !== null && r.completedAt !== null)
    .map((r) => ({ dealId: r.dealId!, completedAt: r.completedAt! }));
  return { ...period, currency, ...influenceFigures(loadDeals(sqlite), completions, period, currency, now.toISOString()) };
}

export function programFigures(sqlite: Database.Database, input: ParsedInput<'leverage.programFigures'>, now: Date) {
  const period = periodOf(input, now);
  const data = leverageData(sqlite);
  const references = data.references
    .filter((r) => data.accounts.has(r.accountId))
    .map((r) => ({ id: r.id, accountName: data.accounts.get(r.accountId)!.name, active: r.stage === 'active' }));
  return { ...period, ...programFiguresOf(loadRequests(sqlite), references, period, now, leverageSettings(sqlite).leverage.requestSlaDays) };
}

/** The requests past the SLA now, counted as programFigures counts them (shared/requestSla.ts), for metrics.display's words. */
export function requestsPastSla(sqlite: Database.Database, now: Date): { count: number; slaDays: number } {
  const slaDays = leverageSettings(sqlite).leverage.requestSlaDays;
  return { count: loadRequests(sqlite).filter((r) => isPastSla(r, now, slaDays)).length, slaDays };
}
