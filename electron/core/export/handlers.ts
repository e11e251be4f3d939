import type { ParsedInput } from '../../../shared/contract';
import type { Context } from '../context';
import { exportArchive, importArchive } from './archive';
import { exportChunk, exportDownload } from './download';
import { exportMetrics } from './metrics';
import { exportTable } from './table';

export const exportHandlers = {
  // Every file named here goes through the host's file policy (ctx.files); a write spends its grant.
  'export.table': (input: ParsedInput<'export.table'>, ctx: Context) => exportTable(ctx, { ...input, path: ctx.files.write(input.path) }),
  'export.archive': (input: ParsedInput<'export.archive'>, ctx: Context) => exportArchive(ctx, ctx.files.write(input.path)),
  'export.download': (input: ParsedInput<'export.download'>, ctx: Context) => exportDownload(ctx, input),
  'export.chunk': (input: ParsedInput<'export.chunk'>, ctx: Context) => exportChunk(ctx, input),
  'export.metrics': (input: ParsedInput<'export.metrics'>, ctx: Context) => exportMetrics(ctx, input.path === undefined ? input : { ...input, path: ctx.files.write(input.path) }),
  'import.archive': async (input: ParsedInput<'import.archive'>, ctx: Context) => {
    const result = await importArchive(ctx, ctx.files.read(input.path));
    ctx.files.finish(input.path);
    return result;
  },
};
