import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainPaths } from '../../electron/core';
import { testCore, type TestCore } from '../fixtures/core';

// Issue 13: the dates two tools write by default, read without a mapping or a date option. Jira
// writes its site's date format, by default dd/MMM/yy h:mm a (09/Oct/12 2:50 PM); a Google Form's
// own "Download responses (.csv)" writes year first, a 12-hour clock and the form's zone as GMT+h.

const SAMPLES = join(import.meta.dirname, '../fixtures/import-presets');
const sample = (name: string) => join(SAMPLES, `${name}.csv`);

let core: TestCore;
beforeAll(async () => {
  core = await testCore(undefined, { files: plainPaths() });
  // The accounts and contacts the tickets and answers refer to.
  for (const [name, into] of [
    ['salesforce-accounts', 'accounts'],
    ['hubspot-companies', 'accounts'],
    ['hubspot-contacts', 'contacts'],
  ] as const) {
    await core.call('import.commit', { jobId: name, path: sample(name), into, preset: name });
  }
});
afterAll(() => core.close());

const rows = (sql: string, ...params: unknown[]) => core.context.sqlite.prepare(sql).all(...params) as Record<string, unknown>[];

describe('preset files with the dates the tools really write', () => {
  it("jira-service-management with Jira's default date format (dd/MMM/yy h:mm a)", async () => {
    const detected = await core.call('import.detect', { path: sample('jira-service-management-default-dates') });
    expect(detected.best?.name).toBe('jira-service-management');
    const result = await core.call('import.commit', { jobId: 'jira', path: sample('jira-service-management-default-dates'), into: 'tickets', preset: 'jira-service-management' });
    expect(result.problems).toEqual([]);
    expect(result.dateChoices).toEqual([]);
    expect(rows("SELECT external_id AS id, opened_at AS opened, resolved_at AS resolved FROM tickets WHERE external_id LIKE 'ITSM-2%' ORDER BY external_id")).toEqual([
      { id: 'ITSM-2042', opened: '2026-02-04T09:12:00.000Z', resolved: '2026-02-04T14:58:00.000Z' },
      { id: 'ITSM-2043', opened: '2026-02-11T12:30:00.000Z', resolved: null },
      { id: 'ITSM-2044', opened: '2026-01-28T16:45:00.000Z', resolved: '2026-01-29T10:05:00.000Z' },
    ]);
  });

  it("google-forms-nps from the form's own download: 2026/02/22 10:15:02 AM GMT+1, every zone read", async () => {
    const detected = await core.call('import.detect', { path: sample('google-forms-download') });
    expect(detected.best?.name).toBe('google-forms-nps');
    const result = await core.call('import.commit', { jobId: 'forms', path: sample('google-forms-download'), into: 'surveyResponses', preset: 'google-forms-nps' });
    expect(result.problems).toEqual([]);
    expect(result.counts.inserts).toBe(3);
    expect(rows('SELECT score, responded_at AS at FROM survey_responses ORDER BY responded_at')).toEqual(
      [
        { score: 10, at: '2026-02-23T16:03:11.000Z' },
        { score: 9, at: '2026-02-22T09:15:02.000Z' },
        { score: 5, at: '2026-02-22T11:47:30.000Z' },
      ].sort((a, b) => a.at.localeCompare(b.at)),
    );
  });

  it('a zone that names several offsets (AST) is a problem of its row, never read as UTC', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'forms-ast-')), 'responses.csv');
    const lines = readFileSync(sample('google-forms-download'), 'utf8').split('\r\n');
    lines[2] = lines[2]!.replace('GMT-4', 'AST');
    writeFileSync(path, lines.join('\r\n'));
    const preview = await core.call('import.preview', { path, into: 'surveyResponses', preset: 'google-forms-nps' });
    expect(preview.problems).toEqual([
      {
        row: 3,
        column: 'Timestamp',
        message: "'2026/02/22 7:47:30 AM AST' ends in a time zone ('AST') that does not name one offset: the file needs GMT+h or +hh:mm",
      },
    ]);
  });
});
