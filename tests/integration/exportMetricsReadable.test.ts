import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvRows } from '../../electron/core/import/csv';
import { testCore, type TestCore } from '../fixtures/core';

// Issue 15: the dashboard's export for people (export.metrics, style 'readable'): figures rounded
// as the dashboard shows them, money in currency units named by its currency, words for ids; the
// raw style stays as metrics.portfolio gives the figures. Expected values written out by hand.

let core: TestCore;
beforeAll(async () => {
  core = await testCore();
  const accountId = (await core.call('accounts.create', { name: 'Borealis', segment: 'enterprise', arrMinor: 1_234_567, grossMarginPct: 70, contractStart: '2024-01-01' })).id;
  // CSAT: 5, 4, 2 (66.666… %). NPS: three detractors (−100).
  for (const score of [5, 4, 2]) await core.call('surveyResponses.create', { accountId, respondedAt: '2026-02-10T10:00:00Z', kind: 'csat', score });
  for (const score of [2, 3, 4]) await core.call('surveyResponses.create', { accountId, respondedAt: '2026-02-10T10:00:00Z', kind: 'nps', score });
});
afterAll(() => core.close());

function read(csv: string): Record<string, string>[] {
  const [header, ...rest] = [...csvRows(csv.replace(/^\ufeff/, ''), ',')].map((row) => row.cells);
  return rest.map((cells) => Object.fromEntries(header!.map((name, i) => [name, cells[i] ?? ''])));
}
const query = { from: '2025-04-01', to: '2026-04-01' };

describe("export.metrics style 'readable'", () => {
  it('rounds figures as the dashboard shows them and names the definition', async () => {
    const rows = read((await core.call('export.metrics', { query, style: 'readable' })).csv!);
    const csat = rows.find((r) => r.Section === 'Satisfaction' && r.Figure === 'csat')!;
    expect(csat).toMatchObject({ Definition: 'Customer satisfaction (CSAT)', Value: '66.7', N: '3', Unit: '%', Approximate: 'No' });
    expect(csat['Low (95 %)']).toMatch(/^\d+(\.\d)?$/);
    const nps = rows.find((r) => r.Section === 'Satisfaction' && r.Figure === 'nps')!;
    expect(nps).toMatchObject({ Value: '-100', Unit: 'points' });
    // No figure says more digits than the screen.
    for (const row of rows) expect(row.Value, `${row.Section} ${row.Figure}`).not.toMatch(/\.\d{3,}/);
  });

  it('writes money in currency units with the currency, where the raw style keeps minor units', async () => {
    const readable = read((await core.call('export.metrics', { query, style: 'readable' })).csv!);
    const raw = read((await core.call('export.metrics', { query })).csv!);
    const money = raw.filter((r) => r.unit === 'USD minor units' && r.value !== '');
    expect(money.length).toBeGreaterThan(0);
    for (const row of money) {
      const shown = readable.find((r) => r.Figure === row.figure && r.Section?.toLowerCase() === row.section)!;
      expect(shown.Unit).toBe('USD');
      expect(Number(shown.Value)).toBe(Number((Number(row.value) / 100).toFixed(2)));
    }
  });

  it('refuses a style it does not know', async () => {
    expect((await core.fail('export.metrics', { query, style: 'pretty' })).code).toBe('BAD_INPUT');
  });
});
