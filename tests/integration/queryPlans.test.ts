// The heavy queries must use their indexes. The SQL is captured from the real query code
// (listRows, accountTimeline), so a change there that loses an index fails here.
import type { CompiledQuery, Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accountsTable, accountTimeline } from '../../electron/core/accounts/repo';
import { contactsTable } from '../../electron/core/contacts/repo';
import { listRows, type ListQuery } from '../../electron/core/crud/queries';
import { testCore, type TestCore } from '../fixtures/core';
import { queryPlan, recordingDb } from '../fixtures/queryPlans';

let core: TestCore;
let captured: CompiledQuery[];
let db: Kysely<any>;
let accountId: number;

beforeEach(async () => {
  core = await testCore();
  ({ db, captured } = recordingDb(core.context.sqlite));
  const segments = ['enterprise', 'mid_market', 'smb'];
  for (let i = 0; i < 30; i++) {
    const account = await core.call('accounts.create', { name: `Account ${i}`, segment: segments[i % 3], owner: `Owner ${i % 4}` });
    await core.call('contacts.create', { accountId: account.id, name: `Contact ${i}` });
    await core.call('touchpoints.create', { accountId: account.id, occurredAt: `2026-01-${String((i % 28) + 1).padStart(2, '0')}T00:00:00Z`, channel: 'email', kind: 'qbr' });
  }
  accountId = 1;
});
afterEach(() => core.close());

/** EXPLAIN QUERY PLAN of one captured query, as its detail lines. */
function plan(query: CompiledQuery): string[] {
  const lines = queryPlan(core.context.sqlite, query);
  expect(lines.length).toBeGreaterThan(0);
  return lines;
}

const list = (query: Partial<ListQuery>): ListQuery => ({ page: 1, pageSize: 50, includeArchived: false, ...query });

describe('query plans', () => {
  it('accounts filtered by segment and sorted by name read accounts_segment, in order', async () => {
    const page = await listRows(db, accountsTable, list({ filter: { segment: 'enterprise' }, sort: { field: 'name', direction: 'asc' } }));
    expect(page.total).toBe(10);
    expect(captured).toHaveLength(2);
    const [rows, count] = captured.map(plan) as [string[], string[]];
    expect(rows.join('\n')).toMatch(/SEARCH accounts USING INDEX accounts_segment \(segment=\?\)/);
    expect(rows.join('\n')).not.toMatch(/TEMP B-TREE/);
    expect(count.join('\n')).toMatch(/accounts USING (COVERING )?INDEX accounts_segment \(segment=\?\)/);
  });

  it('the timeline reads each table through its (account_id, time) index', async () => {
    await accountTimeline(db, accountId, { at: '9999-12-31T23:59:59.999Z', kind: 'ticket', id: 1 }, 101);
    expect(captured).toHaveLength(1);
    const detail = plan(captured[0]!).join('\n');
    expect(detail).toMatch(/SEARCH touchpoints USING INDEX touchpoints_account_time \(account_id=\? AND occurred_at<=?\?\)/);
    expect(detail).toMatch(/SEARCH tickets USING INDEX tickets_account_time \(account_id=\? AND opened_at<=?\?\)/);
    expect(detail).toMatch(/SEARCH survey_responses USING INDEX survey_responses_account_time \(account_id=\? AND responded_at<=?\?\)/);
    expect(detail).toMatch(/SEARCH deployments USING INDEX deployments_account \(account_id=\?\)/);
    expect(detail).not.toMatch(/SCAN (touchpoints|tickets|survey_responses|deployments)\b/);
  });

  it("an account's contacts read contacts_account", async () => {
    const page = await listRows(db, contactsTable, list({ filter: { accountId } }));
    expect(page.rows.map((row) => row.name)).toEqual(['Contact 0']);
    const [rows, count] = captured.map(plan) as [string[], string[]];
    expect(rows.join('\n')).toMatch(/SEARCH contacts USING INDEX contacts_account \(account_id=\?\)/);
    expect(count.join('\n')).toMatch(/contacts USING (COVERING )?INDEX contacts_account \(account_id=\?\)/);
  });

  it('would notice a full scan (the check itself can fail)', async () => {
    await listRows(db, accountsTable, list({ filter: { churnReason: 'price' } }));
    expect(plan(captured[0]!).join('\n')).toMatch(/^SCAN accounts/m);
  });
});
