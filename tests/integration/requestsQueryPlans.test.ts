// The requests log and a reference's detail must read their indexes, not scan every request.
// The SQL is captured from the real query code (requests/repo.ts, references/repo.ts).
import type { CompiledQuery, Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { consentsOfContact } from '../../electron/core/references/repo';
import { listRequests, recentRequestsOf } from '../../electron/core/requests/repo';
import { FIXED_NOW, testCore, type TestCore } from '../fixtures/core';
import { queryPlan, recordingDb } from '../fixtures/queryPlans';

let core: TestCore;
let captured: CompiledQuery[];
let db: Kysely<any>;

beforeEach(async () => {
  core = await testCore();
  ({ db, captured } = recordingDb(core.context.sqlite));
  // A programme that has run for a while: 50 references, many closed requests and a few open ones.
  const references: number[] = [];
  for (let i = 0; i < 50; i++) {
    const account = await core.call('accounts.create', { name: `Account ${i}` });
    const contact = await core.call('contacts.create', { accountId: account.id, name: `Contact ${i}` });
    references.push((await core.call('references.create', { accountId: account.id, contactId: contact.id, by: 'Sam' })).id);
  }
  const insert = core.context.sqlite.prepare(
    `INSERT INTO reference_requests (reference_id, requester, activity, requested_at, status, created_at, updated_at)
     VALUES (?, 'Ria', 'reference_call', ?, ?, ?, ?)`,
  );
  for (let i = 0; i < 2000; i++) {
    const at = new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString();
    insert.run(references[i % references.length], at, i % 200 === 0 ? 'requested' : 'completed', at, at);
  }
  core.context.sqlite.exec('ANALYZE');
});
afterEach(() => core.close());

function plan(query: CompiledQuery): string {
  const lines = queryPlan(core.context.sqlite, query);
  expect(lines.length).toBeGreaterThan(0);
  return lines.join('\n');
}

describe('reference programme query plans', () => {
  it('the open requests read reference_requests_status', async () => {
    const page = await listRequests(db, { page: 1, pageSize: 50, includeArchived: false, openOnly: true }, { now: FIXED_NOW, slaDays: 3 });
    expect(page.total).toBe(10);
    const [rows, count] = captured.map(plan) as [string, string];
    expect(rows).toMatch(/SEARCH q USING INDEX reference_requests_status \(status=\?\)/);
    expect(count).toMatch(/SEARCH q USING (COVERING )?INDEX reference_requests_status \(status=\?\)/);
  });

  it("a reference's latest requests read reference_requests_reference in order", async () => {
    expect(await recentRequestsOf(db, 1, { now: FIXED_NOW, slaDays: 3 })).toHaveLength(20);
    const detail = plan(captured[0]!);
    expect(detail).toMatch(/SEARCH q USING INDEX reference_requests_reference \(reference_id=\?\)/);
    expect(detail).not.toMatch(/TEMP B-TREE/);
  });

  it("a contact's consents read consents_contact", async () => {
    await consentsOfContact(db, 1, FIXED_NOW.toISOString());
    expect(plan(captured[0]!)).toMatch(/SEARCH consents USING INDEX consents_contact \(contact_id=\?\)/);
  });
});
