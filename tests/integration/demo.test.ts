// The demo generator as a producer of workspaces: deterministic, a proper migrated workspace that
// the core reads through every channel, referentially intact, and careful with existing files.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrations';
import { ensureDemoWorkspace, generateDemoWorkspace, type DemoProgress, type DemoSummary } from '../../electron/core/demo';
import { tempWorkspacePath, testCore } from '../fixtures/core';
import { sha256 } from '../fixtures/workspaceFiles';

const SMALL = { accounts: 50, seed: 7 };

/** Every table's rows in id order, hashed, so two workspaces can be compared wholesale. */
function contentHashes(path: string): Record<string, string> {
  const sqlite = new Database(path, { readonly: true });
  try {
    const tables = sqlite.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[];
    return Object.fromEntries(
      tables.map(({ name }) => {
        const rows = sqlite.prepare(`SELECT * FROM "${name}" ORDER BY 1, 2`).all();
        return [name, createHash('sha256').update(JSON.stringify(rows)).digest('hex')];
      }),
    );
  } finally {
    sqlite.close();
  }
}

function firstRows(path: string, table: string, n = 5): unknown[] {
  const sqlite = new Database(path, { readonly: true });
  try {
    return sqlite.prepare(`SELECT * FROM "${table}" ORDER BY rowid LIMIT ${n}`).all();
  } finally {
    sqlite.close();
  }
}

describe('demo workspace generator', () => {
  let first: DemoSummary;
  let again: DemoSummary;
  let other: DemoSummary;
  const progress: DemoProgress[] = [];
  let leftBehind: string[];

  beforeAll(async () => {
    first = await generateDemoWorkspace(tempWorkspacePath(), { ...SMALL, onProgress: (p) => progress.push(p) });
    leftBehind = readdirSync(dirname(first.path)); // before anything opens it
    again = await generateDemoWorkspace(tempWorkspacePath(), SMALL);
    other = await generateDemoWorkspace(tempWorkspacePath(), { ...SMALL, seed: 8 });
  });

  it('gives the same workspace for the same seed, row for row', () => {
    expect(again.counts).toEqual(first.counts);
    for (const table of ['accounts', 'contacts', 'tickets', 'survey_responses', 'deals']) {
      expect(firstRows(again.path, table)).toEqual(firstRows(first.path, table));
    }
    expect(contentHashes(again.path)).toEqual(contentHashes(first.path));
  });

  it('gives a different workspace for a different seed', () => {
    expect(firstRows(other.path, 'accounts')).not.toEqual(firstRows(first.path, 'accounts'));
    expect(other.counts.tickets).not.toBe(first.counts.tickets);
  });

  it('writes every part of the model', () => {
    for (const [table, n] of Object.entries(first.counts)) expect(n, table).toBeGreaterThan(0);
    expect(first.counts.accounts).toBe(50);
    expect(first.rows).toBe(Object.values(first.counts).reduce((sum, n) => sum + n, 0));
  });

  it.each([
    ['seed 7', () => first],
    ['seed 8', () => other],
  ])('is referentially intact and passes SQLite integrity checks (%s)', (_, demo) => {
    // The generator loads with constraint enforcement off; integrity_check checks every CHECK and NOT NULL.
    const sqlite = new Database(demo().path, { readonly: true });
    try {
      expect(sqlite.pragma('foreign_key_check')).toEqual([]);
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      // The deferred indexes were rebuilt with the migration's own definitions.
      const indexes = sqlite.prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL`).all() as { name: string }[];
      expect(indexes.map((i) => i.name)).toEqual(expect.arrayContaining(['tickets_time', 'tickets_status', 'touchpoints_time', 'survey_responses_kind_time']));
      expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      sqlite.close();
    }
  });

  it('is a migrated workspace the core opens and lists through every channel', async () => {
    const core = await testCore(first.path); // checkOutputs: every value is validated against the contract
    try {
      const info = await core.call('workspace.info', {});
      expect(info.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
      expect(info.counts).toMatchObject({ accounts: 50, tickets: first.counts.tickets, survey_responses: first.counts.survey_responses });
      const page = { pageSize: 500 } as const;
      expect((await core.call('accounts.list', page)).total).toBe(50);
      await core.call('contacts.list', page);
      const personas = await core.call('personas.list', page);
      for (const persona of personas.rows) expect(Object.keys(persona.channelPreferences)).toHaveLength(7);
      await core.call('touchpoints.list', page);
      await core.call('tickets.list', { ...page, sort: { field: 'openedAt', direction: 'desc' } });
      await core.call('surveyResponses.list', { ...page, filter: { kind: 'nsat' } });
      await core.call('deployments.list', page);
      await core.call('outcomes.list', page);
      await core.call('deals.list', page);
      expect((await core.call('accounts.facets', {})).regions).toEqual(['APAC', 'EMEA', 'LATAM', 'NA']);
      const timeline = await core.call('accounts.timeline', { id: 1, limit: 200 });
      expect(timeline.entries.length).toBeGreaterThan(10);
    } finally {
      await core.close();
    }
  });

  it('reports progress as it writes, ending at the total', () => {
    expect(progress.length).toBeGreaterThan(1);
    for (let i = 1; i < progress.length; i++) expect(progress[i]!.written).toBeGreaterThanOrEqual(progress[i - 1]!.written);
    expect(progress.at(-1)).toEqual({ written: first.rows, total: first.rows });
  });

  it('leaves nothing but the workspace behind (no -wal, no .partial)', () => {
    expect(leftBehind).toEqual(['workspace.fulcrum']);
  });

  it('refuses to overwrite a file and rejects a bad size or date', async () => {
    const path = tempWorkspacePath();
    writeFileSync(path, 'precious');
    await expect(generateDemoWorkspace(path, SMALL)).rejects.toThrow(/already exists/);
    await expect(generateDemoWorkspace(tempWorkspacePath(), { accounts: 0 })).rejects.toThrow(/accounts must be/);
    await expect(generateDemoWorkspace(tempWorkspacePath(), { accounts: 2.5 })).rejects.toThrow(/accounts must be/);
    await expect(generateDemoWorkspace(tempWorkspacePath(), { today: '2026-13-01' })).rejects.toThrow(/YYYY-MM-DD/);
  });
});

describe('ensureDemoWorkspace', () => {
  it('creates the demo once (folders included) and never touches an existing file', async () => {
    const path = `${dirname(tempWorkspacePath())}/nested/folder/demo.fulcrum`;
    await ensureDemoWorkspace(path, { accounts: 5 });
    expect(existsSync(path)).toBe(true);
    const before = sha256(path);
    await ensureDemoWorkspace(path, { accounts: 5, seed: 99 });
    expect(sha256(path)).toBe(before);
  });

  it('replaces an empty file, which is what an interrupted first start leaves', async () => {
    const path = tempWorkspacePath();
    writeFileSync(path, '');
    await ensureDemoWorkspace(path, { accounts: 3 });
    const core = await testCore(path);
    expect((await core.call('accounts.list', {})).total).toBe(3);
    await core.close();
  });
});
