import type Database from 'better-sqlite3';
import { DEFAULT_SETTINGS } from '../../../shared/contract/settings';

/**
 * What a team shares (docs/team.md "What is shared"), as SQLite table names, parents before the
 * rows that point at them is worked out from the foreign keys (sharedOrder). Some tables share only
 * some rows (ROW_FILTER): settings their team keys, assessments the ones their consultant shared.
 * Everything else never leaves the laptop: derived data (rollups, health snapshots, ARR history,
 * churn models: rebuilt locally), the team's own tables, a CSM's own keys in settings.
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
  'settings',
  'custom_fields',
  'custom_field_values',
  'purchases',
  'calls_to_action',
  'assessment_templates',
  'assessments',
  'assessment_respondents',
  'assessment_answers',
  'assessment_targets',
  'assessment_recommendations',
] as const;
export type SharedTable = (typeof SHARED_TABLES)[number];

const SHARED = new Set<string>(SHARED_TABLES);
export const isShared = (table: string): table is SharedTable => SHARED.has(table);

/** The settings keys a team shares (every group of the settings screen); any other key (a mark, a view preference) stays on the laptop. */
export const TEAM_SETTINGS: readonly string[] = Object.keys(DEFAULT_SETTINGS);

const quoted = (values: readonly string[]) => values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ');
/** The assessment `id` names one its consultant shared (assessments.ts, team.shareAssessment). */
const sharedAssessment = (id: string) => `EXISTS (SELECT 1 FROM team_rows WHERE tbl = 'assessments' AND row_key = CAST(${id} AS TEXT) AND local_only = 0)`;

/**
 * Tables that share only some rows: SQL over the row `r` (NEW or OLD in a trigger, the table's
 * alias in a read). A table not listed shares every row.
 */
export const ROW_FILTER: Partial<Record<SharedTable, (r: string) => string>> = {
  settings: (r) => `${r}."key" IN (${quoted(TEAM_SETTINGS)})`,
  assessment_templates: (r) => `EXISTS (SELECT 1 FROM assessments a WHERE a.template_id = ${r}.id AND ${sharedAssessment('a.id')})`,
  assessments: (r) => sharedAssessment(`${r}.id`),
  assessment_respondents: (r) => sharedAssessment(`${r}.assessment_id`),
  assessment_answers: (r) => sharedAssessment(`${r}.assessment_id`),
  assessment_targets: (r) => sharedAssessment(`${r}.assessment_id`),
  assessment_recommendations: (r) => sharedAssessment(`${r}.assessment_id`),
};

/** A read of a shared table's shared rows. */
export const sharedRowsSql = (table: SharedTable) => {
  const filter = ROW_FILTER[table];
  return `SELECT * FROM "${table}" AS r${filter ? ` WHERE ${filter('r')}` : ''}`;
};

/**
 * Integer columns that name a row of another table without a foreign key: the table is read from
 * the row (journey_links.source is the camelCase table name; a custom field value's record is of
 * its field's kind). `names` are the tables it may name, so they are written first.
 */
const POLYMORPHIC: Partial<Record<SharedTable, { column: string; names: SharedTable[]; tableOf: (sqlite: Database.Database) => (row: Record<string, unknown>) => string | null }>> =
  {
    journey_links: {
      column: 'record_id',
      names: ['tickets', 'survey_responses'],
      tableOf: () => (row) => String(row.source).replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
    },
    custom_field_values: {
      column: 'record_id',
      names: ['accounts', 'contacts', 'tickets', 'purchases'],
      tableOf: (sqlite) => {
        const kind = sqlite.prepare('SELECT record_kind FROM custom_fields WHERE id = ?').pluck();
        return (row) => (kind.get(row.field_id) as string | undefined) ?? null;
      },
    },
  };

/** Rows named inside a text column (a call to action's cause names its answer, request or deployment): written first too. */
const NAMED_IN_TEXT: Partial<Record<SharedTable, SharedTable[]>> = { calls_to_action: ['survey_responses', 'reference_requests', 'deployments'] };

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
  /** A column naming a row of the table `tableOf` reads from the row (POLYMORPHIC). */
  polymorphic?: { column: string; tableOf: (row: Record<string, unknown>) => string | null };
  /** Tables written before this one besides its foreign keys' (polymorphic and in-text references). */
  after: string[];
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
  const poly = POLYMORPHIC[table];
  return {
    table,
    columns: info.map((c) => c.name),
    key,
    rowid,
    parents,
    localRefs,
    ...(poly ? { polymorphic: { column: poly.column, tableOf: poly.tableOf(sqlite) } } : {}),
    after: [...(poly?.names ?? []), ...(NAMED_IN_TEXT[table] ?? [])],
  };
}

/** Every shared table's shape, parents first (so a row's parents exist when it is written). */
export function sharedOrder(sqlite: Database.Database): TableShape[] {
  const shapes = new Map(SHARED_TABLES.map((t) => [t, tableShape(sqlite, t)]));
  const done = new Set<string>();
  const order: TableShape[] = [];
  while (order.length < shapes.size) {
    const ready = [...shapes.values()].filter((s) => !done.has(s.table) && [...Object.values(s.parents), ...s.after].every((p) => done.has(p) || p === s.table));
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
