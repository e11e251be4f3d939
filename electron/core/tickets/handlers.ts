import type { ParsedInput } from '../../../shared/contract';
import type { Context } from '../context';
import { crudHandlers } from '../crud/handlers';
import { withAccountAndCustom } from '../crud/tableRows';
import { readSettings } from '../db/settings';
import { clockOf } from '../metrics/rollups/state';
import { ticketsTable } from './repo';
import type { ChannelsOf, Handlers } from '../handlerTypes';

const crud = crudHandlers('tickets', ticketsTable);

/** Minutes from `from` to `to` on the support figures' clock; null while `to` has not happened. */
const minutes = (clock: (from: number, to: number) => number, from: string, to: string | null) => (to === null ? null : Math.max(0, clock(Date.parse(from), Date.parse(to))));

export const ticketsHandlers = {
  ...crud,
  // The table screen: the list's page with account names, custom values and the ticket's times,
  // measured by the clock the support figures use (business minutes when business hours are on).
  'tickets.table': async (input: ParsedInput<'tickets.table'>, ctx: Context) => {
    const page = await crud['tickets.list'](input, ctx);
    const settings = readSettings(ctx.sqlite);
    const clock = clockOf(settings);
    const minutesKind = settings.businessHours.enabled ? ('business' as const) : ('wall' as const);
    const rows = withAccountAndCustom(ctx.sqlite, 'tickets', page.rows).map((row) => ({
      ...row,
      firstResponseMinutes: minutes(clock, row.openedAt, row.firstResponseAt),
      resolutionMinutes: minutes(clock, row.openedAt, row.resolvedAt),
      minutesKind,
    }));
    return { ...page, rows };
  },
} satisfies Handlers<ChannelsOf<'tickets'>>;
