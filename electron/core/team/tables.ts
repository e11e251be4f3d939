import type Database from 'better-sqlite3';

/**
 * What a team shares (docs/team.md "What is shared"), as SQLite table names, parents before the
 * rows that point at them is worked out from the foreign keys (sharedOrder). Everything else never
 * leaves the laptop: assessments (a client's answers stay on the consultant's laptop), derived data
 * (rollups, health snapshots, ARR history, churn models: rebuilt locally), the team's own tables,
 * and, until their rules are written, settings (only keys marked as team settings will be shared),
 * custom fields and purchases (their record ids are polymorphic) and calls to action (rule-made:
 * they need deterministic ids first).
 */
export const SHARED_TABLES = [
  'accounts',
  'contacts',
  'personas',
  'touchpoints',
  'tickets',
  'survey_responses',
  'deployments',
  'outcomes',
  'deals',
  'references',
  'reference_stage_changes',
  'consents',
  'reference_requests',
  'success_stories',
  'story_outcomes',
  'story_approvals',
  'journey_maps',
  'journey_stages',
  'journey_touchpoints',
  'journey_links',
  'tasks',
  'playbooks',
  'success_plans',
  'plan_objectives',
  'plan_milestones',
  'goals',
  'feedback_requests',
  'feedback_items',
] as const;
export type SharedTable = (typeof SHARED_TABLES)[number];

const SHARED = new Set<string>(SHARED_TABLES);
export const isShared = (table: string): table is SharedTable => SHARED.has(table);

/**
 * Integer columns that name a row of another table without a foreign key: the table is read from
 * another column of the same row (journey_links.source is the camelCase table name).
 */
export const POLYMORPHIC: Partial<Record<SharedTable, { column: string; tableFrom: (row: Record<string, unknown>) => string }>> = {
  journey_links: { column: 'record_id', tableFrom: (row) => String(row.source).replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`) },
};

export interface TableShape {
  table: SharedTable;
  columns: string[];
  /** The primary key's columns; `rowid` true when it is one INTEGER PRIMARY KEY (SQLite's rowid). */
  key: string[];
  rowid: boolean;
  /** Foreign keys to shared tables: column → parent table (always the parent's id). */
  parents: Record<string, string>;
  /** Foreign keys to tables that are not shared: sent as null, kept locally. */
  localRefs: string[];
}

interface ColumnInfo {
  name: string;
  type: string;
  pk: number;
}
interface ForeignKeyInfo {
  table: string;
  from: string;
}

export function tableShape(sqlite: Database.Database, table: SharedTable): TableShape {
  const info = sqlite.prepare(`SELECT name, type, pk FROM pragma_table_info(?)`).all(table) as ColumnInfo[];
  const key = info
    .filter((c) => c.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((c) => c.name);
  const rowid = key.length === 1 && info.find((c) => c.name === key[0])!.type.toUpperCase() === 'INTEGER';
  const parents: Record<string, string> = {};
  const localRefs: string[] = [];
  for (const fk of sqlite.prepare(`SELECT "table", "from" FROM pragma_foreign_key_list(?)`).all(table) as ForeignKeyInfo[]) {
    if (fk.table === table) throw new Error(`${table} refers to itself; the team upload does not order such tables yet`);
    if (isShared(fk.table)) parents[fk.from] = fk.table;
    else localRefs.push(fk.from);
  }
  return { table, columns: info.map((c) => c.name), key, rowid, parents, localRefs };
}

/** Every shared table's shape, parents first (so a row's parents exist when it is written). */
export function sharedOrder(sqlite: Database.Database): TableShape[] {
  const shapes = new Map(SHARED_TABLES.map((t) => [t, tableShape(sqlite, t)]));
  const done = new Set<string>();
  const order: TableShape[] = [];
  while (order.length < shapes.size) {
    const ready = [...shapes.values()].filter((s) => !done.has(s.table) && Object.values(s.parents).every((p) => done.has(p) || p === s.table));
    if (ready.length === 0) throw new Error('the shared tables refer to each other in a loop');
    for (const shape of ready) {
      done.add(shape.table);
      order.push(shape);
    }
  }
  return order;
}

/** The local key of a row as team_rows keeps it: the id as text, or the composite key as a JSON array. */
export function rowKeyOf(shape: TableShape, row: Record<string, unknown>): string {
  return shape.key.length === 1 ? String(row[shape.key[0]!]) : JSON.stringify(shape.key.map((k) => row[k]));
}
