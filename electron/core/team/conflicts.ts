import type { ParsedInput } from '../../../shared/contract';
import type { Context } from '../context';
import { CoreError } from '../errors';

const COLUMNS = `id, tbl AS "table", gid, field, kind, local_value AS localValue, remote_value AS remoteValue,
  local_hlc AS localHlc, remote_hlc AS remoteHlc, created_at AS createdAt, resolved_at AS resolvedAt`;

type Conflict = ReturnType<typeof readConflict>;

function readConflict(ctx: Context, id: number) {
  const row = ctx.sqlite.prepare(`SELECT ${COLUMNS} FROM team_conflicts WHERE id = ?`).get(id) as
    { id: number; table: string; gid: string; field: string | null; kind: 'superseded' | 'transition' | 'unique' | 'budget' | 'rejected' } | undefined;
  if (!row) throw new CoreError('NOT_FOUND', `no conflict ${id}`);
  return row as typeof row & {
    localValue: string | null;
    remoteValue: string | null;
    localHlc: string | null;
    remoteHlc: string | null;
    createdAt: string;
    resolvedAt: string | null;
  };
}

/** team.conflicts: open conflicts newest first (resolved ones too, on request). */
export function listConflicts(ctx: Context, input: ParsedInput<'team.conflicts'>): { conflicts: Conflict[] } {
  const where = input.includeResolved === true ? '' : 'WHERE resolved_at IS NULL';
  return { conflicts: ctx.sqlite.prepare(`SELECT ${COLUMNS} FROM team_conflicts ${where} ORDER BY id DESC`).all() as Conflict[] };
}

/** team.conflicts.resolve: `keep` accepts what the merge decided. Reversing is the merge's (docs/team.md). */
export function resolveConflict(ctx: Context, input: ParsedInput<'team.conflicts.resolve'>): Conflict {
  const conflict = readConflict(ctx, input.id);
  if (conflict.resolvedAt !== null) throw new CoreError('CONFLICT', `conflict ${input.id} was already resolved on ${conflict.resolvedAt}`);
  if (input.action === 'reverse') throw new CoreError('BAD_INPUT', `reversing a ${conflict.kind} conflict is not built yet`);
  ctx.sqlite.prepare('UPDATE team_conflicts SET resolved_at = ? WHERE id = ?').run(ctx.now().toISOString(), input.id);
  return readConflict(ctx, input.id);
}
