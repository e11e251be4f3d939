import type { ColumnSpec } from './columns';

/** Custom fields and the purchase history imported beside the records. */
export const customFieldTables = {
  customFields: { id: 'integer generated', recordKind: 'text', name: 'text', type: 'text', choices: 'text generated', createdAt: 'text', updatedAt: 'text' },
  customFieldValues: { fieldId: 'integer', recordId: 'integer', value: 'text', number: 'real null' },
  purchases: {
    id: 'integer generated',
    accountId: 'integer',
    externalId: 'text null',
    purchasedOn: 'text',
    amountMinor: 'integer',
    currency: 'text generated',
    createdAt: 'text',
    updatedAt: 'text',
  },
  // 0008_churn_models
} as const satisfies Record<string, Record<string, ColumnSpec>>;
