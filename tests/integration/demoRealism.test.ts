// The demo must look like a real company's data, because people judge the product by it and the
// metrics are tested on it: each check here fails if the latent-health model stops driving the
// numbers the way real accounts behave. Run at the default size (300 accounts, seed 1).
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoWorkspace, type DemoSummary } from '../../electron/core/demo';
import { tempWorkspacePath } from '../fixtures/core';

let demo: DemoSummary;
let sqlite: Database.Database;
const one = <T>(sql: string): T => sqlite.prepare(sql).get() as T;
const all = <T>(sql: string): T[] => sqlite.prepare(sql).all() as T[];

beforeAll(async () => {
  // A fixed "today": the demo's default is the real day, and the bounds below are dates.
  demo = await generateDemoWorkspace(tempWorkspacePath(), { today: '2026-11-01' });
  sqlite = new Database(demo.path, { readonly: true });
});
afterAll(() => sqlite.close());

describe('demo realism (300 accounts)', () => {
  it('has the volumes of a real support organisation, about 100 tickets per account', () => {
    const per = (table: string) => demo.counts[table as keyof typeof demo.counts] / demo.accounts;
    expect(per('tickets')).toBeGreaterThan(85);
    expect(per('tickets')).toBeLessThan(115);
    expect(per('survey_responses')).toBeGreaterThan(20);
    expect(per('survey_responses')).toBeLessThan(32);
    expect(per('touchpoints')).toBeGreaterThan(7);
    expect(per('touchpoints')).toBeLessThan(14);
  });

  it('scores NPS around +20 to +40 and CSAT around 75-85 %', () => {
    const nps = one<{ nps: number }>(`SELECT 100.0 * (sum(score >= 9) - sum(score <= 6)) / count(*) AS nps FROM survey_responses WHERE kind = 'nps'`);
    expect(nps.nps).toBeGreaterThan(20);
    expect(nps.nps).toBeLessThan(40);
    const csat = one<{ csat: number }>(`SELECT 100.0 * sum(score >= 4) / count(*) AS csat FROM survey_responses WHERE kind = 'csat'`);
    expect(csat.csat).toBeGreaterThan(75);
    expect(csat.csat).toBeLessThan(85);
    // A few NSAT answers are "don't know" / "not applicable" rather than a score.
    const nsat = one<{ non: number; n: number }>(`SELECT sum(non_answer IS NOT NULL) AS non, count(*) AS n FROM survey_responses WHERE kind = 'nsat'`);
    expect(nsat.non).toBeGreaterThan(0);
    expect(nsat.non / nsat.n).toBeLessThan(0.1);
  });

  it('has churned accounts, marked as such, that were less satisfied and filed more tickets', () => {
    const churned = all<{ id: number }>(`SELECT id FROM accounts WHERE lifecycle_stage = 'churned' AND churned_at IS NOT NULL AND churn_reason IS NOT NULL`);
    expect(churned.length / demo.accounts).toBeGreaterThan(0.04);
    expect(churned.length / demo.accounts).toBeLessThan(0.2);
    expect(one<{ n: number }>(`SELECT count(*) AS n FROM accounts WHERE (lifecycle_stage = 'churned') <> (churned_at IS NOT NULL)`).n).toBe(0);

    const groups = all<{ churned: number; nps: number; ticketsPerAccount: number; slowFirstResponse: number }>(`
      SELECT a.churned_at IS NOT NULL AS churned,
        (SELECT avg(s.score) FROM survey_responses s JOIN accounts b ON b.id = s.account_id
          WHERE s.kind = 'nps' AND (b.churned_at IS NOT NULL) = (a.churned_at IS NOT NULL)) AS nps,
        1.0 * (SELECT count(*) FROM tickets t JOIN accounts b ON b.id = t.account_id
          WHERE (b.churned_at IS NOT NULL) = (a.churned_at IS NOT NULL)) / count(*) AS ticketsPerAccount,
        (SELECT avg(julianday(t.first_response_at) - julianday(t.opened_at)) FROM tickets t JOIN accounts b ON b.id = t.account_id
          WHERE (b.churned_at IS NOT NULL) = (a.churned_at IS NOT NULL)) AS slowFirstResponse
      FROM accounts a GROUP BY 1 ORDER BY 1`);
    const [retained, lost] = groups;
    expect(lost!.nps).toBeLessThan(retained!.nps - 0.7);
    expect(lost!.ticketsPerAccount).toBeGreaterThan(retained!.ticketsPerAccount * 1.2);
    expect(lost!.slowFirstResponse).toBeGreaterThan(retained!.slowFirstResponse);

    // Their projects stalled or were cancelled far more often.
    const stalled = all<{ churned: number; share: number }>(`
      SELECT a.churned_at IS NOT NULL AS churned, avg(d.status IN ('stalled', 'cancelled')) AS share
      FROM deployments d JOIN accounts a ON a.id = d.account_id WHERE d.status <> 'planned' GROUP BY 1 ORDER BY 1`);
    expect(stalled[1]!.share).toBeGreaterThan(stalled[0]!.share * 2);
  });

  it('has promoters whose deployments went live, mostly on time', () => {
    const promoters = one<{ n: number; live: number; onTime: number }>(`
      WITH promoters AS (SELECT account_id FROM survey_responses WHERE kind = 'nps' GROUP BY account_id HAVING avg(score) >= 9)
      SELECT count(*) AS n, avg(status = 'live') AS live,
        avg(CASE WHEN status = 'live' THEN actual_go_live <= date(planned_go_live, '+7 days') END) AS onTime
      FROM deployments WHERE account_id IN promoters AND status <> 'planned'`);
    expect(promoters.n).toBeGreaterThan(30);
    expect(promoters.live).toBeGreaterThan(0.8);
    expect(promoters.onTime).toBeGreaterThan(0.7);
  });

  it('keeps ticket times in order, with slower answers for lower priorities and a live backlog', () => {
    expect(one<{ n: number }>(`SELECT count(*) AS n FROM tickets WHERE first_response_at < opened_at OR resolved_at < first_response_at`).n).toBe(0);
    expect(one<{ n: number }>(`SELECT count(*) AS n FROM tickets WHERE (resolved_at IS NULL) <> (status IN ('open', 'pending'))`).n).toBe(0);
    const open = one<{ n: number }>(`SELECT count(*) AS n FROM tickets WHERE status IN ('open', 'pending')`).n;
    expect(open).toBeGreaterThan(20);
    const hours = (priority: string) =>
      one<{ h: number }>(`SELECT avg((julianday(first_response_at) - julianday(opened_at)) * 24) AS h FROM tickets WHERE priority = '${priority}'`).h;
    expect(hours('urgent')).toBeLessThan(hours('high'));
    expect(hours('high')).toBeLessThan(hours('normal'));
    expect(hours('normal')).toBeLessThan(hours('low'));
  });

  it('keeps everything inside the two years before "today"', () => {
    const bounds = one<{ first: string; last: string }>(`
      SELECT min(t) AS first, max(t) AS last FROM (
        SELECT opened_at AS t FROM tickets UNION ALL SELECT resolved_at FROM tickets WHERE resolved_at IS NOT NULL
        UNION ALL SELECT responded_at FROM survey_responses UNION ALL SELECT occurred_at FROM touchpoints)`);
    expect(bounds.first >= '2024-11-01').toBe(true);
    expect(bounds.last < '2026-11-01').toBe(true);
  });

  it('runs a reference programme that pays off: deals with a reference are won more often', () => {
    expect(demo.counts.references).toBeGreaterThan(15);
    const stages = all<{ stage: string }>(`SELECT DISTINCT stage FROM success_stories`);
    expect(stages.length).toBeGreaterThanOrEqual(4);
    const winRate = all<{ withReference: number; rate: number }>(`
      SELECT EXISTS (SELECT 1 FROM reference_requests r WHERE r.deal_id = d.id) AS withReference, avg(stage = 'closed_won') AS rate
      FROM deals d WHERE stage IN ('closed_won', 'closed_lost') GROUP BY 1 ORDER BY 1`);
    expect(winRate[1]!.rate).toBeGreaterThan(winRate[0]!.rate + 0.1);
    // Requests only use activities the contact consented to (a reference call always is).
    expect(
      one<{ n: number }>(`
      SELECT count(*) AS n FROM reference_requests q JOIN "references" r ON r.id = q.reference_id
      WHERE NOT EXISTS (SELECT 1 FROM consents c WHERE c.contact_id = r.contact_id AND c.activity = q.activity)`).n,
    ).toBe(0);
  });

  it('maps the journey from awareness to advocacy, with measurable targets', () => {
    const stages = all<{ name: string }>(`SELECT name FROM journey_stages ORDER BY position`).map((s) => s.name);
    expect(stages).toEqual(['Aware', 'Evaluate', 'Buy', 'Onboard', 'Implement', 'Adopt', 'Get support', 'Renew', 'Advocate']);
    expect(one<{ n: number }>(`SELECT count(*) AS n FROM journey_touchpoints WHERE target_metric IS NOT NULL AND is_moment_of_truth = 1`).n).toBeGreaterThan(3);
    expect(one<{ n: number }>(`SELECT count(*) AS n FROM touchpoints WHERE journey_touchpoint_id IS NOT NULL`).n).toBeGreaterThan(demo.counts.touchpoints / 2);
  });
});
