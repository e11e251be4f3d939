import type { ParsedInput } from '../../../shared/contract';
import type { Context } from '../context';
import { exportArchive, importArchive } from './archive';
import { exportChunk, exportDownload } from './download';
import { exportMetrics } from './metrics';
import { exportTable } from './table';

export const exportHandlers = {
  'export.table': (input: ParsedInput<'export.table'>, ctx: Context) => exportTable(ctx, input),
  'export.archive': (input: ParsedInput<'export.archive'>, ctx: Context) => exportArchive(ctx, input.path),
  'export.download': (input: ParsedInput<'export.download'>, ctx: Context) => exportDownload(ctx, input),
  'export.chunk': (input: ParsedInput<'export.chunk'>, ctx: Context) => exportChunk(ctx, input),
  'export.metrics': (input: ParsedInput<'export.metrics'>, ctx: Context) => exportMetrics(ctx, input),
  'import.archive': (input: ParsedInput<'import.archive'>, ctx: Context) => importArchive(ctx, input.path),
};
