import type { FeedbackRequest, RequestDemand } from '../../../shared/contract/feedback';
import { DAY_MS } from '../../../shared/dates';

const addDays = (day: string, days: number) => new Date(Date.parse(day) + days * DAY_MS).toISOString().slice(0, 10);

/** One feedback item with the facts of its account that weigh its demand. */
export interface ItemFact {
  requestId: number;
  accountId: number;
  contactId: number | null;
  segment: string | null;
  arrMinor: number;
  churnedAt: string | null;
  renewalDate: string | null;
  /** Today's health band (current snapshot); null when never scored. */
  band: string | null;
}

/** Renewal ARR at risk: a current customer renewing in [today, today + horizon) whose health is red or amber. */
export const atRisk = (fact: ItemFact, today: string, until: string) =>
  fact.churnedAt === null && fact.renewalDate !== null && fact.renewalDate >= today && fact.renewalDate < until && (fact.band === 'red' || fact.band === 'amber');

/**
 * Each request's demand: how many items, accounts and contacts ask, and the ARR behind it, each
 * account counted once however often it asked; churned accounts count as askers but bring no ARR.
 * Sorted by renewal ARR at risk, then ARR, then accounts: the top requests first.
 */
export function demandOf(requests: readonly FeedbackRequest[], facts: readonly ItemFact[], today: string, horizonDays: number): RequestDemand[] {
  const until = addDays(today, horizonDays);
  const byRequest = new Map<number, ItemFact[]>();
  for (const fact of facts) byRequest.set(fact.requestId, [...(byRequest.get(fact.requestId) ?? []), fact]);
  const rows = requests.map((request) => {
    const items = byRequest.get(request.id) ?? [];
    const accounts = new Map<number, ItemFact>();
    for (const item of items) accounts.set(item.accountId, item);
    const contacts = new Set(items.flatMap((i) => (i.contactId === null ? [] : [i.contactId])));
    const segments = new Map<string, { accounts: number; arrMinor: number }>();
    let arrMinor = 0;
    let renewalArrAtRiskMinor = 0;
    for (const account of accounts.values()) {
      const arr = account.churnedAt === null ? account.arrMinor : 0;
      arrMinor += arr;
      if (atRisk(account, today, until)) renewalArrAtRiskMinor += arr;
      const segment = account.segment ?? 'unknown';
      const cell = segments.get(segment) ?? { accounts: 0, arrMinor: 0 };
      segments.set(segment, { accounts: cell.accounts + 1, arrMinor: cell.arrMinor + arr });
    }
    return {
      request,
      items: items.length,
      accounts: accounts.size,
      contacts: contacts.size,
      arrMinor,
      renewalArrAtRiskMinor,
      segments: [...segments]
        .map(([segment, cell]) => ({ segment, ...cell }))
        .sort((a, b) => b.arrMinor - a.arrMinor || b.accounts - a.accounts || a.segment.localeCompare(b.segment)),
    };
  });
  return rows.sort((a, b) => b.renewalArrAtRiskMinor - a.renewalArrAtRiskMinor || b.arrMinor - a.arrMinor || b.accounts - a.accounts || a.request.id - b.request.id);
}
