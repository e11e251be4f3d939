import type { ParsedInput } from '../../../shared/contract';
import type { Context } from '../context';
import { backupFileOf, backupList, backupSettings, createBackup, restoreBackup, scheduledBackup } from './service';
import type { ChannelsOf, Handlers } from '../handlerTypes';

export const backupHandlers = {
  // A path the caller names goes through the host's file policy; the backups folder is the core's own.
  'backup.create': (input: ParsedInput<'backup.create'>, ctx: Context) => createBackup(ctx, input.path === undefined ? undefined : ctx.files.write(input.path)),
  'backup.list': (_input: ParsedInput<'backup.list'>, ctx: Context) => backupList(ctx),
  'backup.scheduled': (_input: ParsedInput<'backup.scheduled'>, ctx: Context) => scheduledBackup(ctx),
  'backup.settings': (input: ParsedInput<'backup.settings'>, ctx: Context) => backupSettings(ctx, input.keep),
  'backup.restore': (input: ParsedInput<'backup.restore'>, ctx: Context) => restoreBackup(ctx, backupFileOf(ctx, input.id)),
} satisfies Handlers<ChannelsOf<'backup'>>;
