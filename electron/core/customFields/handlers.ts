import type { ParsedInput } from '../../../shared/contract';
import type { Context } from '../context';
import { exclusive } from '../db/exclusive';
import type { ChannelsOf, Handlers } from '../handlerTypes';
import { customValuesByAccount, listFields, matchingRecords, valuesOf } from './repo';

export const customFieldsHandlers = {
  'customFields.list': (input: ParsedInput<'customFields.list'>, ctx: Context) => exclusive(ctx, (sqlite) => listFields(sqlite, input.recordKind)),
  'customFields.values': (input: ParsedInput<'customFields.values'>, ctx: Context) => exclusive(ctx, (sqlite) => valuesOf(sqlite, input.recordKind, input.recordId)),
  'customFields.matching': (input: ParsedInput<'customFields.matching'>, ctx: Context) => exclusive(ctx, (sqlite) => matchingRecords(sqlite, input.recordKind, input.filter)),
  'customFields.forAccounts': (_input: ParsedInput<'customFields.forAccounts'>, ctx: Context) => exclusive(ctx, (sqlite) => customValuesByAccount(sqlite)),
} satisfies Handlers<ChannelsOf<'customFields'>>;
