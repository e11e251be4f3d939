// The journey queries that run often use their indexes: the dashboard measures the at-risk
// accounts' moments of truth on each one's own rows, and a card lists its newest records. The SQL
// is captured from the real code while it serves the channels.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { momentFindingsOfAccount } from '../../electron/core/journeys/momentsOfTruth';
import { resolveScope } from '../../electron/core/journeys/scope';
import { testCore, type TestCore } from '../fixtures/core';
import { capturePrepared, planOfPrepared } from '../fixtures/queryPlans';

let capture: ReturnType<typeof capturePrepared>;
let core: TestCore;

beforeAll(async () => {
  capture = capturePrepared();
  core = await testCore();
  const map = await core.call('journeys.create', { name: 'Map', template: 'cx_delivery' });
  const account = await core.call('accounts.create', { name: 'Acme' });
  momentFindingsOfAccount(core.context.sqlite, account.id, resolveScope({}, new Date('2026-03-01T00:00:00Z')).measure);
  const premium = map.stages.flatMap((s) => s.touchpoints).find((t) => t.name === 'Premium support')!;
  await core.call('journeys.records', { journeyTouchpointId: premium.id });
});
afterAll(async () => {
  capture.stop();
  await core.close();
});

const planOf = (...fragments: string[]) => planOfPrepared(core.context.sqlite, capture.prepared, fragments);

describe('journey query plans', () => {
  it.each([
    ['tickets', 'FROM tickets t', 'AND t.account_id = ?', 'count(*), count(t.csat)', /SEARCH t USING INDEX tickets_(account_time|unresolved) \(account_id=\?\)/],
    ['interactions', 'FROM touchpoints t', 'AND t.account_id = ?', 'AS at', /SEARCH t USING INDEX touchpoints_account_time \(account_id=\?\)/],
    ['survey answers', 'FROM survey_responses s', 'AND s.account_id = ?', 'GROUP BY', /SEARCH s USING INDEX survey_responses_account_time \(account_id=\?\)/],
  ])("the dashboard reads one account's %s through its account index", (_label, a, b, c, expected) => {
    const plan = planOf(a, b, c);
    expect(plan).toMatch(expected);
    expect(plan).not.toMatch(/SCAN t\b|SCAN s\b/);
  });

  it("a ticket card's newest records come from the opening-time index", () => {
    const plan = planOf('FROM tickets x', 'ORDER BY x.opened_at DESC LIMIT');
    expect(plan).toMatch(/SEARCH x USING INDEX tickets_time \(opened_at>\? AND opened_at<\?\)/);
    expect(plan).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
  });

  it("a card's interactions linked by hand are read through the partial link index", () => {
    const plan = planOf('FROM touchpoints x', 'x.journey_touchpoint_id = ?', 'ORDER BY');
    expect(plan).toMatch(/SEARCH x USING INDEX touchpoints_journey_touchpoint \(journey_touchpoint_id=\?\)/);
  });

  it.each([
    ['tickets', 'journey_links l JOIN tickets x', 'ORDER BY x.opened_at DESC LIMIT'],
    ['survey answers', 'journey_links l JOIN survey_responses x', 'ORDER BY x.responded_at DESC LIMIT'],
  ])("a card's %s linked by hand are read from its links, not from the period's records", (_label, from, order) => {
    const plan = planOf(from, order);
    expect(plan).toMatch(/SEARCH l USING (COVERING )?INDEX journey_links_touchpoint \(journey_touchpoint_id=\?\)/);
    expect(plan).toMatch(/SEARCH x USING INTEGER PRIMARY KEY \(rowid=\?\)/);
  });
});
