import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainPaths } from '../../electron/core';
import { testCore, type TestCore } from '../fixtures/core';

// Issue 13: every shipped preset imports its sample file (made-up rows, the tool's real columns,
// tests/fixtures/import-presets/README.md) without a mapping: detection names the preset from the
// header, the commit uses it, and the stored rows are read back through the channels. The CRM files
// come first: the help-desk and survey files refer to their accounts and contacts.

const SAMPLES = join(import.meta.dirname, '../fixtures/import-presets');
const sample = (name: string) => join(SAMPLES, `${name}.csv`);

let core: TestCore;
beforeAll(async () => {
  core = await testCore(undefined, { files: plainPaths() });
});
afterAll(() => core.close());

const rows = (sql: string, ...params: unknown[]) => core.context.sqlite.prepare(sql).all(...params) as Record<string, unknown>[];

/** Detects the file's preset and imports it with nothing else: the whole of what a user does. */
async function importDetected(name: string) {
  const detected = await core.call('import.detect', { path: sample(name) });
  expect(detected.best?.name, `${name}: detected ${JSON.stringify(detected.candidates.slice(0, 3))}`).toBe(name);
  expect(detected.best!.confidence).toBeGreaterThanOrEqual(0.7);
  const result = await core.call('import.commit', { jobId: name, path: sample(name), into: detected.best!.into, preset: detected.best!.name });
  expect(result.problems, name).toEqual([]);
  expect(result.committed).toBe(true);
  return result;
}

const accountId = async (name: string) => (await core.call('accounts.list', { search: name })).rows.find((row) => row.name === name)!.id;
const customOf = async (recordKind: 'accounts' | 'tickets', recordId: number) =>
  Object.fromEntries((await core.call('customFields.values', { recordKind, recordId })).map((value) => [value.name, value.value]));

describe('each preset imports its sample file without a mapping', () => {
  it("salesforce-accounts: the Salesforce Id as external id, AnnualRevenue kept as a custom field (never as ARR), Type (a relationship, not a segment) as 'Account type'", async () => {
    expect((await importDetected('salesforce-accounts')).counts.inserts).toBe(3);
    const stored = rows(
      'SELECT name, external_id AS ext, segment, industry, region, employee_count AS employees, arr_minor AS arr FROM accounts WHERE external_id = ?',
      '0015g00000AbCdEAA1',
    );
    expect(stored[0]).toEqual({
      name: 'Northwind Traders',
      ext: '0015g00000AbCdEAA1',
      // Nothing in the export is a segment: none is stored (0010_segment_unknown), not an invented 'smb'.
      segment: null,
      industry: 'Retail',
      region: 'United States',
      employees: 820,
      arr: 0,
    });
    expect(await customOf('accounts', await accountId('Contoso Pharma'))).toEqual({ 'Annual revenue': 2_400_000_000, 'Account type': 'Customer - Channel', Rating: 'Warm' });
  });

  it('salesforce-contacts: first and last name joined, the account found by its Salesforce Id', async () => {
    await importDetected('salesforce-contacts');
    expect(
      rows('SELECT c.name, c.title, c.email, a.name AS account FROM contacts c JOIN accounts a ON a.id = c.account_id WHERE c.email = ?', 'sanne.devries@fabrikam.example')[0],
    ).toEqual({
      name: 'Sanne de Vries',
      title: 'Customer Success Lead',
      email: 'sanne.devries@fabrikam.example',
      account: 'Fabrikam Logistics',
    });
  });

  it("salesforce-opportunities: Salesforce's stages read as Fulcrum's", async () => {
    await importDetected('salesforce-opportunities');
    expect(rows('SELECT prospect, stage, amount_minor AS amount FROM deals ORDER BY prospect')).toEqual([
      { prospect: 'Contoso - Renewal 2026', stage: 'closed_won', amount: 31_000_000 },
      { prospect: 'Northwind - Expansion 200 seats', stage: 'negotiate', amount: 4_800_000 },
      { prospect: 'Tailspin Toys - New Business', stage: 'qualify', amount: 2_200_000 },
    ]);
  });

  it('hubspot-companies, -contacts and -deals', async () => {
    await importDetected('hubspot-companies');
    expect(await customOf('accounts', await accountId('Litware Inc'))).toEqual({ 'Annual revenue': 24_000_000, Domain: 'litware.example' });
    expect(rows("SELECT owner, region, employee_count AS employees FROM accounts WHERE external_id = '9876543212'")).toEqual([
      { owner: 'Maria Garcia', region: 'United Kingdom', employees: 95 },
    ]);
    await importDetected('hubspot-contacts');
    expect(rows("SELECT c.name, a.name AS account FROM contacts c JOIN accounts a ON a.id = c.account_id WHERE c.email = 'jonas.weber@litware.example'")).toEqual([
      { name: 'Jonas Weber', account: 'Litware Inc' },
    ]);
    await importDetected('hubspot-deals');
    expect(
      rows("SELECT stage FROM deals WHERE prospect LIKE 'Blue Yonder%' OR prospect LIKE 'Litware%' OR prospect LIKE 'Proseware%' ORDER BY prospect").map((r) => r.stage),
    ).toEqual(['negotiate', 'closed_won', 'qualify']);
  });

  it('gainsight-health: ARR, stage and renewal on the account; the scores as custom fields', async () => {
    await importDetected('gainsight-health');
    expect(rows("SELECT arr_minor AS arr, lifecycle_stage AS stage, renewal_date AS renewal, owner FROM accounts WHERE external_id = '1P02ABCDEF0002'")).toEqual([
      { arr: 9_600_000, stage: 'at_risk', renewal: '2026-09-14', owner: 'Elena Rossi' },
    ]);
    expect(await customOf('accounts', await accountId('Coho Winery'))).toEqual({
      'Health score': 66,
      'Health: product usage': 60,
      'Health: support': 72,
      'Health: relationship': 70,
      'Gainsight status': 'Active',
    });
  });

  it('zendesk-tickets: first reply from minutes, Via and Status read, satisfaction good/bad kept as a choice', async () => {
    await importDetected('zendesk-tickets');
    const stored = rows(
      "SELECT external_id AS ext, opened_at AS opened, first_response_at AS first, resolved_at AS resolved, channel, status, priority, csat FROM tickets WHERE external_id LIKE '1023%' ORDER BY external_id",
    );
    expect(stored[0]).toEqual({
      ext: '10231',
      opened: '2026-02-02T08:14:00.000Z',
      first: '2026-02-02T08:52:00.000Z',
      resolved: '2026-02-03T09:45:00.000Z',
      channel: 'self_service',
      status: 'solved',
      priority: 'normal',
      csat: null,
    });
    expect(stored.map((t) => [t.channel, t.status])).toEqual([
      ['self_service', 'solved'],
      ['email', 'pending'],
      ['phone', 'closed'],
    ]);
    const ticketId = rows("SELECT id FROM tickets WHERE external_id = '10233'")[0]!.id as number;
    expect(await customOf('tickets', ticketId)).toEqual({ Satisfaction: 'Bad', 'Ticket type': 'Question' });
    expect((await core.call('customFields.list', { recordKind: 'tickets' })).find((field) => field.name === 'Satisfaction')!.choices).toEqual(['Good', 'Offered', 'Bad']);
  });

  it('freshdesk-tickets, intercom-conversations and jira-service-management', async () => {
    await importDetected('freshdesk-tickets');
    expect(rows("SELECT status, priority, channel, topic FROM tickets WHERE external_id IN ('4501','4503') ORDER BY external_id")).toEqual([
      { status: 'solved', priority: 'normal', channel: 'self_service', topic: 'Incident' },
      { status: 'pending', priority: 'urgent', channel: 'phone', topic: 'Problem' },
    ]);
    await importDetected('intercom-conversations');
    expect(rows("SELECT status, csat, channel FROM tickets WHERE external_id LIKE '2154698321%' ORDER BY external_id")).toEqual([
      { status: 'closed', csat: 5, channel: 'chat' },
      { status: 'pending', csat: null, channel: 'email' },
      { status: 'closed', csat: 3, channel: 'chat' },
    ]);
    await importDetected('jira-service-management');
    expect(
      rows("SELECT t.status, t.priority, t.csat, a.name AS account FROM tickets t JOIN accounts a ON a.id = t.account_id WHERE t.external_id LIKE 'ITSM-%' ORDER BY t.external_id"),
    ).toEqual([
      { status: 'solved', priority: 'normal', csat: 5, account: 'Northwind Traders' },
      { status: 'open', priority: 'urgent', csat: null, account: 'Contoso Pharma' },
      { status: 'closed', priority: 'low', csat: 4, account: 'Fabrikam Logistics' },
    ]);
  });

  it.each([
    ['qualtrics-nps', ['Northwind Traders', 9, null], '2026-02-14T10:02:41.000Z'],
    ['surveymonkey-nps', ['Blue Yonder Airlines', 10, 'Support is excellent'], '2026-02-16T09:12:40.000Z'],
    ['typeform-nps', ['Northwind Traders', 9, 'Clean reports'], '2026-02-20T09:01:30.000Z'],
    ['google-forms-nps', ['Blue Yonder Airlines', 9, 'It shows exactly where to act'], '2026-02-22T09:15:02.000Z'],
    ['delighted-nps', ['Northwind Traders', 10, 'Love the health view'], '2026-02-24T08:30:12.000Z'],
  ] as const)('%s: the score column found, the account from the respondent', async (name, [account, score, comment], respondedAt) => {
    const before = rows('SELECT max(id) AS id FROM survey_responses')[0]!.id ?? 0;
    const result = await importDetected(name);
    expect(result.counts.inserts).toBe(3);
    const first = rows(
      'SELECT a.name AS account, s.kind, s.score, s.comment, s.responded_at AS respondedAt, s.contact_id IS NOT NULL AS hasContact FROM survey_responses s JOIN accounts a ON a.id = s.account_id WHERE s.id > ? ORDER BY s.responded_at LIMIT 1',
      before,
    );
    expect(first).toEqual([{ account, kind: 'nps', score, comment, respondedAt, hasContact: 1 }]);
  });
});
