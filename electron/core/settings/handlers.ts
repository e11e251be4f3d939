import type { ParsedInput } from '../../../shared/contract';
import type { Context } from '../context';
import { getSettings, updateSettings } from './service';
import type { ChannelsOf, Handlers } from '../handlerTypes';

export const settingsHandlers = {
  'settings.get': (_input: ParsedInput<'settings.get'>, ctx: Context) => getSettings(ctx),
  'settings.update': (input: ParsedInput<'settings.update'>, ctx: Context) => updateSettings(ctx, input),
} satisfies Handlers<ChannelsOf<'settings'>>;
