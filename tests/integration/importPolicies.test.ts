import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeProblem } from '../../shared/contract/import';
import type { ChangeEvent } from '../../shared/rpc';
import { testCore, type TestCore } from '../fixtures/core';
import { accountsCsv, ticketsCsv, writeFixture } from '../fixtures/import/generate';
import { plainPaths } from '../../electron/core';

let core: TestCore;
let dir: string;
beforeEach(async () => {
  core = await testCore(undefined, { files: plainPaths() });
  dir = mkdtempSync(join(tmpdir(), 'fulcrum-import-'));
  await core.call('import.commit', { jobId: 'accounts', path: writeFixture(dir, 'accounts.csv', accountsCsv(50)), into: 'accounts', preset: 'crm-accounts' });
});
afterEach(() => core.close());

const count = (table: string) => (core.context.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const TICKET_HEADER = 'Id,Organization,Created at,Solved at,Priority,Via,Satisfaction Score\n';
const badTickets = () =>
  writeFixture(
    dir,
    'tickets.csv',
    `${TICKET_HEADER}T1,ACC-1,2026-01-05T10:00:00Z,2026-01-05T12:00:00Z,high,web,5\n` +
      `T2,ACC-2,2026-01-06T10:00:00Z,,urgent,email,abc\n` +
      `T3,ACC-404,2026-01-07T10:00:00Z,,low,phone,\n` +
      `T4,ACC-3,2026-01-08T10:00:00Z,2026-01-01T00:00:00Z,normal,chat,\n` +
      `T5,ACC-4,2026-01-09T10:00:00Z,,normal,fax,\n` +
      `T6,Customer 5,2026-01-09T11:00:00Z,,normal,chat,9\n`,
  );

describe('policies', () => {
  it('preview lists every problem by row and column and writes nothing', async () => {
    const preview = await core.call('import.preview', { path: badTickets(), into: 'tickets', preset: 'helpdesk-tickets' });
    expect(preview.counts).toEqual({ rows: 6, inserts: 1, updates: 0, skips: 0, errors: 5 });
    expect(preview.problems.map(describeProblem)).toEqual([
      "row 3, 'Satisfaction Score': 'abc' is not a number",
      "row 4, 'Organization': 'ACC-404' is not a known account (by external id, id or name)",
      "row 5, 'Solved at': cannot be before openedAt",
      "row 6, 'Via': 'fax' is not one of phone, email, chat, self_service, community, in_person, webinar",
      "row 7, 'Satisfaction Score': must be 1-5",
    ]);
    expect(preview.rows[0]).toMatchObject({ _row: 2, _action: 'insert', externalId: 'T1', channel: 'self_service', priority: 'high', csat: 5 });
    expect(count('tickets')).toBe(0);
  });

  it('reject: one bad row rejects the whole file', async () => {
    const result = await core.call('import.commit', { jobId: 'j', path: badTickets(), into: 'tickets', preset: 'helpdesk-tickets', policy: 'reject' });
    expect(result).toMatchObject({ committed: false, errorFile: null, problemsTotal: 5 });
    expect(count('tickets')).toBe(0);
  });

  it('skip: the good rows are imported and the bad ones written to an error file beside the source', async () => {
    const path = badTickets();
    const result = await core.call('import.commit', { jobId: 'j', path, into: 'tickets', preset: 'helpdesk-tickets', policy: 'skip' });
    expect(result).toMatchObject({ committed: true, counts: { inserts: 1, errors: 5 }, errorFile: join(dir, 'tickets.errors.csv') });
    expect(count('tickets')).toBe(1);
    const errors = readFileSync(join(dir, 'tickets.errors.csv'), 'utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split('\n');
    expect(errors[0]).toBe('row,problems,Id,Organization,Created at,Solved at,Priority,Via,Satisfaction Score');
    expect(errors[1]).toBe("3,'Satisfaction Score': 'abc' is not a number,T2,ACC-2,2026-01-06T10:00:00Z,,urgent,email,abc");
    expect(errors).toHaveLength(6);
    // The metrics engine's rollups already count the imported ticket.
    expect(count('rollup_account_month')).toBeGreaterThan(0);
  });

  it('match rules: insert only, update only, upsert by external id', async () => {
    const first = writeFixture(dir, 'a.csv', `${TICKET_HEADER}T1,ACC-1,2026-01-05T10:00:00Z,,high,email,\n`);
    await core.call('import.commit', { jobId: 'a', path: first, into: 'tickets', preset: 'helpdesk-tickets' });
    const second = writeFixture(dir, 'b.csv', `${TICKET_HEADER}T1,ACC-1,2026-01-05T10:00:00Z,2026-01-05T11:00:00Z,low,email,4\nT2,ACC-2,2026-01-06T10:00:00Z,,normal,chat,\n`);
    const counts = async (match: 'insert' | 'update' | 'upsert') =>
      (await core.call('import.preview', { path: second, into: 'tickets', preset: 'helpdesk-tickets', match })).counts;
    expect(await counts('insert')).toMatchObject({ inserts: 1, updates: 0, skips: 1 });
    expect(await counts('update')).toMatchObject({ inserts: 0, updates: 1, skips: 1 });
    expect(await counts('upsert')).toMatchObject({ inserts: 1, updates: 1, skips: 0 });
    await core.call('import.commit', { jobId: 'b', path: second, into: 'tickets', preset: 'helpdesk-tickets', match: 'update' });
    expect(core.context.sqlite.prepare("SELECT priority, csat, resolved_at FROM tickets WHERE external_id = 'T1'").get()).toEqual({
      priority: 'low',
      csat: 4,
      resolved_at: '2026-01-05T11:00:00.000Z',
    });
    expect(count('tickets')).toBe(1);
  });

  it('a duplicate id inside the file is a problem naming the earlier row', async () => {
    const path = writeFixture(dir, 'dup.csv', `${TICKET_HEADER}T1,ACC-1,2026-01-05T10:00:00Z,,high,email,\nT1,ACC-1,2026-01-05T10:00:00Z,,high,email,\n`);
    const preview = await core.call('import.preview', { path, into: 'tickets', preset: 'helpdesk-tickets' });
    expect(preview.problems.map(describeProblem)).toEqual(["row 3, 'Id': 'T1' is also on row 2"]);
  });

  it('a mapping naming a column the file lacks is refused before reading rows', async () => {
    const error = await core.fail('import.preview', { path: badTickets(), into: 'tickets', mapping: { fields: { openedAt: 'Opened' } } });
    expect(error).toMatchObject({ code: 'BAD_INPUT' });
    expect(error.message).toContain("column 'Opened' (for openedAt) is not in the file");
  });
});

describe('presets', () => {
  it('are listed per target and saved by name', async () => {
    const shipped = await core.call('import.presets', { into: 'tickets' });
    // The tools' own ticket presets (issue 13) follow these two.
    expect(shipped.map((preset) => preset.name).slice(0, 2)).toEqual(['helpdesk-tickets', 'fulcrum-tickets']);
    expect(shipped.every((preset) => preset.into === 'tickets')).toBe(true);
    await core.call('import.savePreset', {
      name: 'my tickets',
      into: 'tickets',
      mapping: { fields: { openedAt: 'Created at', account: 'Organization' }, defaults: { channel: 'email' } },
    });
    const path = writeFixture(dir, 'mine.csv', 'Created at,Organization\n2026-01-01T00:00:00Z,ACC-1\n');
    expect((await core.call('import.preview', { path, into: 'tickets', preset: 'my tickets' })).rows[0]).toMatchObject({ channel: 'email', accountId: 1 });
    expect((await core.fail('import.savePreset', { name: 'helpdesk-tickets', into: 'tickets', mapping: { fields: {} } })).code).toBe('CONFLICT');
  });

  it('automatic mapping by name and content when no preset is given', async () => {
    const path = writeFixture(dir, 'auto.csv', 'Ticket Number,Company,When,Channel,Severity\nX1,ACC-1,03/15/2026,Web,P1\n');
    const preview = await core.call('import.preview', { path, into: 'tickets' });
    expect(preview.mapping.fields).toEqual({ account: 'Company', externalId: 'Ticket Number', channel: 'Channel', priority: 'Severity', openedAt: 'When' });
    expect(preview.rows[0]).toMatchObject({ openedAt: '2026-03-15T00:00:00.000Z', priority: 'urgent', channel: 'self_service' });
  });
});

describe('survey exports', () => {
  it("an NPS export (Delighted-style) finds each answer's contact and account by e-mail", async () => {
    const contact = await core.call('contacts.create', { accountId: 3, name: 'Ana Ruiz', email: 'ana@example.com' });
    const path = writeFixture(
      dir,
      'nps.csv',
      'Response ID,Score,Comment,Email,Created,Company\n' +
        'r1,9,"Great, fast support",ANA@example.com,2026-02-01 10:22:11 -0800,\n' +
        'r2,NA,,bob@example.com,2026-02-02 09:00:00 -0800,Customer 7\n' +
        'r3,11,,ana@example.com,2026-02-03 09:00:00 -0800,\n',
    );
    const preview = await core.call('import.preview', { path, into: 'surveyResponses', preset: 'nps-survey' });
    expect(preview.rows[0]).toMatchObject({ accountId: 3, contactId: contact.id, kind: 'nps', score: 9, comment: 'Great, fast support', respondedAt: '2026-02-01T18:22:11.000Z' });
    expect(preview.problems.map(describeProblem)).toEqual(["row 3, 'Score': is required but missing (NA): the cell says 'NA'", "row 4, 'Score': must be 0-10 for nps"]);
  });
});

describe('progress and cancel', () => {
  it('reports rows per second and, cancelled between batches, rolls everything back', async () => {
    const path = writeFixture(dir, 'many.csv', ticketsCsv(60_000, 50));
    const indexes = () => core.context.sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'tickets' ORDER BY name").all();
    const indexesBefore = indexes();
    const events: ChangeEvent[] = [];
    const off = core.subscribe((event) => {
      events.push(event);
      if (event.name === 'import.progress' && (event.progress?.done ?? 0) >= 20_000) void core.dispatch('import.cancel', { jobId: 'big' });
    });
    const result = await core.call('import.commit', { jobId: 'big', path, into: 'tickets', preset: 'helpdesk-tickets' });
    off();
    expect(result).toMatchObject({ cancelled: true, committed: false });
    expect(count('tickets')).toBe(0);
    // The indexes a large load drops for speed are back after the rollback.
    expect(indexes()).toEqual(indexesBefore);
    expect(indexesBefore.length).toBeGreaterThan(3);
    const progress = events.filter((event) => event.name === 'import.progress') as (ChangeEvent & { rowsPerSecond: number; jobId: string })[];
    expect(progress[0]).toMatchObject({ jobId: 'big', progress: { done: 10_000 } });
    expect(progress[0]!.progress!.total).toBeGreaterThan(50_000);
    expect(progress[0]!.rowsPerSecond).toBeGreaterThan(0);
    expect(await core.call('import.cancel', { jobId: 'big' })).toEqual({ cancelled: false });
    expect(existsSync(join(dir, 'many.errors.csv'))).toBe(false);
  });
});
