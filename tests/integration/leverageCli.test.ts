import { beforeAll, describe, expect, it } from 'vitest';
import type { MatchResult } from '../../shared/contract/leverage';
import { createCore } from '../../electron/core';
import { generateDemoWorkspace } from '../../electron/core/demo';
import { fulcrum } from '../fixtures/cli';
import { tempWorkspacePath } from '../fixtures/core';

// `fulcrum references match`: the finder from the command line, run as a user runs it.

// One day for the demo, the test's core and the command (--today), whatever the wall clock says.
const TODAY = '2026-11-18';
const NOW = new Date(`${TODAY}T12:00:00Z`);
let path: string;
let dealId: number;
let expected: MatchResult;
beforeAll(async () => {
  path = tempWorkspacePath('cli.fulcrum');
  await generateDemoWorkspace(path, { accounts: 120, seed: 3, today: TODAY });
  const core = await createCore({ dbPath: path, now: () => NOW });
  try {
    const deals = await core.dispatch('deals.list', { filter: { stage: ['qualify', 'discover', 'propose', 'negotiate'] }, pageSize: 100 });
    if (!deals.ok) throw new Error(deals.error.message);
    for (const deal of (deals.value as { rows: { id: number }[] }).rows) {
      const match = await core.dispatch('leverage.match', { dealId: deal.id });
      if (match.ok && (match.value as MatchResult).ranked.length > 0) {
        dealId = deal.id;
        expected = match.value as MatchResult;
        break;
      }
    }
  } finally {
    await core.close();
  }
}, 120_000);

describe('fulcrum references match', () => {
  it('prints the leverage.match result as JSON', () => {
    const { code, stdout, stderr } = fulcrum('references', 'match', '--db', path, '--deal', String(dealId), '--today', TODAY, '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const printed = JSON.parse(stdout) as MatchResult;
    expect(printed.dealId).toBe(dealId);
    expect(printed.ranked.map((r) => [r.referenceId, r.rank])).toEqual(expected.ranked.map((r) => [r.referenceId, r.rank]));
    expect(printed.excludedByGate).toEqual(expected.excludedByGate);
  });

  it('prints a readable ranking without --json, and takes another activity', () => {
    const { code, stdout } = fulcrum('references', 'match', '--db', path, '--deal', String(dealId), '--today', TODAY);
    expect(code).toBe(0);
    expect(stdout).toContain(`  1. ${expected.ranked[0]!.accountName}  ${Math.round(expected.ranked[0]!.score)}/100`);
    const visit = fulcrum('references', 'match', '--db', path, '--deal', String(dealId), '--today', TODAY, '--activity', 'site_visit', '--json');
    expect(visit.code).toBe(0);
    expect((JSON.parse(visit.stdout) as MatchResult).activity).toBe('site_visit');
  });

  it.each([
    [['references', 'match', '--db', 'x.fulcrum'], 2, /--deal is required/],
    [['references', 'match', '--deal', 'abc', '--db', 'x'], 2, /--deal must be a deal id/],
    [['references', 'find', '--deal', '1', '--db', 'x'], 2, /unknown action 'find'/],
    [['references', 'match', '--deal', '1', '--activity', 'lunch', '--db', 'x'], 2, /--activity must be one of/],
  ])('usage mistakes exit 2 with the usage: %j', (args, exit, message) => {
    const { code, stderr } = fulcrum(...args);
    expect(code).toBe(exit);
    expect(stderr).toMatch(message);
    expect(stderr).toContain('Usage: fulcrum references match');
  });

  it('an unknown deal or a missing file is one line and exit 1', () => {
    const missing = fulcrum('references', 'match', '--db', path, '--deal', '999999');
    expect(missing).toMatchObject({ code: 1, stderr: 'fulcrum references: deal 999999 does not exist\n' });
    const file = fulcrum('references', 'match', '--db', '/nonexistent/w.fulcrum', '--deal', '1');
    expect(file).toMatchObject({ code: 1, stderr: 'fulcrum references: no such file: /nonexistent/w.fulcrum\n' });
  });

  it('is listed by help', () => {
    expect(fulcrum('help').stdout).toMatch(/references\s+rank the references for a deal/);
    expect(fulcrum('help', 'references').stdout).toContain('fulcrum references match --db FILE --deal ID');
  });
});
