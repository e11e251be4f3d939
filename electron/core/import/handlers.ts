import type { ParsedInput } from '../../../shared/contract';
import type { Context } from '../context';
import { exclusive } from '../db/exclusive';
import { columnValues, detectFile } from './detectFile';
import { listPresets, savePreset } from './presets';
import { cancelImport, commitImport, previewImport } from './service';
import { stageFile, targetFields } from './stage';
import type { ChannelsOf, Handlers } from '../handlerTypes';

export const importHandlers = {
  // The file goes through the host's file policy (ctx.files): a staged handle, a grant or a path.
  'import.preview': (input: ParsedInput<'import.preview'>, ctx: Context) => previewImport(ctx, { ...input, path: ctx.files.read(input.path) }),
  'import.commit': async (input: ParsedInput<'import.commit'>, ctx: Context) => {
    const result = await commitImport(ctx, { ...input, path: ctx.files.read(input.path) });
    // Returned (committed, rejected or cancelled): the file's grant is spent, its staged copy released.
    ctx.files.finish(input.path);
    return result;
  },
  'import.cancel': (input: ParsedInput<'import.cancel'>, ctx: Context) => cancelImport(ctx, input.jobId),
  'import.presets': (input: ParsedInput<'import.presets'>, ctx: Context) => exclusive(ctx, (sqlite) => listPresets(sqlite, input.into)),
  'import.savePreset': (input: ParsedInput<'import.savePreset'>, ctx: Context) => exclusive(ctx, (sqlite) => savePreset(sqlite, input, ctx.now())),
  'import.stage': (input: ParsedInput<'import.stage'>) => stageFile(input),
  'import.fields': (input: ParsedInput<'import.fields'>) => targetFields(input.into),
  'import.detect': (input: ParsedInput<'import.detect'>, ctx: Context) => detectFile({ ...input, path: ctx.files.read(input.path) }),
  'import.values': (input: ParsedInput<'import.values'>, ctx: Context) => columnValues({ ...input, path: ctx.files.read(input.path) }),
} satisfies Handlers<Exclude<ChannelsOf<'import'>, 'import.archive'>>; // import.archive: with the archive export (export/handlers.ts)
