import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../fixtures/core';
import { countRows } from '../fixtures/domains';

let core: TestCore;
beforeEach(async () => {
  core = await testCore();
});
afterEach(() => core.close());

const OPENED = '2026-01-10T09:00:00.000Z';

describe('deals', () => {
  it('round-trips the products list through the JSON column', async () => {
    const products = ['Analytics', 'Billing', 'Data export'];
    const created = await core.call('deals.create', { prospect: 'Initech', openedAt: OPENED, products });
    expect(created.products).toEqual(products);
    const stored = core.context.sqlite.prepare('SELECT products FROM deals WHERE id = ?').get(created.id) as { products: string };
    expect(JSON.parse(stored.products)).toEqual(products);
    expect((await core.call('deals.update', { id: created.id, products: ['Billing'] })).products).toEqual(['Billing']);
    expect((await core.call('deals.get', { id: created.id })).products).toEqual(['Billing']);
  });

  it('refuses a product list that is not a list of names', async () => {
    for (const products of [['Analytics', ''], [42], 'Analytics', Array.from({ length: 51 }, (_, i) => `P${i}`)]) {
      const error = await core.fail('deals.create', { prospect: 'Initech', openedAt: OPENED, products });
      expect(error.code).toBe('BAD_INPUT');
      expect(error.issues?.[0]?.path).toMatch(/^products/);
    }
    expect(countRows(core, 'deals')).toBe(0);
  });

  it('refuses a close before the opening, and accepts a close at it', async () => {
    const early = await core.fail('deals.create', { prospect: 'Initech', openedAt: OPENED, closedAt: '2026-01-10T08:59:59Z', stage: 'closed_lost' });
    expect(early.code).toBe('BAD_INPUT');
    expect(early.issues).toEqual([{ path: 'closedAt', message: 'cannot be before openedAt' }]);
    expect(countRows(core, 'deals')).toBe(0);
    const sameMoment = await core.call('deals.create', { prospect: 'Initech', openedAt: OPENED, closedAt: OPENED, stage: 'closed_won' });
    expect(sameMoment).toMatchObject({ openedAt: OPENED, closedAt: OPENED });
  });

  it('checks an update against the stored opening time', async () => {
    const deal = await core.call('deals.create', { prospect: 'Globex', openedAt: OPENED });
    const early = await core.fail('deals.update', { id: deal.id, closedAt: '2026-01-01T00:00:00Z', stage: 'closed_lost' });
    expect(early.code).toBe('BAD_INPUT');
    expect(await core.call('deals.get', { id: deal.id })).toEqual(deal);
    const closed = await core.call('deals.update', { id: deal.id, closedAt: '2026-02-01T00:00:00Z', stage: 'closed_won', amountMinor: 1_250_000 });
    expect(closed).toMatchObject({ closedAt: '2026-02-01T00:00:00.000Z', stage: 'closed_won', amountMinor: 1_250_000, openedAt: OPENED });
  });

  it('refuses money that is not whole minor units and a currency that is not ISO 4217', async () => {
    const cents = await core.fail('deals.create', { prospect: 'Initech', openedAt: OPENED, amountMinor: 10.5 });
    expect(cents.issues).toEqual([{ path: 'amountMinor', message: 'must be whole minor units (cents)' }]);
    const currency = await core.fail('deals.create', { prospect: 'Initech', openedAt: OPENED, currency: 'usd' });
    expect(currency.issues?.[0]?.path).toBe('currency');
    expect(countRows(core, 'deals')).toBe(0);
  });

  it('links an expansion deal to its account and filters by it', async () => {
    const account = await core.call('accounts.create', { name: 'Acme' });
    await core.call('deals.create', { prospect: 'New logo', openedAt: OPENED });
    const expansion = await core.call('deals.create', { prospect: 'Acme', openedAt: '2026-01-11T00:00:00Z', accountId: account.id });
    expect((await core.call('deals.list', { filter: { accountId: account.id } })).rows.map((r) => r.id)).toEqual([expansion.id]);
    const byOpening = await core.call('deals.list', { sort: { field: 'openedAt', direction: 'asc' } });
    expect(byOpening.rows.map((r) => r.prospect)).toEqual(['New logo', 'Acme']);
  });
});
