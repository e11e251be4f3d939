// Real data: IBM's Telco churn file (7,043 customers) loaded as accounts through dispatch, and the
// engine's churn figures checked against figures computed here, independently, from the CSV.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../fixtures/core';
import { loadTelco, OBSERVED_FROM, OBSERVED_TO, readTelco, type TelcoCustomer } from '../fixtures/telco';

let core: TestCore;
let customers: TelcoCustomer[];
beforeAll(async () => {
  customers = readTelco();
  core = await testCore();
  await loadTelco(core, customers);
}, 180_000);
afterAll(() => core.close());

const PERIOD = { from: OBSERVED_FROM, to: OBSERVED_TO };

describe('the Telco churn file', () => {
  it('parses 7,043 customers; the 11 blank TotalCharges are missing (tenure 0), never zero', () => {
    expect(customers).toHaveLength(7043);
    const blank = customers.filter((c) => c.totalCharges === null);
    expect(blank).toHaveLength(11);
    expect(blank.every((c) => c.tenureMonths === 0)).toBe(true);
    expect(customers.some((c) => c.totalCharges === 0)).toBe(false);
  });

  it('logo churn is 1,869 of 7,043 = 26.54 %', async () => {
    const p = await core.call('metrics.portfolio', PERIOD);
    expect(p.retention.logoChurn.n).toBe(7043);
    expect(p.retention.logoChurn.value).toBeCloseTo((100 * 1869) / 7043, 9);
    expect(p.retention.logoChurn.value!.toFixed(2)).toBe('26.54');
    expect(p.retention.logoRetention.value).toBeCloseTo((100 * (7043 - 1869)) / 7043, 9);
    expect(p.retention.logoChurn.low).toBeLessThan(26.54);
    expect(p.retention.logoChurn.high).toBeGreaterThan(26.54);
  });

  it("churn by contract type equals the file's, computed independently", async () => {
    const contracts = [...new Set(customers.map((c) => c.contract))].sort();
    expect(contracts).toEqual(['Month-to-month', 'One year', 'Two year']);
    for (const contract of contracts) {
      const group = customers.filter((c) => c.contract === contract);
      const lost = group.filter((c) => c.churned).length;
      const p = await core.call('metrics.portfolio', { ...PERIOD, segment: [contract] });
      expect(p.retention.logoChurn.n, contract).toBe(group.length);
      expect(p.retention.logoChurn.value, contract).toBeCloseTo((100 * lost) / group.length, 9);
    }
    // Month-to-month customers leave most: 1,655 of 3,875.
    const monthly = await core.call('metrics.portfolio', { ...PERIOD, segment: ['Month-to-month'] });
    expect(monthly.retention.logoChurn.value!.toFixed(2)).toBe(((100 * 1655) / 3875).toFixed(2));
  });

  it('gross revenue retention is the ARR kept by the customers who stayed', async () => {
    const arr = (c: TelcoCustomer) => Math.round(c.monthlyCharges * 12 * 100);
    const total = customers.reduce((s, c) => s + arr(c), 0);
    const churned = customers.filter((c) => c.churned).reduce((s, c) => s + arr(c), 0);
    const p = await core.call('metrics.portfolio', PERIOD);
    expect(p.retention.grossRevenueRetention).toMatchObject({ n: 7043 });
    expect(p.retention.grossRevenueRetention.value).toBeCloseTo((100 * (total - churned)) / total, 9);
    // No expansion in the file: NRR equals GRR.
    expect(p.retention.netRevenueRetention.value).toBeCloseTo(p.retention.grossRevenueRetention.value!, 9);
  });

  it('median tenure of the customers at the period end', async () => {
    const staying = customers
      .filter((c) => !c.churned)
      .map((c) => c.tenureMonths)
      .sort((a, b) => a - b);
    const p = await core.call('metrics.portfolio', PERIOD);
    expect(p.retention.tenureMonths.n).toBe(staying.length);
    // Tenure is counted in days to the period end, so a month more than the file's months, within a few days.
    const mid = (staying[(staying.length - 1) >> 1]! + staying[staying.length >> 1]!) / 2;
    expect(Math.abs(p.retention.tenureMonths.value! - (mid + 1))).toBeLessThan(0.2);
  });
});
