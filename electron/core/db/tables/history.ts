import type { ColumnSpec } from './columns';

/** ARR history, health snapshots and the metrics rollups (derived, rebuilt from the records). */
export const historyTables = {
  arrChanges: { id: 'integer generated', accountId: 'integer', changedOn: 'text', arrMinor: 'integer', kind: 'text', createdAt: 'text' },
  healthSnapshots: {
    id: 'integer generated',
    accountId: 'integer',
    takenAt: 'text',
    modelVersion: 'text',
    score: 'real null',
    band: 'text',
    coveragePct: 'real',
    components: 'text',
    current: 'integer generated',
  },
  rollupAccountMonth: { accountId: 'integer', month: 'integer', data: 'blob' },
  rollupSegmentMonth: { segment: 'text', month: 'integer', data: 'blob' },
  rollupTopics: { id: 'integer generated', topic: 'text' },
  rollupState: { id: 'integer generated', layout: 'integer', clock: 'text', builtAt: 'text' },
  // 0007_dimension_rollups
  rollupDimensionMonth: { dimension: 'text', value: 'text', segment: 'text', month: 'integer', data: 'blob' },
  rollupAccountKeys: {
    accountId: 'integer generated',
    segment: 'text',
    industry: 'text null',
    region: 'text null',
    owner: 'text null',
    lifecycleStage: 'text null',
    // 0013_cohort_cells
    startMonth: 'integer null',
    churnMonth: 'integer null',
  },
  rollupFacets: { dimension: 'text', value: 'text', accounts: 'integer' },
  // 0013_cohort_cells
  rollupCohortCell: { dimension: 'text', value: 'text', segment: 'text', startMonth: 'integer', churnMonth: 'integer', accounts: 'integer' },
  // 0006_custom_fields_purchases
} as const satisfies Record<string, Record<string, ColumnSpec>>;
