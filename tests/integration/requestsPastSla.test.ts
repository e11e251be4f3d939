// "Past SLA" has one definition (shared/requestSla.ts): the requests log's flags and the programme
// figure on Influence count the same requests (they once showed 87 and 31).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoWorkspace } from '../../electron/core/demo';
import { tempWorkspacePath, testCore, type TestCore } from '../fixtures/core';

let core: TestCore;

beforeAll(async () => {
  const path = tempWorkspacePath();
  await generateDemoWorkspace(path, { accounts: 150, seed: 7, today: '2026-11-18' });
  core = await testCore(path);
  // Three weeks after the demo's today: many open requests have aged past the 3-day SLA.
  core.setNow('2026-12-09T12:00:00.000Z');
});
afterAll(() => core.close());

describe('requests past the SLA', () => {
  it('counts on Influence exactly the requests the log flags', async () => {
    const open = await core.call('requests.list', { openOnly: true, pageSize: 500 });
    expect(open.total).toBeLessThanOrEqual(500);
    const flagged = open.rows.filter((row) => row.overdueSla);
    const program = await core.call('leverage.programFigures', {});
    expect(flagged.length).toBeGreaterThan(0);
    expect(program.pastSla).toEqual({ count: flagged.length, slaDays: 3 });
  });

  it('flags requests awaiting an answer, never scheduled or closed ones', async () => {
    const all = await core.call('requests.list', { pageSize: 500 });
    const kinds = new Set(all.rows.filter((row) => row.overdueSla).map((row) => row.status));
    expect([...kinds].every((status) => status === 'requested' || status === 'approved')).toBe(true);
    const oldScheduled = all.rows.filter((row) => row.status === 'scheduled' && row.daysOpen > 3);
    expect(oldScheduled.length).toBeGreaterThan(0);
    expect(oldScheduled.every((row) => !row.overdueSla)).toBe(true);
    for (const row of all.rows.filter((r) => r.status === 'requested' || r.status === 'approved')) {
      expect(row.overdueSla, `request ${row.id}, ${row.daysOpen} days`).toBe(Date.parse('2026-12-09T12:00:00.000Z') - Date.parse(row.requestedAt) > 3 * 86_400_000);
    }
  });
});
