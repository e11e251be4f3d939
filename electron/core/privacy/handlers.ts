import type { ParsedInput } from '../../../shared/contract';
import type { Context } from '../context';
import { markDerivedStale } from '../derived/refresh';
import { CoreError } from '../errors';
import type { Handlers } from '../handlerTypes';
import { eraseContact, erasureTarget, planErasure, vacuumAfterErasure } from './erase';

/** Names compared as a person types them: surrounding and repeated spaces do not count, letter case does. */
const typed = (text: string) => text.trim().replace(/\s+/g, ' ');

/**
 * Erasing a person (docs/privacy.md). The channels are the contacts domain's (`contacts.erase`,
 * `contacts.erasePlan`); their handlers live here, above `derived`, and the handler table adds them.
 */
export const privacyHandlers = {
  'contacts.erasePlan': (input: ParsedInput<'contacts.erasePlan'>, ctx: Context) => planErasure(ctx.sqlite, input.id),
  'contacts.erase': (input: ParsedInput<'contacts.erase'>, ctx: Context) => {
    const plan = erasureTarget(ctx.sqlite, input.id);
    if (typed(input.confirm) !== typed(plan.name)) {
      throw new CoreError('BAD_INPUT', `confirm: type the contact's name exactly as shown to erase them (erasure cannot be undone)`);
    }
    const now = ctx.now();
    const counts = eraseContact(ctx.sqlite, input.id, now, 'here');
    // A champion or sponsor gone changes health and readiness: derived data is rebuilt from what is left.
    markDerivedStale(ctx.sqlite, 'a person was erased', now);
    const { walCleared } = vacuumAfterErasure(ctx.sqlite, now);
    for (const name of ['contacts.changed', 'workspace.changed']) ctx.emit({ name });
    return {
      erasureId: counts.erasureId,
      erasedAt: now.toISOString(),
      removed: counts.removed,
      unlinked: counts.unlinked,
      mentions: counts.mentions,
      vacuumed: walCleared,
      team: plan.inTeam ? ('pending' as const) : ('none' as const),
    };
  },
} satisfies Handlers<'contacts.erase' | 'contacts.erasePlan'>;
