import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ParsedInput } from '../../../shared/contract';
import type { Context } from '../context';
import { exportArchive } from './archive';
import { exportTable } from './table';

// The browser build cannot be handed a path: the export is written into a private temp folder of
// the core, read back as base64 for the renderer to offer as a download, and the folder removed.

const stamp = (now: Date) => now.toISOString().slice(0, 10);

export async function exportDownload(ctx: Context, input: ParsedInput<'export.download'>) {
  const folder = mkdtempSync(join(tmpdir(), 'fulcrum-export-'));
  try {
    if (input.kind === 'archive') {
      const name = `fulcrum-workspace-${stamp(ctx.now())}.json`;
      const path = join(folder, name);
      const result = await exportArchive(ctx, path);
      const rows = Object.values(result.tables).reduce((sum, count) => sum + count, 0);
      return { name, mediaType: 'application/json', contentBase64: readFileSync(path).toString('base64'), rows };
    }
    const name = `${input.table}-${stamp(ctx.now())}.${input.format}`;
    const path = join(folder, name);
    const result = await exportTable(ctx, { table: input.table, format: input.format, path, query: input.query });
    const mediaType = input.format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    return { name, mediaType, contentBase64: readFileSync(path).toString('base64'), rows: result.rows };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
