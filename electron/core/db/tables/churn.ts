import type { ColumnSpec } from './columns';

/** Churn models and the predictions that record them. */
export const churnTables = {
  churnModels: { id: 'integer generated', version: 'text', trainedAt: 'text', asOf: 'text', spec: 'text', backtest: 'text', current: 'integer generated' },
  churnPredictions: {
    id: 'integer generated',
    modelId: 'integer',
    accountId: 'integer',
    asOf: 'text',
    probability: 'real',
    contributions: 'text',
    current: 'integer generated',
  },
  // 0011: tasks, playbooks, calls to action (issue 17).
} as const satisfies Record<string, Record<string, ColumnSpec>>;
