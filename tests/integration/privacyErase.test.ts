import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoWorkspace } from '../../electron/core/demo';
import { tempWorkspacePath, testCore, type TestCore } from '../fixtures/core';
import { fileMentions } from '../fixtures/erasure';

// Erasing a person on one laptop (issue 19, docs/privacy.md), through dispatch on a real SQLite file:
// the demo's most connected contact, renamed to a name found nowhere else and mentioned in a task, a
// story's quote and approval and another contact's touchpoint, is erased; afterwards the file's
// bytes (and its WAL) hold neither the name nor the e-mail, and the figures kept their scores.

const NAME = 'Evangelina Quistgaard';
const EMAIL = 'e.quistgaard@example.org';

let core: TestCore;
let path: string;
let contactId: number;
let accountId: number;
let storyId: number;

const sqlite = () => core.context.sqlite;
const one = <T>(text: string, ...params: unknown[]) =>
  sqlite()
    .prepare(text)
    .get(...params) as T;

beforeAll(async () => {
  path = tempWorkspacePath('erase.fulcrum');
  await generateDemoWorkspace(path, { accounts: 30, seed: 7, today: '2026-02-20' });
  core = await testCore(path);
  // The contact with the most records pointing at it (touchpoints, answers, tickets, references).
  ({ id: contactId, accountId } = one<{ id: number; accountId: number }>(`SELECT c.id, c.account_id AS accountId FROM contacts c ORDER BY
      (SELECT count(*) FROM touchpoints t WHERE t.contact_id = c.id) + (SELECT count(*) FROM survey_responses s WHERE s.contact_id = c.id AND s.comment IS NOT NULL)
      + (SELECT count(*) FROM "references" r WHERE r.contact_id = c.id) * 5 + (SELECT count(*) FROM tickets k WHERE k.contact_id = c.id) DESC LIMIT 1`));
  await core.call('contacts.update', { id: contactId, name: NAME, email: EMAIL });
  await core.call('tasks.create', { accountId, title: `Call ${NAME} about the renewal`, contactId });
  const other = one<{ id: number } | undefined>('SELECT id FROM contacts WHERE account_id = ? AND id <> ?', accountId, contactId);
  await core.call('touchpoints.create', {
    accountId,
    contactId: other?.id ?? null,
    occurredAt: '2026-02-01T10:00:00.000Z',
    channel: 'email',
    kind: 'qbr',
    notes: `cc ${EMAIL.toUpperCase()} next time`,
  });
  const story = await core.call('stories.create', {
    accountId,
    title: 'Hours saved every week',
    quotes: [
      { text: 'We closed the quarter two days early.', speaker: `${NAME}, COO` },
      { text: 'The team trusts the numbers now.', speaker: 'Someone Else, CFO' },
    ],
  });
  storyId = story.id;
  await core.call('stories.approve', { id: storyId, approver: NAME, role: 'customer' });
  // A custom value of the contact, as an import keeps an unmatched column.
  const fieldId = Number(
    sqlite().prepare(`INSERT INTO custom_fields (record_kind, name, type, created_at, updated_at) VALUES ('contacts', 'Mobile', 'text', 'x', 'x')`).run().lastInsertRowid,
  );
  sqlite().prepare('INSERT INTO custom_field_values (field_id, record_id, value) VALUES (?, ?, ?)').run(fieldId, contactId, '+45 5555 0199');
});

afterAll(async () => {
  await core?.close();
});

describe('contacts.erase', () => {
  it('the byte scan sees the person before the erasure (so its silence after means something)', () => {
    sqlite().pragma('wal_checkpoint(TRUNCATE)');
    expect(fileMentions(path, [NAME, EMAIL, '+45 5555 0199'])).toEqual([NAME, EMAIL, '+45 5555 0199']);
  });

  it('refuses without the name typed, naming the problem, and changes nothing', async () => {
    const error = await core.fail('contacts.erase', { id: contactId, confirm: 'Evangelina' });
    expect(error.code).toBe('BAD_INPUT');
    expect(error.message).toMatch(/type the contact's name/);
    expect((await core.call('contacts.get', { id: contactId })).name).toBe(NAME);
    expect((await core.fail('contacts.erase', { id: contactId })).code).toBe('BAD_INPUT');
    expect((await core.fail('contacts.erase', { id: 999_999, confirm: 'x' })).code).toBe('NOT_FOUND');
  });

  it('plans what will go: the contact, its consents and values; the records that point at it; the mentions', async () => {
    const plan = await core.call('contacts.erasePlan', { id: contactId });
    expect(plan.name).toBe(NAME);
    expect(plan.inTeam).toBe(false);
    expect(plan.removed.map((r) => r.table)).toEqual(expect.arrayContaining(['contacts', 'custom_field_values']));
    expect(plan.unlinked.find((u) => u.table === 'tasks')?.count).toBe(1);
    expect(plan.unlinked.find((u) => u.table === 'survey_responses')?.blanked).toEqual(['comment']);
    const mentioned = Object.fromEntries(plan.mentions.map((m) => [m.table, m.count]));
    expect(mentioned).toMatchObject({ success_stories: 1, story_approvals: 1, touchpoints: 1 });
  });

  it('erases in one go: no table holds the name or e-mail, the figures keep their scores, the file is vacuumed', async () => {
    const linked = (table: string) => sqlite().prepare(`SELECT id FROM ${table} WHERE contact_id = ?`).pluck().all(contactId) as number[];
    const answers = linked('survey_responses');
    const touchpoints = linked('touchpoints');
    expect(answers.length + touchpoints.length).toBeGreaterThan(0);
    const figures = () =>
      one<{ n: number; total: number; touchpoints: number }>('SELECT count(*) AS n, sum(score) AS total, (SELECT count(*) FROM touchpoints) AS touchpoints FROM survey_responses');
    const before = figures();

    const result = await core.call('contacts.erase', { id: contactId, confirm: `  ${NAME} ` });
    expect(result).toMatchObject({ team: 'none', vacuumed: true });
    expect(result.removed).toBeGreaterThanOrEqual(2);
    expect(result.mentions).toBeGreaterThanOrEqual(3);

    expect((await core.fail('contacts.get', { id: contactId })).code).toBe('NOT_FOUND');
    expect(figures()).toEqual(before);
    for (const id of answers) expect(one('SELECT contact_id, comment FROM survey_responses WHERE id = ?', id)).toEqual({ contact_id: null, comment: null });
    for (const id of touchpoints) expect(one('SELECT contact_id, notes FROM touchpoints WHERE id = ?', id)).toEqual({ contact_id: null, notes: null });
    const story = await core.call('stories.get', { id: storyId });
    expect(story.quotes).toEqual([{ text: 'The team trusts the numbers now.', speaker: 'Someone Else, CFO' }]);
    expect(story.approvals.map((a) => a.approver)).toEqual(['[erased]']);
    expect(one<{ title: string }>(`SELECT title FROM tasks WHERE title LIKE 'Call %renewal'`).title).toBe('Call [erased] about the renewal');

    // The erasure's own record: ids and times only.
    const record = one<Record<string, unknown>>('SELECT * FROM erasures');
    expect(record).toMatchObject({ contact_id: contactId, gid: null, source: 'here', hub_state: null });
    expect(JSON.stringify(record)).not.toMatch(/Quistgaard/i);

    // Every text column of every table, then the file's bytes themselves (the WAL is emptied too).
    expect(fileMentions(path, [NAME, EMAIL, '+45 5555 0199'])).toEqual([]);
    const wal = `${path}-wal`;
    if (existsSync(wal)) expect(readFileSync(wal).length).toBe(0);
  });
});
