import type Database from 'better-sqlite3';
import type { ParsedInput } from '../../../shared/contract';
import type { Availability, Candidate, Readiness } from '../../../shared/contract/leverage';
import { CoreError, notFound } from '../errors';
import { availabilityOf } from './fatigue';
import type { ReadinessResult } from './readiness';
import { loadReferences } from './repo';
import { leverageData, leverageSettings, readinessOfAll, readinessOfOne, todayIn } from './workspace';

const toReadiness = (accountId: number, r: ReadinessResult): Readiness => ({ accountId, ...r });

export function readiness(sqlite: Database.Database, accountId: number, now: Date): Readiness {
  const result = readinessOfOne(sqlite, accountId, now);
  if (!result) throw notFound('account', accountId);
  return toReadiness(accountId, result);
}

/** The account page's card: readiness, the account's place in the program, the candidate threshold. */
export function standing(sqlite: Database.Database, accountId: number, now: Date) {
  const ready = readiness(sqlite, accountId, now);
  const newest = loadReferences(sqlite, accountId)[0];
  return {
    readiness: ready,
    reference: newest ? { id: newest.id, stage: newest.stage, contactName: newest.contactName } : null,
    threshold: leverageSettings(sqlite).leverage.candidateThreshold,
  };
}

/** Current customers at or above the threshold and not in the program yet, best first, paged. */
export function candidates(sqlite: Database.Database, input: ParsedInput<'leverage.candidates'>, now: Date) {
  const threshold = input.threshold ?? leverageSettings(sqlite).leverage.candidateThreshold;
  const data = leverageData(sqlite);
  const all = readinessOfAll(sqlite, now);
  const rows: Candidate[] = [];
  for (const [accountId, result] of all) {
    if (result.score === null || result.score < threshold || data.referencesByAccount.has(accountId)) continue;
    const account = data.accounts.get(accountId)!;
    rows.push({
      accountId,
      name: account.name,
      segment: account.segment,
      industry: account.industry,
      region: account.region,
      owner: account.owner,
      score: result.score,
      reasons: result.reasons,
    });
  }
  rows.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  const start = (input.page - 1) * input.pageSize;
  return { rows: rows.slice(start, start + input.pageSize), total: rows.length, page: input.page, pageSize: input.pageSize, threshold };
}

/** Where one reference stands for an ask: budgets, rest and the first day it can be asked. */
export function availability(sqlite: Database.Database, input: ParsedInput<'leverage.availability'>, now: Date): Availability {
  const data = leverageData(sqlite);
  const reference = data.references.find((r) => r.id === input.referenceId);
  if (!reference) throw notFound('reference', input.referenceId);
  const on = input.on ?? todayIn(sqlite, now);
  const rules = leverageSettings(sqlite).leverage.fatigue;
  if (reference.contactId === null) {
    throw new CoreError('CONFLICT', `reference ${reference.id} has no contact person, so it has no asks or consents to count`);
  }
  const answer = availabilityOf(data.asks.get(reference.contactId) ?? [], rules, input.activity, on, reference.usageLimit);
  return { referenceId: reference.id, on, windowDays: rules.windowDays, activity: input.activity, ...answer };
}
