import { DAY_MS } from '../../../shared/dates';
import { medianOf, quantileOf } from './tally';

/** An account reaching a stage: one of its records attached to a touchpoint of that stage. */
export interface StageEvent {
  accountId: number;
  /** 0-based index of the stage on the map. */
  stage: number;
  /** Milliseconds since the epoch. */
  at: number;
}

/** No interaction for this long before the period end and the account counts as stalled. */
export const STALLED_DAYS = 90;
const days = (from: number, to: number) => (to - from) / DAY_MS;

export interface JourneyTiming {
  stages: { daysInStage: number | null; daysInStageN: number; accountsHere: number; dropOff: number }[];
  durationMedianDays: number | null;
  durationP25Days: number | null;
  durationP75Days: number | null;
  accounts: number;
}

/**
 * Where accounts are on the journey and how long they take. Per account: the first time it reached
 * each stage; its position is the furthest stage reached; the time in a stage runs from reaching it
 * to reaching the next stage it reached; the journey's duration runs from its first record to its
 * churn (the need is gone) or, for a customer still on the journey, its latest record. Drop-off:
 * accounts whose furthest stage is this one and which churned or stalled (no record for
 * STALLED_DAYS before `periodEnd`).
 */
export function journeyTiming(events: readonly StageEvent[], stageCount: number, churnedAt: (accountId: number) => number | null, periodEnd: number): JourneyTiming {
  const byAccount = new Map<number, { first: (number | null)[]; firstAt: number; lastAt: number }>();
  for (const event of events) {
    if (event.at >= periodEnd) continue;
    let account = byAccount.get(event.accountId);
    if (!account) byAccount.set(event.accountId, (account = { first: new Array<number | null>(stageCount).fill(null), firstAt: event.at, lastAt: event.at }));
    const seen = account.first[event.stage];
    if (seen === null || seen === undefined || event.at < seen) account.first[event.stage] = event.at;
    if (event.at < account.firstAt) account.firstAt = event.at;
    if (event.at > account.lastAt) account.lastAt = event.at;
  }
  const inStage: number[][] = Array.from({ length: stageCount }, () => []);
  const here = new Array<number>(stageCount).fill(0);
  const dropOff = new Array<number>(stageCount).fill(0);
  const durations: number[] = [];
  const stalledBefore = periodEnd - STALLED_DAYS * DAY_MS;
  for (const [accountId, account] of byAccount) {
    const reached = account.first.flatMap((at, stage) => (at === null ? [] : [{ stage, at }]));
    for (let i = 0; i + 1 < reached.length; i++) {
      const spent = days(reached[i]!.at, reached[i + 1]!.at);
      if (spent >= 0) inStage[reached[i]!.stage]!.push(spent);
    }
    const furthest = reached.at(-1)!.stage;
    here[furthest]!++;
    const churned = churnedAt(accountId);
    const gone = churned !== null && churned < periodEnd ? churned : null;
    if (gone !== null || account.lastAt < stalledBefore) dropOff[furthest]!++;
    const end = gone ?? account.lastAt;
    if (reached.length > 1 || gone !== null) durations.push(Math.max(0, days(account.firstAt, end)));
  }
  return {
    stages: inStage.map((spent, stage) => ({ daysInStage: medianOf(spent), daysInStageN: spent.length, accountsHere: here[stage]!, dropOff: dropOff[stage]! })),
    durationMedianDays: medianOf(durations),
    durationP25Days: quantileOf(durations, 0.25),
    durationP75Days: quantileOf(durations, 0.75),
    accounts: byAccount.size,
  };
}
