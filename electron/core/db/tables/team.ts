import type { ColumnSpec } from './columns';

/** The team workspace's laptop side (0014_team, docs/team.md): ids, versions, the outbox, conflicts. */
export const teamTables = {
  teamState: { key: 'text', value: 'text' },
  teamRows: {
    tbl: 'text',
    rowKey: 'text',
    gid: 'text',
    version: 'integer generated',
    clocks: 'text generated',
    agreed: 'text generated',
    deleted: 'integer generated',
    localOnly: 'integer generated',
  },
  teamChanges: { seq: 'integer generated', tbl: 'text', rowKey: 'text', gid: 'text', op: 'text', fields: 'text null', hlc: 'integer' },
  teamConflicts: {
    id: 'integer generated',
    tbl: 'text',
    gid: 'text',
    field: 'text null',
    kind: 'text',
    localValue: 'text null',
    remoteValue: 'text null',
    localHlc: 'text null',
    remoteHlc: 'text null',
    createdAt: 'text',
    resolvedAt: 'text null',
  },
} as const satisfies Record<string, Record<string, ColumnSpec>>;
