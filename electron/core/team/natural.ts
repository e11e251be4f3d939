import type Database from 'better-sqlite3';
import { GID_FUNCTION, uuid5 } from '../lib/uuid5';
import type { SharedTable } from './tables';

/**
 * Deterministic global ids (docs/team.md "Global ids"): a row that every laptop may make on its own
 * (a call to action a rule opens, the tasks of its playbook, a team setting, a starter playbook, a
 * starter assessment template) is named by its natural key, with every local id in it replaced by
 * that row's global id, and its gid is UUID v5 of that name. Two laptops making it make one row on
 * the hub. The name is built twice, in SQL for the capture trigger and in JavaScript for the upload;
 * the two must agree (tested).
 */

/** A call to action's cause names a row by its local id (`answer:12`, `deployment:4@2026-05-01`); on the hub by its gid. */
const CAUSE_REFS: Record<string, SharedTable> = { answer: 'survey_responses', request: 'reference_requests', deployment: 'deployments' };
const LOCAL_CAUSE = /^(answer|request|deployment):(\d+)(@.*)?$/;
const HUB_CAUSE = /^(answer|request|deployment):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(@.*)?$/;

type GidOf = (table: string, key: unknown) => string | null;

/** The cause as the hub keeps it; null when the row it names has no global id (not shared). */
export function causeToHub(cause: string, gidOf: GidOf): string | null {
  const m = LOCAL_CAUSE.exec(cause);
  if (!m) return cause;
  const gid = gidOf(CAUSE_REFS[m[1]!]!, m[2]);
  return gid ? `${m[1]}:${gid}${m[3] ?? ''}` : null;
}

/** The hub's cause with this laptop's local id back in it (unchanged when the named row is not here). */
export function causeFromHub(cause: string, keyOf: (gid: string) => string | null): string {
  const m = HUB_CAUSE.exec(cause);
  if (!m) return cause;
  const key = keyOf(m[2]!);
  return key === null ? cause : `${m[1]}:${key}${m[3] ?? ''}`;
}

const gidSql = (table: string, key: string) => `(SELECT gid FROM team_rows WHERE tbl = '${table}' AND row_key = CAST(${key} AS TEXT))`;

function causeSql(c: string): string {
  const at = `instr(${c}, '@')`;
  const rest = `CASE WHEN ${at} > 0 THEN substr(${c}, ${at}) ELSE '' END`;
  const cases = Object.entries(CAUSE_REFS).map(([prefix, table]) => {
    const n = prefix.length + 1;
    const id = `CASE WHEN ${at} > 0 THEN substr(${c}, ${n + 1}, ${at} - ${n + 1}) ELSE substr(${c}, ${n + 1}) END`;
    return `WHEN ${c} GLOB '${prefix}:[0-9]*' THEN '${prefix}:' || ${gidSql(table, id)} || ${rest}`;
  });
  return `(CASE ${cases.join(' ')} ELSE ${c} END)`;
}

interface Natural {
  /** The name in SQL over the row `r` (NEW in a trigger); NULL when the row has none (a random gid then). */
  sql(r: string): string;
  js(row: Record<string, unknown>, gidOf: GidOf): string | null;
  /** This laptop's row with the same natural key (pull and join adopt it rather than insert a second). */
  local(sqlite: Database.Database, row: Record<string, unknown>): string | null;
}

/** A SQLite value as text (they are strings and numbers). */
const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'bigint' ? v.toString() : JSON.stringify(v));
const str = (v: unknown) => (v === null || v === undefined ? null : text(v));
const one = (sqlite: Database.Database, query: string, ...params: unknown[]) =>
  str(
    sqlite
      .prepare(query)
      .pluck()
      .get(...params),
  );

/** A call to action's local id, as ctas/rules.ts ctaIdOf makes it: `<rule>:<account id>:<cause>`. */
export const ctaKeyOf = (row: Record<string, unknown>) => `${String(row.rule)}:${String(row.account_id)}:${String(row.cause)}`;

const NATURAL: Partial<Record<SharedTable, Natural>> = {
  settings: {
    sql: (r) => `'settings|' || ${r}."key"`,
    js: (row) => `settings|${String(row.key)}`,
    local: (sqlite, row) => one(sqlite, 'SELECT key FROM settings WHERE key = ?', row.key),
  },
  playbooks: {
    sql: (r) => `CASE WHEN ${r}.opens_on IS NOT NULL THEN 'playbooks|' || ${r}.opens_on END`,
    js: (row) => (row.opens_on == null ? null : `playbooks|${text(row.opens_on)}`),
    local: (sqlite, row) => (row.opens_on == null ? null : one(sqlite, 'SELECT id FROM playbooks WHERE opens_on = ?', row.opens_on)),
  },
  calls_to_action: {
    sql: (r) => `'calls_to_action|' || ${r}.rule || '|' || ${gidSql('accounts', `${r}.account_id`)} || '|' || ${causeSql(`${r}.cause`)}`,
    js: (row, gidOf) => {
      const account = gidOf('accounts', row.account_id);
      const cause = causeToHub(String(row.cause), gidOf);
      return account && cause ? `calls_to_action|${String(row.rule)}|${account}|${cause}` : null;
    },
    local: (sqlite, row) => one(sqlite, 'SELECT id FROM calls_to_action WHERE id = ?', ctaKeyOf(row)),
  },
  tasks: {
    sql: (r) =>
      `CASE WHEN ${r}.cta_id IS NOT NULL AND ${r}.playbook_step IS NOT NULL THEN 'tasks|' || ${gidSql('calls_to_action', `${r}.cta_id`)} || '|' || ${r}.playbook_step END`,
    js: (row, gidOf) => {
      if (row.cta_id == null || row.playbook_step == null) return null;
      const cta = gidOf('calls_to_action', row.cta_id);
      return cta ? `tasks|${cta}|${text(row.playbook_step)}` : null;
    },
    local: (sqlite, row) =>
      row.cta_id == null || row.playbook_step == null ? null : one(sqlite, 'SELECT id FROM tasks WHERE cta_id = ? AND playbook_step = ?', row.cta_id, row.playbook_step),
  },
  assessment_templates: {
    sql: (r) => `'assessment_templates|' || ${r}.name || '|' || ${r}.version`,
    js: (row) => `assessment_templates|${String(row.name)}|${String(row.version)}`,
    local: (sqlite, row) => one(sqlite, 'SELECT id FROM assessment_templates WHERE name = ? AND version = ?', row.name, row.version),
  },
};

/** Rows the core makes by rule on every laptop (not a person's edit, unlike a team setting). */
const RULE_MADE: ReadonlySet<string> = new Set(['calls_to_action', 'tasks', 'playbooks', 'assessment_templates']);

/**
 * Whether a row was made by a rule, which any laptop makes the same (its gid is the UUID v5 of its
 * natural key: version nibble 5; a person's rows get random v4 gids).
 */
export const isRuleMade = (table: string, gid: string) => RULE_MADE.has(table) && gid.charAt(14) === '5';

/** The deterministic gid of a row in SQL (NULL: none), for the capture trigger. */
export function naturalGidSql(table: SharedTable, r: string): string | null {
  const natural = NATURAL[table];
  return natural ? `${GID_FUNCTION}(${natural.sql(r)})` : null;
}

/** The deterministic gid of a local row, or null (the caller makes a random one). */
export function naturalGid(table: SharedTable, row: Record<string, unknown>, gidOf: GidOf): string | null {
  const name = NATURAL[table]?.js(row, gidOf);
  return name ? uuid5(name) : null;
}

/** The local key of this laptop's row with the same natural key as `row` (a local row in this laptop's keys), or null. */
export function naturalLocalKey(sqlite: Database.Database, table: SharedTable, row: Record<string, unknown>): string | null {
  return NATURAL[table]?.local(sqlite, row) ?? null;
}
