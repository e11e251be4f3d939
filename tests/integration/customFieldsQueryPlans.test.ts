// Issue 13: a custom-field filter of the accounts table at 20,000 accounts finds the field's
// matching values through an index, once per query (a list subquery), never a lookup per account.
// The SQL is captured from the real query code (accountTable, listRows).
import { join } from 'node:path';
import type { CompiledQuery, Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainPaths } from '../../electron/core';
import { accountTable } from '../../electron/core/accounts/table';
import { contactsTable } from '../../electron/core/contacts/repo';
import { listRows } from '../../electron/core/crud/queries';
import { ensureField, upsertValueStatement } from '../../electron/core/customFields/repo';
import type { ParsedInput } from '../../shared/contract';
import type { CustomCondition } from '../../shared/contract/customFields';
import { FIXED_NOW, testCore, type TestCore } from '../fixtures/core';
import { capturePrepared, planOfPrepared, queryPlan, recordingDb } from '../fixtures/queryPlans';

const ACCOUNTS = 20_000;
let core: TestCore;
let captured: CompiledQuery[];
let db: Kysely<any>;
let seats: number;
let plan: number;
let language: number;

beforeAll(async () => {
  core = await testCore(undefined, { files: plainPaths() });
  const { sqlite } = core.context;
  // Rows written directly: this test is about the read's plan, not how the rows got there.
  sqlite.transaction(() => {
    const stamp = FIXED_NOW.toISOString();
    const account = sqlite.prepare('INSERT INTO accounts (name, segment, created_at, updated_at) VALUES (?, ?, ?, ?)');
    const contact = sqlite.prepare('INSERT INTO contacts (account_id, name, email, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
    seats = ensureField(sqlite, 'accounts', 'Seats', 'number', [], FIXED_NOW);
    plan = ensureField(sqlite, 'accounts', 'Plan', 'choice', ['Gold', 'Silver', 'Bronze'], FIXED_NOW);
    language = ensureField(sqlite, 'contacts', 'Language', 'text', [], FIXED_NOW);
    const value = upsertValueStatement(sqlite);
    for (let i = 1; i <= ACCOUNTS; i++) {
      const id = Number(account.run(`Account ${i}`, ['enterprise', 'mid_market', 'smb'][i % 3], stamp, stamp).lastInsertRowid);
      value.run(seats, id, String(i % 500), i % 500);
      value.run(plan, id, ['Gold', 'Silver', 'Bronze'][i % 3], null);
      const contactId = Number(contact.run(id, `Contact ${i}`, `c${i}@example.com`, stamp, stamp).lastInsertRowid);
      value.run(language, contactId, ['English', 'German'][i % 2], null);
    }
  })();
  ({ db, captured } = recordingDb(sqlite));
});
afterAll(() => core.close());

const tableInput = (extra: Partial<ParsedInput<'accounts.table'>>): ParsedInput<'accounts.table'> => ({ page: 1, pageSize: 100, includeArchived: false, ...extra });

/** The plan of the captured statement that reads the page's rows (the one with LIMIT), as text. */
function rowsPlan(): string {
  const rows = captured.find((query) => /LIMIT/i.test(query.sql) && /FROM accounts a|from "contacts"/i.test(query.sql));
  expect(rows).toBeDefined();
  return queryPlan(core.context.sqlite, rows!).join('\n');
}

async function tablePlan(customFilters: CustomCondition[]): Promise<{ total: number; plan: string }> {
  captured.length = 0;
  const page = await accountTable({ ...core.context, db }, tableInput({ customFilters }));
  return { total: page.total, plan: rowsPlan() };
}

describe('custom-field filters at 20,000 accounts', () => {
  it('a number range reads the field’s number index once, not a subquery per account', async () => {
    const { total, plan: detail } = await tablePlan([{ fieldId: seats, op: 'range', min: 10, max: 19 }]);
    expect(total).toBe(400);
    expect(detail).toMatch(/SEARCH v USING (COVERING )?INDEX custom_field_values_number \(field_id=\? AND number>\? AND number<\?\)/);
    expect(detail).toMatch(/LIST SUBQUERY/);
    expect(detail).not.toMatch(/CORRELATED LIST SUBQUERY/);
  });

  it('a choice (text) equality reads the field’s text index', async () => {
    const { total, plan: detail } = await tablePlan([{ fieldId: plan, op: 'equals', value: 'gold' }]);
    // Account i is Gold when i is a multiple of 3 (the rows above).
    expect(total).toBe(Math.floor(ACCOUNTS / 3));
    expect(detail).toMatch(/SEARCH v USING (COVERING )?INDEX custom_field_values_text \(field_id=\? AND value=\?\)/);
    expect(detail).not.toMatch(/CORRELATED LIST SUBQUERY/);
  });

  it('the contacts list filters the same way (the generic list)', async () => {
    captured.length = 0;
    const page = await listRows(db, contactsTable, { page: 1, pageSize: 50, includeArchived: false, customFilters: [{ fieldId: language, op: 'equals', value: 'German' }] });
    expect(page.total).toBe(ACCOUNTS / 2);
    const detail = rowsPlan();
    expect(detail).toMatch(/SEARCH v USING (COVERING )?INDEX custom_field_values_text \(field_id=\? AND value=\?\)/);
    expect(detail).not.toMatch(/CORRELATED LIST SUBQUERY/);
  });

  it('would notice a lookup per row (the check itself can fail)', () => {
    const perRow = queryPlan(core.context.sqlite, {
      sql: 'SELECT a.id FROM accounts a WHERE EXISTS (SELECT 1 FROM custom_field_values v WHERE v.record_id = a.id AND v.field_id = ? AND v.number > ?)',
      parameters: [seats, 10],
    }).join('\n');
    expect(perRow).toMatch(/CORRELATED|SCAN a/);
  });
});

describe('an import keeping custom fields finds its new records all at once', () => {
  it('new accounts by external id, 500 a statement through the unique index (not a query per row)', async () => {
    const capture = capturePrepared();
    try {
      const result = await core.call('import.commit', {
        jobId: 'custom-plans',
        path: join(import.meta.dirname, '../fixtures/custom-fields/accounts.csv'),
        into: 'accounts',
        mapping: { fields: { externalId: 'Account ID', name: 'Company' }, customFields: [{ column: 'Seats', type: 'number' }] },
      });
      expect(result.problems).toEqual([]);
    } finally {
      capture.stop();
    }
    // The batched lookup ran (planOfPrepared fails unless exactly one statement matches), through the index.
    expect(planOfPrepared(core.context.sqlite, capture.prepared, ['SELECT external_id AS key, id FROM "accounts"'])).toMatch(
      /SEARCH accounts USING (COVERING )?INDEX sqlite_autoindex_accounts_\d \(external_id=\?\)/,
    );
  });
});
