import type Database from 'better-sqlite3';
import type { ReferenceStage } from '../../../shared/contract/references';
import { stmt } from '../db/sql';
import { localDay, type Ask } from './fatigue';
import type { Consent, ConsentRule } from './gates';
import type { ReadinessInputs } from './readiness';
import { ASK_STATUSES, type ReferenceActivity } from './types';

// The only SQL of the leverage domain. Reads the tables directly (references, consents and
// requests belong to the references domain; this one only reads them), in bulk: a handful of
// grouped scans serve 20,000 accounts. An `accountId` narrows each query to one account.

export interface AccountRow {
  id: number;
  name: string;
  segment: string;
  industry: string | null;
  region: string | null;
  owner: string | null;
  employeeCount: number | null;
  contractStart: string | null;
}

export interface ReferenceRow {
  id: number;
  accountId: number;
  contactId: number | null;
  contactName: string | null;
  /** The table's CHECK allows only the program's stages. */
  stage: ReferenceStage;
  usageLimit: number | null;
}

export interface DealRow {
  id: number;
  accountId: number | null;
  prospect: string;
  industry: string | null;
  segment: string | null;
  region: string | null;
  employeeCount: number | null;
  products: string[];
  useCase: string | null;
  competitor: string | null;
  amountMinor: number;
  currency: string;
  stage: string;
  openedAt: string;
  closedAt: string | null;
}

export interface RequestRow {
  id: number;
  referenceId: number;
  dealId: number | null;
  activity: ReferenceActivity;
  status: string;
  requestedAt: string;
  scheduledFor: string | null;
  completedAt: string | null;
}

const one = (accountId: number | undefined, column: string) => (accountId === undefined ? '' : ` AND ${column} = ${Number(accountId)}`);
const ASKED = ASK_STATUSES.map((s) => `'${s}'`).join(',');

/** Current customers (not archived, not churned); `former` includes the others (one account's page). */
export function loadAccounts(sqlite: Database.Database, accountId?: number, former = false): AccountRow[] {
  return stmt<AccountRow>(
    sqlite,
    `SELECT id, name, coalesce(segment, '') AS segment, industry, region, owner, employee_count AS employeeCount, contract_start AS contractStart
    FROM accounts WHERE ${former ? '1' : 'archived_at IS NULL AND churned_at IS NULL'}${one(accountId, 'id')} ORDER BY id`,
  ).all();
}

/** References that are not archived, newest first per account. */
export function loadReferences(sqlite: Database.Database, accountId?: number): ReferenceRow[] {
  return stmt<ReferenceRow>(
    sqlite,
    `SELECT r.id, r.account_id AS accountId, r.contact_id AS contactId, c.name AS contactName, r.stage,
      r.usage_limit_per_quarter AS usageLimit
    FROM "references" r LEFT JOIN contacts c ON c.id = r.contact_id
    WHERE r.archived_at IS NULL${one(accountId, 'r.account_id')} ORDER BY r.account_id, r.id DESC`,
  ).all();
}

/** Every consent of the given contacts (all when none given), by contact. */
export function loadConsents(sqlite: Database.Database): Map<number, Consent[]> {
  const rows = stmt<Omit<Consent, 'rules'> & { contactId: number; rules: string }>(
    sqlite,
    `SELECT contact_id AS contactId, activity, granted_at AS grantedAt, expires_at AS expiresAt,
      revoked_at AS revokedAt, restrictions, rules FROM consents`,
  ).all();
  const byContact = new Map<number, Consent[]>();
  for (const { contactId, rules, ...row } of rows) {
    const list = byContact.get(contactId) ?? [];
    list.push({ ...row, rules: parseRules(rules) });
    byContact.set(contactId, list);
  }
  return byContact;
}

/** Rules as stored; anything that is not a known rule is ignored (the references contract validates writes). */
function parseRules(text: string): ConsentRule[] {
  try {
    const value = JSON.parse(text) as unknown;
    return Array.isArray(value)
      ? value.filter((r): r is ConsentRule => typeof r === 'object' && r !== null && ['regionsOnly', 'excludeIndustries', 'excludeProspects'].includes((r as ConsentRule).kind))
      : [];
  } catch {
    return [];
  }
}

/** Every ask of every contact (requests of any reference of that contact), by contact. */
export function loadAsks(sqlite: Database.Database, timeZone = 'UTC'): Map<number, Ask[]> {
  const rows = stmt<{ contactId: number; activity: ReferenceActivity; at: string; completed: number }>(
    sqlite,
    `SELECT r.contact_id AS contactId, q.activity, coalesce(q.completed_at, q.scheduled_for, q.requested_at) AS at,
      q.status = 'completed' AS completed
    FROM reference_requests q JOIN "references" r ON r.id = q.reference_id
    WHERE r.contact_id IS NOT NULL AND q.status IN (${ASKED})`,
  ).all();
  const byContact = new Map<number, Ask[]>();
  for (const row of rows) {
    const list = byContact.get(row.contactId) ?? [];
    // The day it counts on, in the workspace's zone (fatigue counts local days).
    list.push({ activity: row.activity, at: row.at, completed: row.completed === 1, day: localDay(row.at, timeZone) });
    byContact.set(row.contactId, list);
  }
  return byContact;
}

/** The current health score per account. */
/** A reference's matching profile, derived: products of live deployments, use cases and competitors of won deals. */
export function loadProfiles(sqlite: Database.Database): Map<number, { products: string[]; useCases: string[]; competitors: string[] }> {
  const profiles = new Map<number, { products: string[]; useCases: string[]; competitors: string[] }>();
  const get = (id: number) => {
    let p = profiles.get(id);
    if (!p) profiles.set(id, (p = { products: [], useCases: [], competitors: [] }));
    return p;
  };
  const products = stmt<[number, string]>(sqlite, `SELECT DISTINCT account_id, product FROM deployments WHERE status = 'live' AND archived_at IS NULL`).raw(true).all();
  for (const [id, product] of products) get(id).products.push(product);
  const won = stmt<[number, string | null, string | null]>(
    sqlite,
    `SELECT account_id, use_case, competitor FROM deals
    WHERE stage = 'closed_won' AND account_id IS NOT NULL AND archived_at IS NULL`,
  )
    .raw(true)
    .all();
  for (const [id, useCase, competitor] of won) {
    const p = get(id);
    if (useCase && !p.useCases.includes(useCase)) p.useCases.push(useCase);
    if (competitor && !p.competitors.includes(competitor)) p.competitors.push(competitor);
  }
  return profiles;
}

/** Readiness inputs of current customers; surveys over the 12 months up to `now`. */
export function loadReadinessInputs(sqlite: Database.Database, now: Date, accountId?: number, former = false): Map<number, Omit<ReadinessInputs, 'asks' | 'askBudget'>> {
  const since = new Date(now);
  since.setUTCFullYear(since.getUTCFullYear() - 1);
  const deployments = new Map(
    stmt<number[]>(
      sqlite,
      `SELECT account_id, count(*), sum(status = 'live'),
      sum(status = 'live' AND planned_go_live IS NOT NULL AND actual_go_live IS NOT NULL),
      sum(status = 'live' AND planned_go_live IS NOT NULL AND actual_go_live IS NOT NULL AND substr(actual_go_live, 1, 10) <= substr(planned_go_live, 1, 10)),
      sum(CASE WHEN licences_used IS NOT NULL AND licences_purchased IS NOT NULL THEN licences_used END),
      sum(CASE WHEN licences_used IS NOT NULL AND licences_purchased IS NOT NULL THEN licences_purchased END)
    FROM deployments WHERE archived_at IS NULL AND status <> 'cancelled'${one(accountId, 'account_id')} GROUP BY account_id`,
    )
      .raw(true)
      .all()
      .map(([id, total, live, liveWithPlan, onTime, used, purchased]) => [
        id!,
        { total: total!, live: live!, liveWithPlan: liveWithPlan!, onTime: onTime!, used: used ?? null, purchased: purchased ?? null },
      ]),
  );
  const surveys = new Map(
    stmt<number[]>(
      sqlite,
      `SELECT account_id,
      sum(kind = 'nps'), sum(kind = 'nps' AND score >= 9), sum(kind = 'nps' AND score <= 6),
      sum(kind = 'csat'), sum(kind = 'csat' AND score >= 4),
      sum(kind = 'nsat' AND score IS NOT NULL), sum(kind = 'nsat' AND score = 1), sum(kind = 'nsat' AND score >= 3),
      sum(kind = 'repurchase'), sum(CASE WHEN kind = 'repurchase' THEN score ELSE 0 END)
    FROM survey_responses WHERE archived_at IS NULL AND score IS NOT NULL AND responded_at > ? AND responded_at <= ?${one(accountId, 'account_id')}
    GROUP BY account_id`,
    )
      .raw(true)
      .all(since.toISOString(), now.toISOString())
      .map(([id, npsN, promoters, detractors, csatN, csatTop2, nsatN, nsatVery, nsatDissatisfied, repurchaseN, repurchaseSum]) => [
        id!,
        {
          npsN: npsN!,
          promoters: promoters!,
          detractors: detractors!,
          csatN: csatN!,
          csatTop2: csatTop2!,
          nsatN: nsatN!,
          nsatVery: nsatVery!,
          nsatDissatisfied: nsatDissatisfied!,
          repurchaseN: repurchaseN!,
          repurchaseSum: repurchaseSum!,
        },
      ]),
  );
  const last = new Map(
    stmt<[number, string]>(
      sqlite,
      `SELECT account_id, max(occurred_at) FROM touchpoints WHERE archived_at IS NULL AND occurred_at <= ?${one(accountId, 'account_id')} GROUP BY account_id`,
    )
      .raw(true)
      .all(now.toISOString()),
  );
  const champions = new Set(
    stmt<number>(sqlite, `SELECT DISTINCT account_id FROM contacts WHERE is_champion = 1 AND archived_at IS NULL${one(accountId, 'account_id')}`)
      .pluck()
      .all(),
  );

  const noDeployments = { total: 0, live: 0, liveWithPlan: 0, onTime: 0, used: null, purchased: null };
  const noSurveys = { npsN: 0, promoters: 0, detractors: 0, csatN: 0, csatTop2: 0, nsatN: 0, nsatVery: 0, nsatDissatisfied: 0, repurchaseN: 0, repurchaseSum: 0 };
  const out = new Map<number, Omit<ReadinessInputs, 'asks' | 'askBudget'>>();
  for (const account of loadAccounts(sqlite, accountId, former)) {
    out.set(account.id, {
      accountId: account.id,
      contractStart: account.contractStart,
      deployments: deployments.get(account.id) ?? noDeployments,
      surveys: surveys.get(account.id) ?? noSurveys,
      lastTouchpointAt: last.get(account.id) ?? null,
      hasChampion: champions.has(account.id),
    });
  }
  return out;
}

const DEAL_COLUMNS = `id, account_id AS accountId, prospect, industry, segment, region, employee_count AS employeeCount, products,
  use_case AS useCase, competitor, amount_minor AS amountMinor, currency, stage, opened_at AS openedAt, closed_at AS closedAt`;
const parseDeal = (row: Omit<DealRow, 'products'> & { products: string }): DealRow => ({ ...row, products: JSON.parse(row.products) as string[] });

export function loadDeal(sqlite: Database.Database, id: number): DealRow | undefined {
  const row = stmt<Omit<DealRow, 'products'> & { products: string }>(sqlite, `SELECT ${DEAL_COLUMNS} FROM deals WHERE id = ?`).get(id);
  return row && parseDeal(row);
}

/** Deals not archived; `open` only the ones still open. */
export function loadDeals(sqlite: Database.Database, open = false): DealRow[] {
  const rows = stmt<Omit<DealRow, 'products'> & { products: string }>(
    sqlite,
    `SELECT ${DEAL_COLUMNS} FROM deals WHERE archived_at IS NULL${open ? ` AND closed_at IS NULL AND stage NOT IN ('closed_won','closed_lost')` : ''}`,
  ).all();
  return rows.map(parseDeal);
}

export function loadRequests(sqlite: Database.Database): RequestRow[] {
  return stmt<RequestRow>(
    sqlite,
    `SELECT id, reference_id AS referenceId, deal_id AS dealId, activity, status, requested_at AS requestedAt,
      scheduled_for AS scheduledFor, completed_at AS completedAt FROM reference_requests`,
  ).all();
}
