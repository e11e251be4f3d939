import { describe, expect, it } from 'vitest';
import { accountsCreatedText } from './AccountsCreated';
import { shapeQuestions, withCreateAccounts } from './importShape';

describe('the accounts a purchases import creates', () => {
  it('is asked for purchases with an account column, and set or cleared in the mapping', () => {
    const mapping = { fields: { account: 'Customer', amountMinor: 'Amount' } };
    expect(shapeQuestions('purchases', mapping).createAccounts).toBe(true);
    expect(shapeQuestions('purchases', { fields: { amountMinor: 'Amount' } }).createAccounts).toBe(false);
    expect(shapeQuestions('tickets', mapping).createAccounts).toBe(false);
    expect(withCreateAccounts(mapping, true)).toEqual({ ...mapping, createAccounts: true });
    expect(withCreateAccounts({ ...mapping, createAccounts: true }, false)).toEqual(mapping);
  });

  it('says what the preview will make and what the import made, with the first names', () => {
    expect(accountsCreatedText(undefined, false)).toBeNull();
    expect(accountsCreatedText({ count: 1, names: ['SHOP-1'] }, false)).toBe('1 customer is not in the workspace yet: the import will create an account (SHOP-1).');
    expect(accountsCreatedText({ count: 2357, names: ['0001', '0002'] }, false)).toBe(
      '2,357 customers are not in the workspace yet: the import will create an account for each (0001, 0002 and 2,355 more).',
    );
    expect(accountsCreatedText({ count: 2, names: ['A', 'B'] }, true)).toBe('Created 2 accounts for customers that were not in the workspace: A, B.');
    expect(accountsCreatedText({ count: 0, names: [] }, true)).toBeNull();
    expect(accountsCreatedText({ count: 0, names: [] }, false)).toBe('Every customer in the file is an account already: no account will be created.');
  });
});
