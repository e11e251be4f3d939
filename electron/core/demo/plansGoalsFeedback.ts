// Issue 17 in the demo: success plans on accounts with measured outcomes, goals for this quarter
// and the last, and product feedback captured from answers, tickets and touchpoints, merged into
// requests. Written after the rows, from them, by id order: the same workspace gives the same result.

import type Database from 'better-sqlite3';
import { addMonths } from '../../../shared/dates';
import { DAY } from './time';

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const REQUESTS = [
  { title: 'Single sign-on with SAML and Okta', product: 'Platform', feature: 'SSO', status: 'planned' },
  { title: 'Audit log export', product: 'Platform', feature: 'Audit log', status: 'open' },
  { title: 'Two-way Salesforce sync', product: 'Integrations', feature: 'Salesforce', status: 'open' },
  { title: 'Custom dashboards', product: 'Analytics', feature: 'Dashboards', status: 'open' },
  { title: 'Bulk user import', product: 'Admin', feature: 'Users', status: 'shipped' },
  { title: 'Offline mobile app', product: 'Mobile', feature: null, status: 'declined' },
] as const;

const ASKS = [
  'We need SSO before the security review',
  'Please let us export the audit log',
  'Our sales team wants Salesforce updated both ways',
  'We want our own dashboards for the board',
  'Adding users one by one takes hours',
  'Field staff need it without a connection',
];

/**
 * Up to `n` of a table's rows spread over its matching rows in id order: every step-th from the
 * first, step = matches / n. Only ids are scanned, a row at a time, then the `n` rows read by id: at
 * 100,000 accounts the tables hold 10 million tickets, and reading them all to keep 60 took 1.7 GB.
 */
function spread<T>(sqlite: Database.Database, table: string, where: string, columns: string, n: number): T[] {
  const matches = sqlite.prepare(`SELECT count(*) FROM ${table} WHERE ${where}`).pluck().get() as number;
  const step = Math.max(1, Math.floor(matches / n));
  const ids: number[] = [];
  let i = 0;
  for (const id of sqlite.prepare(`SELECT id FROM ${table} WHERE ${where} ORDER BY id`).pluck().iterate() as IterableIterator<number>) {
    if (i++ % step === 0 && ids.push(id) === n) break;
  }
  const row = sqlite.prepare(`SELECT ${columns} FROM ${table} WHERE id = ?`);
  return ids.map((id) => row.get(id) as T);
}

export function writeDemoPlansGoalsFeedback(sqlite: Database.Database, today: number): void {
  const stamp = new Date(today).toISOString();
  const todayText = day(today);
  sqlite.transaction(() => {
    // Plans: accounts with measured outcomes, up to 12, each objective tied to an outcome.
    type Outcome = { id: number; accountId: number; metric: string; baseline: number; achieved: number; unit: string | null; owner: string | null };
    const outcomes = sqlite.prepare(
      `SELECT o.id, o.account_id AS accountId, o.metric, o.baseline, o.achieved, o.unit, a.owner
         FROM outcomes o JOIN accounts a ON a.id = o.account_id
        WHERE o.archived_at IS NULL AND a.churned_at IS NULL AND o.baseline IS NOT NULL AND o.achieved IS NOT NULL
        ORDER BY o.account_id, o.id`,
    );
    // The first twelve accounts' outcomes, read until a thirteenth account starts (not every account's).
    const byAccount = new Map<number, Outcome[]>();
    for (const o of outcomes.iterate() as IterableIterator<Outcome>) {
      const list = byAccount.get(o.accountId);
      if (list) list.push(o);
      else if (byAccount.size === 12) break;
      else byAccount.set(o.accountId, [o]);
    }
    const plan = sqlite.prepare(
      `INSERT INTO success_plans (account_id, title, owner, status, start_date, due_date, notes, created_at, updated_at) VALUES (?, ?, ?, 'active', ?, ?, ?, ?, ?)`,
    );
    const objective = sqlite.prepare(
      `INSERT INTO plan_objectives (plan_id, outcome_id, title, baseline, target, current, unit, due_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const milestone = sqlite.prepare(`INSERT INTO plan_milestones (plan_id, title, due_date, done_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`);
    let n = 0;
    for (const [accountId, list] of byAccount) {
      if (n >= 12) break;
      const planId = Number(
        plan.run(
          accountId,
          `Value plan ${todayText.slice(0, 4)}`,
          list[0]!.owner,
          day(today - 90 * DAY),
          day(today + 180 * DAY),
          'Agreed at the last business review.',
          stamp,
          stamp,
        ).lastInsertRowid,
      );
      for (const o of list.slice(0, 2)) {
        // The target goes a quarter further than what was achieved so far, in the same direction.
        const target = Math.round((o.baseline + (o.achieved - o.baseline) * 1.25) * 100) / 100;
        objective.run(planId, o.id, o.metric, o.baseline, target, null, o.unit, day(today + 120 * DAY), stamp, stamp);
      }
      objective.run(planId, null, 'Weekly active users', 20, 100, 20 + ((accountId * 7) % 70), 'users', day(today + 180 * DAY), stamp, stamp);
      milestone.run(planId, 'Kick-off with the sponsor', day(today - 85 * DAY), day(today - 84 * DAY), stamp, stamp);
      milestone.run(planId, 'Phase 2 go-live', day(today - 10 * DAY), n % 2 === 0 ? day(today - 12 * DAY) : null, stamp, stamp);
      milestone.run(planId, 'Executive business review', day(today + 30 * DAY), null, stamp, stamp);
      n += 1;
    }

    // Goals for this quarter (and NPS for the last), for the whole book and one segment.
    const month = Number(todayText.slice(5, 7));
    const quarterStart = `${todayText.slice(0, 4)}-${String(month - ((month - 1) % 3)).padStart(2, '0')}-01`;
    const next = addMonths(quarterStart, 3);
    const previous = addMonths(quarterStart, -3);
    const goal = sqlite.prepare(`INSERT INTO goals (kpi, period_start, period_end, segment, owner, target, note, created_at, updated_at) VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?)`);
    for (const [kpi, target, segment, from, to] of [
      ['nps', 30, null, quarterStart, next],
      ['nps', 40, 'enterprise', quarterStart, next],
      ['csat', 85, null, quarterStart, next],
      ['first_response_median', 240, null, quarterStart, next],
      ['renewal_rate', 85, null, quarterStart, next],
      ['nrr', 100, null, quarterStart, next],
      ['nps', 25, null, previous, quarterStart],
    ] as const) {
      goal.run(kpi, from, to, segment, target, 'Set at the quarterly planning.', stamp, stamp);
    }

    // Feedback: requests, then items from answers' comments, tickets and business reviews.
    const request = sqlite.prepare(
      `INSERT INTO feedback_requests (title, description, product, feature, status, shipped_at, created_at, updated_at) VALUES (?, NULL, ?, ?, ?, ?, ?, ?)`,
    );
    const requestIds = REQUESTS.map((r) =>
      Number(request.run(r.title, r.product, r.feature, r.status, r.status === 'shipped' ? day(today - 20 * DAY) : null, stamp, stamp).lastInsertRowid),
    );
    const item = sqlite.prepare(
      `INSERT INTO feedback_items (account_id, contact_id, request_id, kind, source, ticket_id, survey_response_id, touchpoint_id, product, feature, text, captured_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const linkOf = (i: number) => (i % 5 === 4 ? null : i % REQUESTS.length);
    const answers = spread<{ id: number; accountId: number; contactId: number | null; kind: string; score: number; comment: string; at: string }>(
      sqlite,
      'survey_responses',
      `comment IS NOT NULL AND kind IN ('nps','csat') AND score IS NOT NULL AND archived_at IS NULL`,
      'id, account_id AS accountId, contact_id AS contactId, kind, score, comment, responded_at AS at',
      120,
    );
    answers.forEach((a, i) => {
      const praise = (a.kind === 'nps' && a.score >= 9) || (a.kind === 'csat' && a.score >= 5);
      const r = praise ? null : linkOf(i);
      const about = REQUESTS[r ?? i % REQUESTS.length]!;
      item.run(
        a.accountId,
        a.contactId,
        r === null ? null : requestIds[r],
        praise ? 'praise' : 'feature_request',
        'survey',
        null,
        a.id,
        null,
        about.product,
        about.feature,
        a.comment,
        a.at.slice(0, 10),
        stamp,
        stamp,
      );
    });
    const tickets = spread<{ id: number; accountId: number; contactId: number | null; subject: string; at: string }>(
      sqlite,
      'tickets',
      'subject IS NOT NULL AND archived_at IS NULL',
      'id, account_id AS accountId, contact_id AS contactId, subject, opened_at AS at',
      60,
    );
    tickets.forEach((t, i) => {
      const r = linkOf(i + 2);
      const about = REQUESTS[r ?? i % REQUESTS.length]!;
      item.run(
        t.accountId,
        t.contactId,
        r === null ? null : requestIds[r],
        'problem',
        'ticket',
        t.id,
        null,
        null,
        about.product,
        about.feature,
        t.subject,
        t.at.slice(0, 10),
        stamp,
        stamp,
      );
    });
    const reviews = spread<{ id: number; accountId: number; contactId: number | null; at: string }>(
      sqlite,
      'touchpoints',
      `kind = 'qbr' AND archived_at IS NULL`,
      'id, account_id AS accountId, contact_id AS contactId, occurred_at AS at',
      40,
    );
    reviews.forEach((t, i) => {
      const r = i % REQUESTS.length;
      item.run(
        t.accountId,
        t.contactId,
        requestIds[r],
        'feature_request',
        'touchpoint',
        null,
        null,
        t.id,
        REQUESTS[r]!.product,
        REQUESTS[r]!.feature,
        ASKS[r],
        t.at.slice(0, 10),
        stamp,
        stamp,
      );
    });
  })();
}
