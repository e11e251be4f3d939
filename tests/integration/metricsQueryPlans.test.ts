// The heavy queries of the metrics engine use their indexes. The SQL is captured from the real
// code (every statement the core prepares while serving the channels), so a change there that
// loses an index fails here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../fixtures/core';
import { buildMetricsWorkspace } from '../fixtures/metricsWorkspace';
import { capturePrepared, planOfPrepared } from '../fixtures/queryPlans';

let capture: ReturnType<typeof capturePrepared>;
let core: TestCore;

beforeAll(async () => {
  capture = capturePrepared();
  core = await testCore();
  const { accountIds } = await buildMetricsWorkspace(core, 3, 9);
  await core.call('metrics.portfolio', {});
  await core.call('metrics.portfolio', { segment: ['smb'] });
  await core.call('metrics.portfolio', { region: ['EMEA'], owner: ['CSM 1'] });
  await core.call('metrics.portfolio', { owner: ['CSM 1'], segment: ['smb'] });
  await core.call('metrics.account', { id: accountIds[0]! });
  await core.call('metrics.trend', { metric: 'firstResponseMedian' });
  await core.call('health.explain', { id: accountIds[1]! });
  await core.call('health.recompute', {});
  await core.call('metrics.rebuild', {});
}, 60_000);
afterAll(async () => {
  capture.stop();
  await core.close();
});

/** The plan of the one captured statement that contains every fragment given. */
const planOf = (...fragments: string[]) => planOfPrepared(core.context.sqlite, capture.prepared, fragments);

describe('metrics query plans', () => {
  it.each([
    ['tickets', 'FROM tickets WHERE account_id BETWEEN', /SEARCH tickets USING INDEX tickets_account_time \(account_id>\? AND account_id<\?\)/],
    ['survey answers', 'FROM survey_responses WHERE account_id BETWEEN', /SEARCH survey_responses USING INDEX survey_responses_account_time \(account_id>\? AND account_id<\?\)/],
    ['touchpoints', 'FROM touchpoints WHERE account_id BETWEEN', /SEARCH touchpoints USING (COVERING )?INDEX touchpoints_account_time \(account_id>\? AND account_id<\?\)/],
  ])('rollups read the raw %s account by account through its (account_id, time) index, already in order', (_label, fragment, expected) => {
    const plan = planOf(fragment);
    expect(plan).toMatch(expected);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });

  it('the segment-filtered dashboard reads the segment level by its key', () => {
    expect(planOf('FROM rollup_segment_month WHERE month < ? AND segment IN')).toMatch(/SEARCH rollup_segment_month USING PRIMARY KEY \(segment=\? AND month<\?\)/);
  });

  it('a filter on one account-level dimension reads the dimension level by its key (issue 14)', () => {
    expect(planOf('SELECT segment, month, data FROM rollup_dimension_month', 'value IN')).toMatch(
      /SEARCH rollup_dimension_month USING PRIMARY KEY \(dimension=\? AND value=\? AND segment=\? AND month<\?\)/,
    );
  });

  it("filters on two account-level dimensions read the filtered accounts' rows by their key", () => {
    const plan = planOf('JOIN rollup_account_month r', 'a.region IN', 'a.owner IN');
    expect(plan).toMatch(/SEARCH r USING PRIMARY KEY \(account_id=\? AND month<\?\)/);
    expect(plan).not.toMatch(/SCAN r\b/);
  });

  it("an account page reads that account's rollups, answers and open tickets by index", () => {
    expect(planOf("SELECT '', month, data FROM rollup_account_month")).toMatch(/SEARCH rollup_account_month USING PRIMARY KEY \(account_id=\? AND month<\?\)/);
    expect(planOf('FROM survey_responses', 'ORDER BY responded_at DESC LIMIT')).toMatch(
      /SEARCH survey_responses USING INDEX survey_responses_account_time \(account_id=\? AND responded_at>\? AND responded_at<\?\)/,
    );
    expect(planOf('SELECT count(*) FROM tickets WHERE account_id = ? AND resolved_at IS NULL')).toMatch(/USING (COVERING )?INDEX tickets_unresolved \(account_id=\?\)/);
  });

  it('health reads current snapshots from the partial index, and history by account and time', () => {
    expect(planOf('FROM health_snapshots WHERE current = 1', 'model_version AS modelVersion, score, band')).toMatch(/health_snapshots USING INDEX health_snapshots_current/);
    // The trend's previous point and the calls to action's previous band (one query since both use snapshotBefore): by account and time.
    expect(planOf('SELECT score, band, taken_at AS takenAt', 'WHERE account_id = ? AND taken_at < ?')).toMatch(
      /SEARCH health_snapshots USING INDEX health_snapshots_account_time \(account_id=\? AND taken_at<\?\)/,
    );
    expect(planOf('GROUP BY account_id', 'resolved_at IS NULL')).toMatch(/tickets USING (COVERING )?INDEX tickets_unresolved/);
  });

  it('an account write finds its latest ARR level by index', () => {
    expect(planOf('FROM arr_changes WHERE account_id = ? ORDER BY changed_on DESC')).toMatch(/SEARCH arr_changes USING INDEX arr_changes_account_time \(account_id=\?\)/);
  });

  it('would notice a full scan (the check itself can fail)', () => {
    const plan = core.context.sqlite.prepare('EXPLAIN QUERY PLAN SELECT * FROM rollup_account_month WHERE month = 1').all() as { detail: string }[];
    expect(plan.map((r) => r.detail).join('\n')).toMatch(/^SCAN rollup_account_month/m);
  });
});
