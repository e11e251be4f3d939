import type { Context } from '../context';
import { getRow, insertRow, listRows, setArchived, updateRow, type ListQuery } from './queries';
import type { Row, TableSpec } from './table';

type Verb = 'list' | 'get' | 'create' | 'update' | 'archive';
export type Handler = (input: any, ctx: Context) => Promise<unknown>;

/**
 * The five channels every plain table has. Writes run in one transaction and announce
 * `<domain>.changed`; domains add their own rules by wrapping or replacing a handler.
 */
export function crudHandlers<Domain extends string>(domain: Domain, spec: TableSpec): Record<`${Domain}.${Verb}`, Handler> {
  const changed = (ctx: Context, id: number) => ctx.emit({ name: `${domain}.changed`, ids: [id] });
  const write = async (ctx: Context, run: (db: Context['db']) => Promise<Row>, id?: number) => {
    const row = await ctx.db.transaction().execute(async (db) => {
      const before = spec.afterWrite && id !== undefined ? await getRow(db, spec, id) : null;
      const after = await run(db);
      spec.afterWrite?.(ctx, { before, after });
      return after;
    });
    changed(ctx, Number(row.id));
    return row;
  };
  return {
    [`${domain}.list`]: (input: ListQuery, ctx: Context) => listRows(ctx.db, spec, input),
    [`${domain}.get`]: (input: { id: number }, ctx: Context) => getRow(ctx.db, spec, input.id),
    [`${domain}.create`]: (input: Row, ctx: Context) => write(ctx, (db) => insertRow(db, spec, input, ctx.now())),
    [`${domain}.update`]: ({ id, ...patch }: Row & { id: number }, ctx: Context) =>
      write(ctx, (db) => updateRow(db, spec, id, patch, ctx.now()), id),
    [`${domain}.archive`]: (input: { id: number }, ctx: Context) =>
      write(ctx, (db) => setArchived(db, spec, input.id, true, ctx.now()), input.id),
  } as Record<`${Domain}.${Verb}`, Handler>;
}
