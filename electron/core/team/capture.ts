import type Database from 'better-sqlite3';
import { COUNTER_SPAN } from './hlc';
import { naturalGidSql } from './natural';
import { inTeam } from './state';
import { ROW_FILTER, sharedOrder, type TableShape } from './tables';

/**
 * Change capture on the laptop (docs/team.md "Local change log"): AFTER triggers on every shared
 * table give each new row a global id in team_rows, bump its version and append to team_changes
 * in the same transaction as the write, whichever domain or path wrote it. They exist only in a
 * workspace that is in a team (installed by team.init / team.join), so a workspace outside a team
 * pays nothing; a pull applying the hub's rows sets the `muted` state row around its writes.
 */

const PREFIX = 'team_capture_';
const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A fresh random (version 4) UUID in SQL: new rows always get a new global id. */
const UUID_SQL = `lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
  substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))`;

/** Advances the packed clock: past its last value and not behind this laptop's wall (plus the hub's offset). */
export const TICK = `UPDATE team_state SET value = max(CAST(value AS INTEGER) + 1,
  (CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) + coalesce((SELECT CAST(value AS INTEGER) FROM team_state WHERE key = 'offset_ms'), 0)) * ${COUNTER_SPAN})
  WHERE key = 'hlc';`;
export const CLOCK = `(SELECT CAST(value AS INTEGER) FROM team_state WHERE key = 'hlc')`;
const NOT_MUTED = `NOT EXISTS (SELECT 1 FROM team_state WHERE key = 'muted')`;

function keySql(shape: TableShape, row: 'NEW' | 'OLD'): string {
  return shape.key.length === 1 ? `CAST(${row}.${q(shape.key[0]!)} AS TEXT)` : `json_array(${shape.key.map((k) => `${row}.${q(k)}`).join(', ')})`;
}

export function captureTriggers(shape: TableShape): string[] {
  const t = shape.table;
  const name = (op: string) => q(`${PREFIX}${t}_${op}`);
  const newKey = keySql(shape, 'NEW');
  const oldKey = keySql(shape, 'OLD');
  const logChange = (op: string, key: string, fields: string) =>
    `INSERT INTO team_changes (tbl, row_key, gid, op, fields, hlc) SELECT '${t}', ${key}, gid, '${op}', ${fields}, ${CLOCK} FROM team_rows WHERE tbl = '${t}' AND row_key = ${key};`;
  // A row every laptop may make on its own has its natural key's gid, unless another row holds it.
  const natural = naturalGidSql(t, 'NEW');
  const gid = natural
    ? `coalesce(CASE WHEN NOT EXISTS (SELECT 1 FROM team_rows WHERE gid = ${natural} AND NOT (tbl = '${t}' AND row_key = ${newKey})) THEN ${natural} END, ${UUID_SQL})`
    : UUID_SQL;
  // A key reused after a delete (tables without AUTOINCREMENT) is a new row: a new global id.
  const ensureRow = (key: string) =>
    `INSERT INTO team_rows (tbl, row_key, gid) VALUES ('${t}', ${key}, ${gid})
       ON CONFLICT (tbl, row_key) DO UPDATE SET gid = CASE WHEN deleted = 1 THEN excluded.gid ELSE gid END,
         version = CASE WHEN deleted = 1 THEN 1 ELSE version + 1 END, deleted = 0;`;
  // Tables that share some rows (settings' team keys, shared assessments) capture only those.
  const filter = ROW_FILTER[t];
  const only = (r: 'NEW' | 'OLD') => (filter ? ` AND ${filter(r)}` : '');
  const changed = shape.columns.map((c) => `OLD.${q(c)} IS NOT NEW.${q(c)}`).join(' OR ');
  const fieldList = `substr(${shape.columns.map((c) => `CASE WHEN OLD.${q(c)} IS NOT NEW.${q(c)} THEN ',${c}' ELSE '' END`).join(' || ')}, 2)`;
  return [
    `CREATE TRIGGER IF NOT EXISTS ${name('insert')} AFTER INSERT ON ${q(t)} WHEN ${NOT_MUTED}${only('NEW')} BEGIN
       ${TICK} ${ensureRow(newKey)} ${logChange('insert', newKey, 'NULL')} END`,
    `CREATE TRIGGER IF NOT EXISTS ${name('update')} AFTER UPDATE ON ${q(t)} WHEN ${NOT_MUTED}${only('NEW')} AND (${changed}) BEGIN
       ${TICK} ${ensureRow(newKey)} ${logChange('update', newKey, fieldList)} END`,
    `CREATE TRIGGER IF NOT EXISTS ${name('delete')} AFTER DELETE ON ${q(t)} WHEN ${NOT_MUTED}${only('OLD')} BEGIN
       ${TICK} UPDATE team_rows SET deleted = 1, version = version + 1 WHERE tbl = '${t}' AND row_key = ${oldKey};
       ${logChange('delete', oldKey, 'NULL')} END`,
  ];
}

/**
 * Installs the capture triggers afresh (idempotent): on open of a team workspace, after its
 * migrations, since a migration that rebuilt a table dropped its triggers and a newer Fulcrum may
 * capture differently (docs/team.md "Local change log").
 */
export function installCapture(sqlite: Database.Database): void {
  sqlite.transaction(() => {
    removeCapture(sqlite);
    for (const shape of sharedOrder(sqlite)) for (const statement of captureTriggers(shape)) sqlite.exec(statement);
    // Every assessment template is known by its natural gid (name, version), shared or not, so a
    // colleague's shared assessment on a starter template lands on this laptop's copy of it.
    sqlite.exec(
      `INSERT OR IGNORE INTO team_rows (tbl, row_key, gid) SELECT 'assessment_templates', CAST(r.id AS TEXT), ${naturalGidSql('assessment_templates', 'r')} FROM assessment_templates r`,
    );
  })();
}

/** On open, after the migrations: a workspace in a team gets its capture triggers back. */
export function captureOnOpen(sqlite: Database.Database): void {
  if (inTeam(sqlite)) installCapture(sqlite);
}

export function removeCapture(sqlite: Database.Database): void {
  const names = sqlite.prepare(`SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE '${PREFIX}%'`).pluck().all() as string[];
  sqlite.transaction(() => {
    for (const name of names) sqlite.exec(`DROP TRIGGER ${q(name)}`);
  })();
}

export function captureInstalled(sqlite: Database.Database): number {
  return sqlite.prepare(`SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE '${PREFIX}%'`).pluck().get() as number;
}
