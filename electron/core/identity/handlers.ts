import type { ParsedInput } from '../../../shared/contract';
import type { Context } from '../context';
import type { ChannelsOf, Handlers } from '../handlerTypes';

/** "Who am I": read and written through the host's store (lib/identityStore.ts), never the workspace. */
export const identityHandlers = {
  'identity.get': (_input: ParsedInput<'identity.get'>, ctx: Context) => ctx.identity.get(),
  'identity.set': (input: ParsedInput<'identity.set'>, ctx: Context) => {
    const saved = ctx.identity.set(input);
    ctx.emit({ name: 'identity.changed' });
    return saved;
  },
  'identity.clear': (_input: ParsedInput<'identity.clear'>, ctx: Context) => {
    ctx.identity.clear();
    ctx.emit({ name: 'identity.changed' });
    return null;
  },
} satisfies Handlers<ChannelsOf<'identity'>>;
