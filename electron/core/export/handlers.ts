import type { ParsedInput } from '../../../shared/contract';
import type { Context } from '../context';
import { exportArchive, importArchive } from './archive';
import { exportTable } from './table';

export const exportHandlers = {
  'export.table': (input: ParsedInput<'export.table'>, ctx: Context) => exportTable(ctx, input),
  'export.archive': (input: ParsedInput<'export.archive'>, ctx: Context) => exportArchive(ctx, input.path),
  'import.archive': (input: ParsedInput<'import.archive'>, ctx: Context) => importArchive(ctx, input.path),
};
