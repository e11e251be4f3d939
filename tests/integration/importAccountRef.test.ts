import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { plainPaths } from '../../electron/core';
import { describeProblem } from '../../shared/contract/import';
import { testCore, type TestCore } from '../fixtures/core';
import { writeFixture } from '../fixtures/import/generate';

// Issue 13, found walking CDNOW's purchase log into a workspace that already held accounts: its
// customer code '0001' was taken for Fulcrum's account id 1, and 6,919 purchases were filed under
// unrelated accounts with 0 problems. An id finds an account only as Fulcrum writes it.

let core: TestCore;
let dir: string;
let first: number;
beforeAll(async () => {
  core = await testCore(undefined, { files: plainPaths() });
  dir = mkdtempSync(join(tmpdir(), 'fulcrum-account-ref-'));
  first = (await core.call('accounts.create', { name: 'First Co' })).id;
});
afterAll(() => core.close());

it('a zero-padded customer code is not an account id; the id itself still is', async () => {
  const path = writeFixture(dir, 'orders.csv', `Order,Customer,Date,Amount\nO-1,${String(first).padStart(4, '0')},2026-01-05,10.00\nO-2,${first},2026-01-06,20.00\n`);
  const preview = await core.call('import.preview', { path, into: 'purchases' });
  expect(preview.problems.map(describeProblem)).toEqual([
    `row 2, 'Customer': '${String(first).padStart(4, '0')}' is not a known account (by external id, id or name): create the missing accounts (the wizard’s choice, --create-accounts) or import the accounts first`,
  ]);
  expect(preview.counts).toMatchObject({ inserts: 1, errors: 1 });
});
