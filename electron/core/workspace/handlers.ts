import { basename } from 'node:path';
import { sql } from 'kysely';
import { TABLE_NAMES } from '../../../shared/contract/workspace';
import type { Context } from '../context';
import type { ChannelsOf, Handlers } from '../handlerTypes';

export async function workspaceInfo(ctx: Context) {
  const counts: Record<string, number> = {};
  for (const table of TABLE_NAMES) {
    const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(ctx.db);
    counts[table] = rows[0]?.n ?? 0;
  }
  return { name: basename(ctx.dbPath), path: ctx.dbPath, schemaVersion: ctx.schemaVersion, counts };
}

export const workspaceHandlers = {
  'workspace.info': (_input: unknown, ctx: Context) => workspaceInfo(ctx),
} satisfies Handlers<ChannelsOf<'workspace'>>;
