// Assessment templates: one row per (name, version), the framework as one JSON document.
// A version used by an assessment is locked; saving a locked version writes the next version.
import type Database from 'better-sqlite3';
import { framework as frameworkSchema, type Framework, type Template } from '../../../shared/contract/assessments';
import { CoreError, notFound } from '../errors';
import { CS_MATURITY } from './starters/csMaturity';
import { CX_MATURITY } from './starters/cxMaturity';
import { LEVERAGE_READINESS } from './starters/leverageReadiness';

export const STARTER_TEMPLATES = [CX_MATURITY, CS_MATURITY, LEVERAGE_READINESS];

interface TemplateRow {
  id: number;
  name: string;
  version: number;
  framework: string;
  locked_at: string | null;
  created_at: string;
  updated_at: string;
  assessments: number;
}

const SELECT = `SELECT t.*, (SELECT count(*) FROM assessments a WHERE a.template_id = t.id) AS assessments FROM assessment_templates t`;

function decode(row: TemplateRow): Template {
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    // Parsed again so defaults of newer framework fields apply to older documents.
    framework: frameworkSchema.parse(JSON.parse(row.framework)),
    lockedAt: row.locked_at,
    assessments: row.assessments,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Writes the starter templates a workspace does not have yet (by name, any version). */
export function seedStarterTemplates(sqlite: Database.Database, now: Date): number {
  const has = sqlite.prepare('SELECT 1 FROM assessment_templates WHERE name = ?');
  let added = 0;
  sqlite.transaction(() => {
    for (const starter of STARTER_TEMPLATES) {
      if (has.get(starter.name)) continue;
      insertTemplate(sqlite, starter.name, 1, frameworkSchema.parse(starter.framework), now);
      added++;
    }
  })();
  return added;
}

function insertTemplate(sqlite: Database.Database, name: string, version: number, framework: Framework, now: Date): number {
  const stamp = now.toISOString();
  const result = sqlite
    .prepare('INSERT INTO assessment_templates (name, version, framework, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
    .run(name, version, JSON.stringify(framework), stamp, stamp);
  return Number(result.lastInsertRowid);
}

export function listTemplates(sqlite: Database.Database, includeOlderVersions: boolean): Template[] {
  const rows = sqlite.prepare<unknown[], TemplateRow>(`${SELECT} WHERE t.archived_at IS NULL ORDER BY t.name, t.version DESC`).all();
  const latest = includeOlderVersions ? rows : rows.filter((row, i) => i === 0 || rows[i - 1]!.name !== row.name);
  return latest.map(decode);
}

export function getTemplate(sqlite: Database.Database, id: number): Template {
  const row = sqlite.prepare<unknown[], TemplateRow>(`${SELECT} WHERE t.id = ?`).get(id);
  if (!row) throw notFound('template', id);
  return decode(row);
}

export function lockTemplate(sqlite: Database.Database, id: number, now: Date): void {
  sqlite.prepare('UPDATE assessment_templates SET locked_at = ? WHERE id = ? AND locked_at IS NULL').run(now.toISOString(), id);
}

/**
 * Creates a template (version 1), edits an unlocked version in place, or, for a locked version,
 * writes the edit as the name's next version, leaving assessments on the old one untouched.
 */
export function saveTemplate(sqlite: Database.Database, input: { id?: number; name: string; framework: Framework }, now: Date): Template {
  return sqlite.transaction(() => {
    if (input.id === undefined) {
      if (sqlite.prepare('SELECT 1 FROM assessment_templates WHERE name = ?').get(input.name)) {
        throw new CoreError('CONFLICT', `a template named "${input.name}" already exists: edit it, or choose another name`, [{ path: 'name', message: 'is already used' }]);
      }
      return getTemplate(sqlite, insertTemplate(sqlite, input.name, 1, input.framework, now));
    }
    const current = getTemplate(sqlite, input.id);
    if (current.lockedAt === null && current.name === input.name) {
      sqlite.prepare('UPDATE assessment_templates SET framework = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(input.framework), now.toISOString(), input.id);
      return getTemplate(sqlite, input.id);
    }
    const { next } = sqlite.prepare<unknown[], { next: number }>('SELECT coalesce(max(version), 0) + 1 AS next FROM assessment_templates WHERE name = ?').get(input.name)!;
    return getTemplate(sqlite, insertTemplate(sqlite, input.name, next, input.framework, now));
  })();
}

/** A template with this name and framework, or a new version of the name holding it (for imports). */
export function findOrAddTemplate(sqlite: Database.Database, name: string, framework: Framework, now: Date): number {
  const json = JSON.stringify(framework);
  const rows = sqlite.prepare<unknown[], { id: number; framework: string }>('SELECT id, framework FROM assessment_templates WHERE name = ?').all(name);
  const same = rows.find((row) => JSON.stringify(frameworkSchema.parse(JSON.parse(row.framework))) === json);
  if (same) return same.id;
  const { next } = sqlite.prepare<unknown[], { next: number }>('SELECT coalesce(max(version), 0) + 1 AS next FROM assessment_templates WHERE name = ?').get(name)!;
  return insertTemplate(sqlite, name, next, framework, now);
}
