import type { ParsedInput } from '../../../shared/contract';
import type { Context } from '../context';
import { crudHandlers } from '../crud/handlers';
import { getRow } from '../crud/queries';
import { resolveScope } from '../journeys/scope';
import { exclusive } from '../db/exclusive';
import { adherenceOf, unwillingChannels, type Preference } from './adherence';
import { reachedContacts, violations } from './adherenceRepo';
import { personasTable } from './repo';
import type { ChannelsOf, Handlers } from '../handlerTypes';

export const personasHandlers = {
  ...crudHandlers('personas', personasTable),
  'personas.adherence': async (input: ParsedInput<'personas.adherence'>, ctx: Context) => {
    const persona = await getRow(ctx.db, personasTable, input.id);
    const preferences = persona.channelPreferences as Partial<Record<string, Preference>>;
    const scope = resolveScope(input, ctx.now());
    return exclusive(ctx, (sqlite) => {
      const reached = reachedContacts(sqlite, input.id, scope.from, scope.to, scope.segment);
      const listed = violations(sqlite, input.id, unwillingChannels(preferences), scope.from, scope.to, scope.segment, input.limit);
      return {
        personaId: input.id,
        scope: { from: scope.from, to: scope.to, segment: scope.segment },
        ...adherenceOf(reached, preferences, { from: scope.measure.fromMonth, to: scope.measure.toMonth }),
        violations: listed.rows as never[],
        violationsTotal: listed.total,
      };
    });
  },
} satisfies Handlers<ChannelsOf<'personas'>>;
