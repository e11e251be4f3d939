import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { healthFigures } from '../../electron/core/health/figures';
import { reasonSentence } from '../../electron/core/health/reasons';
import { momentFindingsOfAccount } from '../../electron/core/journeys/momentsOfTruth';
import { resolveScope } from '../../electron/core/journeys/scope';
import { loadAccounts } from '../../electron/core/metrics/repo';
import { FIXED_NOW, tempWorkspacePath, testCore, type TestCore } from '../fixtures/core';

// Issue 14: the dashboard's at-risk list read each listed account's tickets on its own (two reads
// per account). It now reads the tickets of all listed accounts in one pass; the reasons must be
// exactly those the journeys domain computes account by account.

let core: TestCore;
let path: string;
beforeEach(async () => {
  path = tempWorkspacePath();
  core = await testCore(path);
});
afterEach(() => core.close());

const at = (day: string, hours = 0) => new Date(Date.parse(`${day}T09:00:00.000Z`) + hours * 3_600_000).toISOString();
const TODAY = FIXED_NOW.toISOString().slice(0, 10);
// The moments of truth are the sentences about the map's cards (health/reasons.ts words them with the card's name and stage).
const isMoment = (reason: string) => reason.includes(' (Get support)');

/** A support map whose moments of truth need the counting pass (first response, CSAT) and the resolution pass. */
async function supportMap() {
  const map = await core.call('journeys.create', { name: 'Support journey' });
  const support = map.stages.find((s) => s.name === 'Get support')!;
  const card = (name: string, target: { metric: 'first_response_hours' | 'resolution_hours' | 'csat'; operator: '<=' | '>='; value: number }, priority?: 'urgent') =>
    core.call('journeys.addTouchpoint', { journeyStageId: support.id, name, isMomentOfTruth: true, target, matchRule: { source: 'tickets', ...(priority ? { priority } : {}) } });
  await card('Urgent first answer', { metric: 'first_response_hours', operator: '<=', value: 4 }, 'urgent');
  await card('Fixed within two days', { metric: 'resolution_hours', operator: '<=', value: 48 });
  await card('Ticket CSAT', { metric: 'csat', operator: '>=', value: 4 });
}

/** Twelve accounts with tickets answered and fixed ever more slowly (more listed than the ten the dashboard shows), and unhappy surveys. */
async function strugglingAccounts() {
  const ids: number[] = [];
  for (let a = 0; a < 12; a++) {
    const account = await core.call('accounts.create', {
      name: `Account ${a}`,
      segment: a % 2 ? 'smb' : 'enterprise',
      renewalDate: `2026-0${4 + (a % 5)}-01`,
      contractStart: '2024-01-01',
      arrMinor: 1_000_000 + a,
    });
    ids.push(account.id);
    for (let i = 0; i < 4; i++) {
      const day = `2026-0${1 + (i % 2)}-1${i}`;
      await core.call('tickets.create', {
        accountId: account.id,
        openedAt: at(day),
        firstResponseAt: at(day, 1 + a * 2 + i),
        resolvedAt: a % 3 === 0 ? null : at(day, 10 + a * 8 + i),
        channel: 'email',
        priority: i % 2 ? 'urgent' : 'normal',
        csat: 1 + ((a + i) % 5),
      });
      await core.call('surveyResponses.create', { accountId: account.id, respondedAt: at(day), kind: 'nps', score: a % 4 });
    }
  }
  return ids;
}

describe('the dashboard’s at-risk moments of truth in one pass (issue 14)', () => {
  it('gives each listed account the moments of truth journeys computes for it alone', async () => {
    await supportMap();
    await strugglingAccounts();
    const portfolio = await core.call('metrics.portfolio', {});
    const listed = portfolio.health.atRisk;
    expect(listed.length, 'the dashboard lists several accounts').toBeGreaterThan(3);
    const scope = resolveScope({}, new Date(`${TODAY}T00:00:00.000Z`)).measure;
    for (const row of listed) {
      expect(row.reasons.filter(isMoment), `account ${row.accountId}`).toEqual(momentFindingsOfAccount(core.context.sqlite, row.accountId, scope).map(reasonSentence));
    }
    // Not a comparison of empty lists: the accounts differ, and resolution times (the second pass) count.
    const moments = listed.map((row) => row.reasons.filter(isMoment));
    expect(moments.filter((m) => m.length > 0).length).toBeGreaterThan(2);
    expect(moments.flat().some((m) => m.includes('Fixed within two days'))).toBe(true);
    expect(new Set(moments.map((m) => m.join('\n'))).size).toBeGreaterThan(2);
  });

  it('reads the tickets of all listed accounts in one counting pass and one resolution pass', async () => {
    await supportMap();
    await strugglingAccounts();
    const viaDispatch = (await core.call('metrics.portfolio', {})).health.atRisk;
    // A second connection to the same file that sees every statement it runs.
    const ticketReads: string[] = [];
    const reader = new Database(path, { verbose: (sql) => void (/\bFROM tickets\b/.test(String(sql)) && ticketReads.push(String(sql))) });
    try {
      const figures = healthFigures(reader, loadAccounts(reader), TODAY);
      expect(figures.atRisk).toEqual(viaDispatch);
      expect(figures.atRisk.length).toBeGreaterThan(3);
      expect(ticketReads).toHaveLength(2);
    } finally {
      reader.close();
    }
  });
});
