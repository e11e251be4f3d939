import type { ParsedInput } from '../../../shared/contract';
import type { Context } from '../context';
import { exclusive } from '../db/exclusive';
import type { ChannelsOf, Handlers } from '../handlerTypes';
import { createPurchase, listPurchases, updatePurchase } from './repo';
import { readSettings } from '../db/settings';
import { purchaseModel } from './model';
import { sql } from 'kysely';
import { conditionsSql, queryFields, sortKeySql, type CustomListQuery } from '../db/customFieldQueries';
import { withAccountAndCustom } from '../crud/tableRows';
import { purchaseCurrencies, tablePurchases } from './table';

/** Custom fields (issue 13): the generic list's conditions and sort, compiled for the plain statements over `table` (its name or alias). */
async function customParts(ctx: Context, input: CustomListQuery, table: string) {
  const fields = input.customFilters?.length || input.customSort ? await queryFields(ctx.db, 'purchases', input) : undefined;
  const idRef = sql.ref(`${table}.id`);
  return (
    fields && {
      where: conditionsSql(fields, input, idRef).map((condition) => condition.compile(ctx.db)),
      sort: input.customSort && { ...sortKeySql(fields.get(input.customSort.fieldId)!, idRef).compile(ctx.db), direction: input.customSort.direction },
    }
  );
}

export const purchasesHandlers = {
  'purchases.list': async (input: ParsedInput<'purchases.list'>, ctx: Context) => {
    const custom = await customParts(ctx, input, 'purchases');
    return exclusive(ctx, (sqlite) => listPurchases(sqlite, { ...input, custom }));
  },
  // The table screen (issue 13): a page with each purchase's customer name and custom values.
  'purchases.table': async (input: ParsedInput<'purchases.table'>, ctx: Context) => {
    const custom = await customParts(ctx, input, 'p');
    return exclusive(ctx, (sqlite) => {
      const page = tablePurchases(sqlite, input, custom);
      return { rows: withAccountAndCustom(sqlite, 'purchases', page.rows), total: page.total, page: input.page, pageSize: input.pageSize };
    });
  },
  'purchases.facets': (_input: ParsedInput<'purchases.facets'>, ctx: Context) => exclusive(ctx, (sqlite) => ({ currencies: purchaseCurrencies(sqlite) })),
  'purchases.create': async (input: ParsedInput<'purchases.create'>, ctx: Context) => {
    const created = await exclusive(ctx, (sqlite) => createPurchase(sqlite, input, ctx.now()));
    ctx.emit({ name: 'purchases.changed' });
    return created;
  },
  'purchases.update': async (input: ParsedInput<'purchases.update'>, ctx: Context) => {
    const updated = await exclusive(ctx, (sqlite) => updatePurchase(sqlite, input, ctx.now()));
    ctx.emit({ name: 'purchases.changed' });
    return updated;
  },
  // Issue 16: fitted on demand (kept in memory while the purchases are unchanged).
  'purchases.model': (input: ParsedInput<'purchases.model'>, ctx: Context) => exclusive(ctx, (sqlite) => purchaseModel(sqlite, input, readSettings(sqlite))),
} satisfies Handlers<ChannelsOf<'purchases'>>;
