import type { ExportTable } from '../../../../shared/contract/export';
import { call } from '../../api/client';
import { chooseFile } from '../../api/host';

/**
 * The desktop app's export: the save dialog of the shell, then the core writes the file the user
 * chose (by its grant) itself, however large. Null when the user cancelled the dialog.
 */
export async function exportToChosenFile(
  kind: 'table' | 'archive',
  table: ExportTable,
  format: 'csv' | 'xlsx',
  style: 'readable' | 'raw' = 'readable',
): Promise<{ name: string; rows: number } | null> {
  const today = new Date().toISOString().slice(0, 10);
  if (kind === 'archive') {
    const chosen = await chooseFile('export-archive', `workspace-${today}.json`);
    if (!chosen) return null;
    const archive = await call('export.archive', { path: chosen.grant });
    return { name: chosen.name, rows: Object.values(archive.tables).reduce((sum, n) => sum + n, 0) };
  }
  const chosen = await chooseFile(format === 'csv' ? 'export-csv' : 'export-xlsx', `${table}-${today}.${format}`);
  if (!chosen) return null;
  const written = await call('export.table', { table, format, path: chosen.grant, style });
  return { name: chosen.name, rows: written.rows };
}
