import { randomUUID } from 'node:crypto';
import type { Context } from '../context';
import { CoreError, notFound } from '../errors';
import { CLOCK, TICK } from './capture';
import { naturalGid } from './natural';
import { inTeam } from './state';
import { ROW_FILTER, rowKeyOf, tableShape, type SharedTable } from './tables';

/**
 * team.shareAssessment (docs/team.md "What is shared"): a consultant's assessment never leaves the
 * laptop unless she shares it. Sharing gives it a team_rows row (local_only = 0), which is what the
 * capture triggers' and the upload's row filter ask (tables.ts ROW_FILTER), and queues it, its
 * template and everything under it in the outbox as inserts, in one transaction. From then on its
 * edits are captured like any shared row's; the next sync sends it.
 */

/** Parents first: the template, the assessment, its respondents (answers name them), then the rest. */
const PARTS: { table: SharedTable; where: string; by: 'template' | 'assessment' }[] = [
  { table: 'assessment_templates', where: 'id = ?', by: 'template' },
  { table: 'assessments', where: 'id = ?', by: 'assessment' },
  { table: 'assessment_respondents', where: 'assessment_id = ?', by: 'assessment' },
  { table: 'assessment_answers', where: 'assessment_id = ?', by: 'assessment' },
  { table: 'assessment_targets', where: 'assessment_id = ?', by: 'assessment' },
  { table: 'assessment_recommendations', where: 'assessment_id = ?', by: 'assessment' },
];

const isShared = (ctx: Context, id: number) =>
  ctx.sqlite.prepare(`SELECT 1 FROM team_rows WHERE tbl = 'assessments' AND row_key = ? AND local_only = 0 AND deleted = 0`).get(String(id)) !== undefined;

/** team.assessmentSharing: whether the workspace is in a team and the assessment is shared with it. */
export function assessmentSharing(ctx: Context, id: number): { inTeam: boolean; shared: boolean } {
  if (!ctx.sqlite.prepare('SELECT 1 FROM assessments WHERE id = ?').get(id)) throw notFound('assessment', id);
  return { inTeam: inTeam(ctx.sqlite), shared: isShared(ctx, id) };
}

export function shareAssessment(ctx: Context, id: number): { assessmentId: number; rows: number; alreadyShared: boolean } {
  const { sqlite } = ctx;
  if (!inTeam(sqlite)) throw new CoreError('CONFLICT', 'this workspace is not in a team: join or create one (File › Team) before sharing an assessment');
  const assessment = sqlite.prepare('SELECT id, template_id AS templateId FROM assessments WHERE id = ?').get(id) as { id: number; templateId: number } | undefined;
  if (!assessment) throw notFound('assessment', id);
  if (isShared(ctx, id)) return { assessmentId: id, rows: 0, alreadyShared: true };

  // A template another shared assessment uses is on the hub already.
  const templateShared = sqlite.prepare(`SELECT 1 FROM assessment_templates r WHERE id = ? AND ${ROW_FILTER.assessment_templates!('r')}`).get(assessment.templateId) !== undefined;
  let rows = 0;
  sqlite.transaction(() => {
    const gidOf = sqlite.prepare('SELECT gid FROM team_rows WHERE tbl = ? AND row_key = ?').pluck();
    const put = sqlite.prepare(
      `INSERT INTO team_rows (tbl, row_key, gid) VALUES (?, ?, ?) ON CONFLICT (tbl, row_key) DO UPDATE SET gid = excluded.gid, version = 1, deleted = 0, local_only = 0`,
    );
    const log = sqlite.prepare(`INSERT INTO team_changes (tbl, row_key, gid, op, fields, hlc) VALUES (?, ?, ?, 'insert', NULL, ${CLOCK})`);
    for (const part of PARTS) {
      const shape = tableShape(sqlite, part.table);
      if (part.by === 'template' && templateShared) continue;
      const param = part.by === 'template' ? assessment.templateId : id;
      for (const row of sqlite.prepare(`SELECT * FROM "${part.table}" WHERE ${part.where}`).all(param) as Record<string, unknown>[]) {
        const key = rowKeyOf(shape, row);
        const gid = naturalGid(part.table, row, (t, k) => (gidOf.get(t, String(k)) as string | undefined) ?? null) ?? randomUUID();
        put.run(part.table, key, gid);
        sqlite.exec(TICK);
        log.run(part.table, key, gid);
        rows++;
      }
    }
  })();
  return { assessmentId: id, rows, alreadyShared: false };
}
