import type { ColumnSpec } from './columns';

/** Erasures of a person (0016_erasures, docs/privacy.md): no personal data, only ids, times and counts. */
export const privacyTables = {
  erasures: {
    id: 'integer generated',
    contactId: 'integer null',
    gid: 'text null',
    source: 'text',
    erasedAt: 'text',
    removed: 'integer generated',
    scrubbed: 'integer generated',
    hubState: 'text null',
    hubNote: 'text null',
    hubAt: 'text null',
    vacuumedAt: 'text null',
  },
} as const satisfies Record<string, Record<string, ColumnSpec>>;
