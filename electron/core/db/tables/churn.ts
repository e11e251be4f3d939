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
  // 0017: the history the model reads, kept in step with writes (churn/kept.ts).
  churnHistory: { accountId: 'integer generated', data: 'blob' },
  churnHistoryState: { id: 'integer generated', layout: 'integer', builtAt: 'text' },
  // 0011: tasks, playbooks, calls to action (issue 17).
} as const satisfies Record<string, Record<string, ColumnSpec>>;
