// The demo is dated relative to the day it is made (a fixed date made every open request look
// weeks late on a new user's first look); `today` still fixes it, for tests and screenshots.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { demoToday, generateDemoWorkspace } from '../../electron/core/demo';
import { DAY_MS } from '../../shared/dates';
import { tempWorkspacePath } from '../fixtures/core';

function lastActivity(path: string): { demo: { today: string }; lastTicket: string; lastRequest: string } {
  const sqlite = new Database(path, { readonly: true });
  try {
    const demo = JSON.parse(sqlite.prepare(`SELECT value FROM settings WHERE key = 'demo'`).pluck().get() as string) as { today: string };
    const lastTicket = sqlite.prepare('SELECT max(opened_at) FROM tickets').pluck().get() as string;
    const lastRequest = sqlite.prepare('SELECT max(requested_at) FROM reference_requests').pluck().get() as string;
    return { demo, lastTicket, lastRequest };
  } finally {
    sqlite.close();
  }
}

describe('the demo workspace and today', () => {
  it('ends its history on the real day when no today is given', async () => {
    const before = demoToday();
    const summary = await generateDemoWorkspace(tempWorkspacePath(), { accounts: 20, seed: 4 });
    const after = demoToday();
    expect([before, after]).toContain(summary.today);
    const { demo, lastTicket, lastRequest } = lastActivity(summary.path);
    expect(demo.today).toBe(summary.today);
    const end = Date.parse(`${summary.today}T00:00:00Z`);
    // The newest ticket and reference request lie in the last weeks before today, never in the past year's November.
    expect(Date.parse(lastTicket)).toBeGreaterThan(end - 14 * DAY_MS);
    expect(Date.parse(lastTicket)).toBeLessThan(end + DAY_MS);
    expect(Date.parse(lastRequest)).toBeGreaterThan(end - 90 * DAY_MS);
  });

  it('keeps a fixed today when one is given', async () => {
    const summary = await generateDemoWorkspace(tempWorkspacePath(), { accounts: 20, seed: 4, today: '2025-03-15' });
    const { demo, lastTicket } = lastActivity(summary.path);
    expect(demo.today).toBe('2025-03-15');
    expect(lastTicket < '2025-03-16').toBe(true);
    expect(lastTicket > '2025-03-01').toBe(true);
  });

  it('demoToday is the UTC calendar day of the instant', () => {
    expect(demoToday(new Date('2026-12-06T23:59:00Z'))).toBe('2026-12-06');
    expect(demoToday(new Date('2027-01-01T00:00:00Z'))).toBe('2027-01-01');
  });
});
