import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainPaths } from '../../electron/core';
import type { CustomFieldSource } from '../../shared/contract/customFields';
import { testCore, type TestCore } from '../fixtures/core';
import { TELCO_CSV } from '../fixtures/telco';

// Issue 13 on IBM's Telco churn file: auto-mapping no longer proposes SeniorCitizen as the churn
// flag when the Churn column is renamed, and every column no field takes is kept as a typed custom
// field of its account, read back per account, filtered, and handed to a churn model per account.

let core: TestCore;
let dir: string;
beforeAll(async () => {
  core = await testCore(undefined, { files: plainPaths() });
  dir = mkdtempSync(join(tmpdir(), 'fulcrum-custom-'));
});
afterAll(() => core.close());

/** The Telco file with its Churn column renamed: the case that mapped churned <- SeniorCitizen. */
function telcoRenamed(churnHeader: string): string {
  const [header, ...rest] = readFileSync(TELCO_CSV, 'utf8').split('\n');
  const path = join(dir, `telco-${churnHeader.replace(/\W/g, '')}.csv`);
  writeFileSync(path, [header!.replace(/,Churn$/, `,${churnHeader}`), ...rest].join('\n'));
  return path;
}

const TELCO_LINES = readFileSync(TELCO_CSV, 'utf8').trimEnd().split('\n').slice(1);
const TELCO_HEADER = readFileSync(TELCO_CSV, 'utf8').split('\n')[0]!.split(',');
const columnOf = (name: string) => TELCO_HEADER.indexOf(name);

describe('auto-mapping checks the values before proposing a match', () => {
  it('the Churn column renamed to something unknown: churned is left open, never SeniorCitizen, and every column has a confidence', async () => {
    const detected = await core.call('import.detect', { path: telcoRenamed('Left the company'), into: 'accounts' });
    const senior = detected.columns.find((column) => column.column === 'SeniorCitizen')!;
    expect(senior.field).toBeNull();
    expect(senior.keepAs).toBe('bool');
    expect(detected.columns.some((column) => column.field === 'churned')).toBe(false);
    expect(detected.columns.find((column) => column.column === 'customerID')).toMatchObject({ field: 'externalId' });
    expect(detected.columns.find((column) => column.column === 'customerID')!.confidence).toBeGreaterThan(0.8);
    expect(detected.columns).toHaveLength(21);
    // And the preview (automatic mapping) agrees with what detect showed.
    const preview = await core.call('import.preview', { path: telcoRenamed('Left the company'), into: 'accounts', previewRows: 0 });
    expect(preview.mapping.fields).not.toHaveProperty('churned');
  });

  it('renamed to a usual name for the flag, it is found by name once its values read as yes/no', async () => {
    const detected = await core.call('import.detect', { path: telcoRenamed('Churn Flag'), into: 'accounts' });
    expect(detected.columns.find((column) => column.column === 'Churn Flag')).toMatchObject({ field: 'churned' });
    expect(detected.columns.find((column) => column.column === 'SeniorCitizen')!.field).toBeNull();
  });
});

describe('the Telco import keeps all its columns', () => {
  let kept: CustomFieldSource[] = [];

  it('the 17 columns no field takes become custom fields, typed from their values', async () => {
    const detected = await core.call('import.detect', { path: TELCO_CSV, into: 'accounts' });
    const mapped = new Set(['customerID', 'Contract', 'MonthlyCharges', 'Churn']);
    kept = detected.columns.filter((column) => !mapped.has(column.column)).map((column) => ({ column: column.column, type: column.keepAs! }));
    expect(kept).toHaveLength(17);
    expect(Object.fromEntries(kept.map((custom) => [custom.column, custom.type]))).toMatchObject({
      gender: 'choice',
      SeniorCitizen: 'bool',
      Partner: 'bool',
      tenure: 'number',
      InternetService: 'choice',
      PaymentMethod: 'choice',
      TotalCharges: 'number',
    });
    const mapping = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/import/telco-accounts.mapping.json'), 'utf8')) as Record<string, unknown>;
    const result = await core.call('import.commit', { jobId: 'telco', path: TELCO_CSV, into: 'accounts', mapping: { ...mapping, customFields: kept } as never });
    expect(result.problems).toEqual([]);
    expect(result.counts.inserts).toBe(7043);
    expect(result.unmapped).toEqual([]);
  });

  it('an account shows every kept value, as the file has it', async () => {
    const account = (await core.call('accounts.list', { search: '7590-VHVEG' })).rows[0]!;
    const values = Object.fromEntries((await core.call('customFields.values', { recordKind: 'accounts', recordId: account.id })).map((v) => [v.name, v.value]));
    expect(values).toEqual({
      gender: 'Female',
      SeniorCitizen: false,
      Partner: true,
      Dependents: false,
      tenure: 1,
      PhoneService: false,
      MultipleLines: 'No phone service',
      InternetService: 'DSL',
      OnlineSecurity: 'No',
      OnlineBackup: 'Yes',
      DeviceProtection: 'No',
      TechSupport: 'No',
      StreamingTV: 'No',
      StreamingMovies: 'No',
      PaperlessBilling: true,
      PaymentMethod: 'Electronic check',
      TotalCharges: 29.85,
    });
  });

  it('filters accounts by a custom field: as many senior citizens and fibre customers as the file has', async () => {
    const fields = await core.call('customFields.list', { recordKind: 'accounts' });
    const byName = (name: string) => fields.find((field) => field.name === name)!;
    expect(byName('InternetService').choices.sort()).toEqual(['DSL', 'Fiber optic', 'No']);
    const seniors = TELCO_LINES.filter((line) => line.split(',')[columnOf('SeniorCitizen')] === '1').length;
    expect(seniors).toBe(1142);
    expect(await core.call('customFields.matching', { recordKind: 'accounts', filter: { fieldId: byName('SeniorCitizen').id, equals: true } })).toHaveLength(seniors);
    const fibre = TELCO_LINES.filter((line) => line.split(',')[columnOf('InternetService')] === 'Fiber optic').length;
    expect(await core.call('customFields.matching', { recordKind: 'accounts', filter: { fieldId: byName('InternetService').id, equals: 'fiber optic' } })).toHaveLength(fibre);
    const longTenure = TELCO_LINES.filter((line) => Number(line.split(',')[columnOf('tenure')]) >= 60).length;
    expect(await core.call('customFields.matching', { recordKind: 'accounts', filter: { fieldId: byName('tenure').id, min: 60 } })).toHaveLength(longTenure);
  });

  it("hands a churn model every account's values (customFields.forAccounts)", async () => {
    const features = await core.call('customFields.forAccounts', {});
    expect(Object.keys(features)).toHaveLength(7043);
    const account = (await core.call('accounts.list', { search: '7590-VHVEG' })).rows[0]!;
    expect(features[account.id]).toMatchObject({ tenure: 1, InternetService: 'DSL', SeniorCitizen: false });
  });

  it('a type that contradicts the stored field is refused, naming both', async () => {
    const path = join(dir, 'again.csv');
    writeFileSync(path, 'customerID,tenure\n7590-VHVEG,long\n');
    const error = await core.fail('import.preview', {
      path,
      into: 'accounts',
      mapping: { fields: { externalId: 'customerID' }, customFields: [{ column: 'tenure', type: 'text' }] },
    });
    expect(error.message).toBe("custom field 'tenure' of accounts is already a number field, not text");
  });
});
