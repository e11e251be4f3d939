import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, plainPaths, type Core } from '../../electron/core';
import { generateDemoWorkspace } from '../../electron/core/demo';
import type { Channel, Input, Output } from '../../shared/contract';
import { tempWorkspacePath } from '../fixtures/core';

// Issue 15: "Export view" on the accounts table writes exactly what the table shows, also with
// "my accounts", the health band and a sort by a figure (the export listed accounts.list, which knows none of them).

const TODAY = '2026-11-18';
let core: Core;
const dir = mkdtempSync(join(tmpdir(), 'fulcrum-export-view-'));

async function ask<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const result = await core.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as Output<C>;
}

beforeAll(async () => {
  const path = tempWorkspacePath();
  await generateDemoWorkspace(path, { accounts: 150, seed: 7, today: TODAY });
  core = await createCore({ dbPath: path, now: () => new Date(`${TODAY}T12:00:00.000Z`), checkOutputs: true, identityFile: join(dir, 'identity.json'), files: plainPaths() });
});
afterAll(() => core?.close());

/** The CSV's records keyed by header (no quoted line breaks in these cells). */
function csv(path: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(path, 'utf8')
    .replace(/^\ufeff/, '')
    .trim()
    .split('\n');
  const split = (line: string) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].slice(0, -1).map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"'));
  const names = split(header!);
  return lines.map((line) => Object.fromEntries(split(line).map((value, i) => [names[i], value])));
}

describe('export.table of the accounts view', () => {
  it('with "my accounts", a health band and a sort by health, writes the table’s rows in its order with its figures', async () => {
    const owner = (await ask('accounts.table', { pageSize: 1, filter: { healthBand: 'amber' }, sort: { field: 'owner', direction: 'asc' } })).rows[0]!.owner!;
    await ask('identity.set', { name: owner, email: '', role: 'csm' });
    const query = { filter: { mine: true, healthBand: 'amber' as const }, sort: { field: 'healthScore' as const, direction: 'asc' as const } };
    const shown = await ask('accounts.table', { ...query, pageSize: 500 });
    expect(shown.total).toBeGreaterThan(0);
    expect(shown.total).toBeLessThan((await ask('accounts.table', { pageSize: 1, filter: { healthBand: 'amber' } })).total);
    const path = join(dir, 'mine-amber.csv');
    const written = await ask('export.table', { table: 'accounts', format: 'csv', path, query });
    expect(written.rows).toBe(shown.total);
    const rows = csv(path);
    expect(rows.map((row) => row.Name)).toEqual(shown.rows.map((row) => row.name));
    expect(rows.map((row) => row['Health score'])).toEqual(shown.rows.map((row) => String(Math.round(row.health!.score))));
    expect(new Set(rows.map((row) => row['Health band']))).toEqual(new Set(['Amber']));
    expect(new Set(rows.map((row) => row.Owner))).toEqual(new Set([owner]));
    expect(rows.map((row) => row['Health as of'])).toEqual(shown.rows.map((row) => row.health!.takenAt));
  });

  it('keeps the stored fields only in the raw style, and an accounts.list query still exports', async () => {
    const path = join(dir, 'raw.csv');
    await ask('export.table', { table: 'accounts', format: 'csv', path, style: 'raw', query: { filter: { healthBand: 'red' }, sort: { field: 'name', direction: 'asc' } } });
    const rows = csv(path);
    expect(rows.length).toBe((await ask('accounts.table', { pageSize: 1, filter: { healthBand: 'red' } })).total);
    expect(Object.keys(rows[0] ?? { name: '' })).not.toContain('healthScore');
    const listPath = join(dir, 'list.csv');
    const listed = await ask('export.table', { table: 'accounts', format: 'csv', path: listPath, query: { filter: { segment: 'enterprise' } } });
    expect(listed.rows).toBe((await ask('accounts.list', { pageSize: 1, filter: { segment: 'enterprise' } })).total);
  });
});
