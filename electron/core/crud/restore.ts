import type { Context } from '../context';
import { getRow, setArchived } from './queries';
import type { Row, TableSpec } from './table';

/**
 * `<domain>.restore`: undoes an archive (a screen's Undo), in one transaction with the same
 * `<domain>.changed` event as the other writes. `check` runs first inside the transaction, for a
 * domain whose rule an archived row no longer obeys (a goal that another took the place of).
 */
export function restoreHandler<T extends Row>(domain: string, spec: TableSpec<T>, check?: (ctx: Context, row: T) => Promise<void>) {
  return async (input: { id: number }, ctx: Context): Promise<T> => {
    const row = await ctx.db.transaction().execute(async (db) => {
      if (check) await check({ ...ctx, db }, await getRow(db, spec, input.id));
      return setArchived(db, spec, input.id, false, ctx.now());
    });
    ctx.emit({ name: `${domain}.changed`, ids: [input.id] });
    return row;
  };
}
