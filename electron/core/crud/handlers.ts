import type { Channel, Output } from '../../../shared/contract';
import type { Context } from '../context';
import type { Handlers } from '../handlerTypes';
import { getRow, insertRow, listRows, setArchived, updateRow, type ListQuery } from './queries';
import type { Row, TableSpec } from './table';

type Verb = 'list' | 'get' | 'create' | 'update' | 'archive';
/** Domains whose contract has all five channels. */
type Listed = Extract<Channel, `${string}.list`> extends `${infer D}.list` ? D : never;
export type CrudDomain = { [D in Listed]: [Exclude<`${D}.${Verb}`, Channel>] extends [never] ? D : never }[Listed];
export type CrudHandlers<D extends CrudDomain> = Handlers<Extract<`${D}.${Verb}`, Channel>>;
/** A domain's row as its contract's `get` returns it. */
type CrudRow<D extends CrudDomain> = Output<Extract<`${D}.get`, Channel>> & Row;

/**
 * The five channels every plain table has. Writes run in one transaction and announce
 * `<domain>.changed`; domains add their own rules by wrapping or replacing a handler.
 */
export function crudHandlers<Domain extends CrudDomain>(domain: Domain, spec: TableSpec<CrudRow<Domain>>): CrudHandlers<Domain> {
  const changed = (ctx: Context, id: number) => ctx.emit({ name: `${domain}.changed`, ids: [id] });
  const write = async (ctx: Context, run: (db: Context['db']) => Promise<CrudRow<Domain>>, id?: number) => {
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
    [`${domain}.update`]: ({ id, ...patch }: Row & { id: number }, ctx: Context) => write(ctx, (db) => updateRow(db, spec, id, patch, ctx.now()), id),
    [`${domain}.archive`]: (input: { id: number }, ctx: Context) => write(ctx, (db) => setArchived(db, spec, input.id, true, ctx.now()), input.id),
    // TypeScript cannot follow a computed key through a generic domain; the spec's row type is the
    // domain's `get` output, checked where each domain calls this.
  } as unknown as CrudHandlers<Domain>;
}
