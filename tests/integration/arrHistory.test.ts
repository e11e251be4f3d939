// The ARR history: every account write that moves ARR or churn appends to arr_changes in its own
// transaction, and revenue retention reads it (new customers excluded from the cohort).
import Database from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../electron/core/db/migrations';
import { migrate } from '../../electron/core/db/open';
import { clockedCore, type ClockedCore } from '../fixtures/clock';

let core: ClockedCore;
beforeEach(async () => {
  core = await clockedCore();
});
afterEach(() => core.close());

const history = (accountId: number) =>
  core.context.sqlite.prepare('SELECT changed_on, arr_minor, kind FROM arr_changes WHERE account_id = ? ORDER BY changed_on, id').raw(true).all(accountId);

describe('arr_changes', () => {
  it('records the start, each change and the churn, dated as they happened', async () => {
    const a = await core.call('accounts.create', { name: 'Acme', arrMinor: 1_000_000, contractStart: '2025-01-01' });
    core.setNow('2025-06-10T09:00:00Z');
    await core.call('accounts.update', { id: a.id, arrMinor: 1_200_000 });
    await core.call('accounts.update', { id: a.id, owner: 'Dana' }); // not an ARR change
    core.setNow('2025-09-01T09:00:00Z');
    await core.call('accounts.update', { id: a.id, arrMinor: 900_000 });
    await core.call('accounts.update', { id: a.id, churnedAt: '2025-12-31', lifecycleStage: 'churned' });
    await core.call('accounts.update', { id: a.id, churnedAt: '2025-12-15' }); // a corrected date moves the churn
    core.setNow('2026-02-01T09:00:00Z');
    await core.call('accounts.update', { id: a.id, churnedAt: null, lifecycleStage: 'onboarding' });
    expect(history(a.id)).toEqual([
      ['2025-01-01', 1_000_000, 'new'],
      ['2025-06-10', 1_200_000, 'expansion'],
      ['2025-09-01', 900_000, 'contraction'],
      ['2025-12-15', 0, 'churn'],
      ['2026-02-01', 900_000, 'reactivation'],
    ]);
  });

  it('an account created without ARR gets its history when ARR is first set', async () => {
    const a = await core.call('accounts.create', { name: 'Later' });
    expect(history(a.id)).toEqual([]);
    await core.call('accounts.update', { id: a.id, arrMinor: 500_00 });
    expect(history(a.id)).toEqual([['2026-03-01', 500_00, 'new']]);
  });

  it('GRR 88 % and NRR 103 % for the metrics.md example; a new customer stays out of the cohort', async () => {
    // Start ARR 1,000,000 over four accounts; one churns (80,000), one contracts (40,000), one expands (150,000).
    const start = { contractStart: '2024-06-01' };
    const churner = await core.call('accounts.create', { name: 'Churner', arrMinor: 80_000, ...start });
    const shrinker = await core.call('accounts.create', { name: 'Shrinker', arrMinor: 200_000, ...start });
    const grower = await core.call('accounts.create', { name: 'Grower', arrMinor: 300_000, ...start });
    await core.call('accounts.create', { name: 'Steady', arrMinor: 420_000, ...start });
    core.setNow('2025-03-10T09:00:00Z');
    await core.call('accounts.update', { id: churner.id, churnedAt: '2025-03-10' });
    await core.call('accounts.update', { id: shrinker.id, arrMinor: 160_000 });
    await core.call('accounts.update', { id: grower.id, arrMinor: 450_000 });
    await core.call('accounts.create', { name: 'New', arrMinor: 999_000, contractStart: '2025-02-01' });
    const p = await core.call('metrics.portfolio', { from: '2025-01-01', to: '2026-01-01' });
    expect(p.retention.grossRevenueRetention).toMatchObject({ value: 88, n: 4 });
    expect(p.retention.netRevenueRetention.value).toBeCloseTo(103, 9);
    expect(p.retention.logoChurn).toMatchObject({ value: 25, n: 4 });
  });
});

describe('migration 0002', () => {
  it('backfills the ARR history of the accounts a version-1 workspace already has', async () => {
    const sqlite = new Database(':memory:');
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new CamelCasePlugin()] });
    await migrate(db, sqlite, migrations.slice(0, 1));
    const insert = sqlite.prepare(`INSERT INTO accounts (name, arr_minor, contract_start, churned_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`);
    insert.run('Kept', 100_00, '2024-01-01', null, '2023-12-01T10:00:00.000Z', 'x');
    insert.run('Lost', 200_00, null, '2025-05-01', '2024-02-03T10:00:00.000Z', 'x');
    insert.run('Free', 0, '2024-01-01', null, '2024-01-01T10:00:00.000Z', 'x');
    await migrate(db, sqlite);
    expect(sqlite.prepare('SELECT account_id, changed_on, arr_minor, kind FROM arr_changes ORDER BY account_id, changed_on').raw(true).all()).toEqual([
      [1, '2024-01-01', 100_00, 'new'],
      [2, '2024-02-03', 200_00, 'new'],
      [2, '2025-05-01', 0, 'churn'],
    ]);
    await db.destroy();
  });
});
