// The account page's Stories card and the editor's approvals ask by account and by story: those
// queries must use their indexes, captured from the real query code in stories/repo.ts.
import type { CompiledQuery, Kysely } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { approvalsOf, listStories } from '../../electron/core/stories/repo';
import { testCore, type TestCore } from '../fixtures/core';
import { queryPlan, recordingDb } from '../fixtures/queryPlans';

let core: TestCore;
let captured: CompiledQuery[];
let db: Kysely<any>;

beforeEach(async () => {
  core = await testCore();
  ({ db, captured } = recordingDb(core.context.sqlite));
  for (let i = 0; i < 20; i++) {
    const account = await core.call('accounts.create', { name: `Account ${i}`, segment: 'smb' });
    const story = await core.call('stories.create', { accountId: account.id, title: `Story ${i}` });
    await core.call('stories.approve', { id: story.id, approver: 'Kim', role: 'marketing' });
  }
});
afterEach(() => core.close());

const plan = (query: CompiledQuery) => queryPlan(core.context.sqlite, query);

it('lists an account’s stories through the account index', async () => {
  await listStories(db, { page: 1, pageSize: 50, includeArchived: false, filter: { accountId: 3 } });
  const [rows] = captured;
  expect(plan(rows!).join('\n')).toMatch(/SEARCH s USING INDEX success_stories_account/);
});

it('reads a story’s approvals through the story index', async () => {
  await approvalsOf(db, 3);
  expect(plan(captured[0]!).join('\n')).toMatch(/story_approvals USING INDEX story_approvals_story/);
});
