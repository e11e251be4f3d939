// Issue 15: the account page shows CSAT twice, in its metrics card (metrics.account) and in the
// health card's satisfaction reason (health.explain, the same answers scored). Both read one window,
// the 12 months up to and including the current, partial one, and say the same n.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../fixtures/core';

let core: TestCore;
let accountId: number;
beforeEach(async () => {
  core = await testCore();
  core.setNow('2026-03-15T12:00:00.000Z');
  accountId = (await core.call('accounts.create', { name: 'Acme', contractStart: '2024-01-01' })).id;
  const answer = (day: string, score: number) => core.call('surveyResponses.create', { accountId, respondedAt: `${day}T10:00:00Z`, kind: 'csat', score });
  await answer('2025-03-20', 1); // 13 months back: outside the window
  await answer('2025-04-02', 5); // the window's first month
  await answer('2025-12-01', 4);
  await answer('2026-03-10', 5); // the current, partial month: inside
  await answer('2026-03-14', 2);
});
afterEach(() => core.close());

/** The CSAT card's figure and the n and percentage the health card's satisfaction reason states. */
async function bothCards() {
  const page = await core.call('metrics.account', { id: accountId });
  const health = await core.call('health.explain', { id: accountId });
  const reason = health.components.find((c) => c.id === 'satisfaction')!.reason;
  const said = /CSAT ([\d.]+) % \((\d+) answers?\)/.exec(reason);
  return { card: page.satisfaction.csat, embedded: page.health.components.find((c) => c.id === 'satisfaction')!.reason, reason, said };
}

describe('CSAT on the account page: one window, one n', () => {
  it('counts the answers of the current partial month in both cards, and the same n', async () => {
    const { card, embedded, reason, said } = await bothCards();
    expect(card.n).toBe(4);
    expect(said, reason).not.toBeNull();
    expect(Number(said![2])).toBe(card.n);
    expect(Number(said![1])).toBeCloseTo(card.value!, 1);
    expect(embedded).toBe(reason);
  });

  it('moves both windows together at a month boundary once health is recomputed', async () => {
    core.setNow('2026-04-01T00:30:00.000Z');
    await core.call('health.recompute', {});
    const { card, said } = await bothCards();
    // April's window starts in May 2025: the April 2025 answer leaves both.
    expect(card.n).toBe(3);
    expect(Number(said![2])).toBe(card.n);
    expect(Number(said![1])).toBeCloseTo(card.value!, 1);
  });
});
