import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainPaths } from '../../electron/core';
import { testCore, type TestCore } from '../fixtures/core';

// Issue 13, shapes that are not one row per record: a help-desk event log (one row per event) read
// as tickets, and a survey file without a date column dated for the whole wave.

const EVENT_LOG = join(import.meta.dirname, '../fixtures/import-presets/helpdesk-event-log.csv');

let core: TestCore;
let dir: string;
beforeAll(async () => {
  core = await testCore(undefined, { files: plainPaths() });
  dir = mkdtempSync(join(tmpdir(), 'fulcrum-shapes-'));
  for (const name of ['Northwind Traders', 'Contoso Pharma', 'Fabrikam Logistics']) await core.call('accounts.create', { name });
});
afterAll(() => core.close());

const rows = (sql: string, ...params: unknown[]) => core.context.sqlite.prepare(sql).all(...params) as Record<string, unknown>[];

const eventLog = {
  caseId: 'Case ID',
  activity: 'Activity',
  timestamp: 'Complete Timestamp',
  resource: 'Resource',
  account: 'customer',
  firstResponse: ['Take in charge ticket'],
  resolved: ['Resolve ticket', 'Closed'],
  statusByActivity: { Closed: 'closed' as const, Wait: 'pending' as const },
};

describe('an event log as tickets', () => {
  it('lists the activities it found, most frequent first, for the wizard to propose', async () => {
    const found = await core.call('import.values', { path: EVENT_LOG, column: 'Activity' });
    expect(found.distinct).toBe(6);
    expect(found.values.slice(0, 3)).toEqual(
      [
        { value: 'Resolve ticket', count: 2 },
        { value: 'Take in charge ticket', count: 2 },
        { value: 'Assign seriousness', count: 2 },
      ].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
    );
  });

  it('reports the duplicated header name', async () => {
    expect((await core.call('import.detect', { path: EVENT_LOG, into: 'tickets' })).duplicateHeaders).toEqual(['Variant']);
  });

  it('one ticket per case: opened at the first event, first response and resolution at the named activities, status from the last', async () => {
    const input = { path: EVENT_LOG, into: 'tickets' as const, mapping: { fields: {}, defaults: { channel: 'self_service' }, eventLog } };
    const preview = await core.call('import.preview', input);
    // Nine events, three cases: repeated case ids are the shape of the file, not a problem.
    expect(preview.problems).toEqual([]);
    expect(preview.counts).toMatchObject({ rows: 3, inserts: 3, errors: 0 });
    expect((await core.call('import.commit', { ...input, jobId: 'events' })).committed).toBe(true);
    expect(
      rows(
        'SELECT t.external_id AS id, a.name AS account, t.opened_at AS opened, t.first_response_at AS first, t.resolved_at AS resolved, t.status, t.topic FROM tickets t JOIN accounts a ON a.id = t.account_id ORDER BY t.external_id',
      ),
    ).toEqual([
      {
        id: 'Case 1',
        account: 'Northwind Traders',
        opened: '2026-01-05T09:00:00.000Z',
        first: '2026-01-05T09:40:00.000Z',
        resolved: '2026-01-06T15:10:00.000Z',
        status: 'closed',
        topic: 'Closed',
      },
      { id: 'Case 2', account: 'Contoso Pharma', opened: '2026-01-07T11:00:00.000Z', first: '2026-01-07T13:30:00.000Z', resolved: null, status: 'pending', topic: 'Wait' },
      {
        id: 'Case 3',
        account: 'Fabrikam Logistics',
        opened: '2026-01-09T08:15:00.000Z',
        first: null,
        resolved: '2026-01-09T08:50:00.000Z',
        status: 'solved',
        topic: 'Resolve ticket',
      },
    ]);
  });

  it('names a column of the recipe the file lacks', async () => {
    const error = await core.fail('import.preview', { path: EVENT_LOG, into: 'tickets', mapping: { fields: {}, eventLog: { ...eventLog, timestamp: 'When' } } });
    expect(error.message).toBe("the event log's timestamp column 'When' is not in the file");
  });
});

describe('a survey without a date column', () => {
  it('gets the wave date for every answer, and one account for the file', async () => {
    const path = join(dir, 'wave.csv');
    writeFileSync(path, 'Respondent,How likely are you to recommend us?\nr1,9\nr2,4\n');
    const input = {
      path,
      into: 'surveyResponses' as const,
      mapping: { fields: { score: 'How likely are you to recommend us?' }, defaults: { kind: 'nps', respondedAt: '2026-02-01', account: 'Contoso Pharma' } },
    };
    const result = await core.call('import.commit', { ...input, jobId: 'wave' });
    expect(result.problems).toEqual([]);
    expect(rows('SELECT s.responded_at AS at, s.score, a.name AS account FROM survey_responses s JOIN accounts a ON a.id = s.account_id ORDER BY s.score')).toEqual([
      { at: '2026-02-01T00:00:00.000Z', score: 4, account: 'Contoso Pharma' },
      { at: '2026-02-01T00:00:00.000Z', score: 9, account: 'Contoso Pharma' },
    ]);
  });
});
