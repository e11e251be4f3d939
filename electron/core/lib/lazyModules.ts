// Heavy libraries that only a few channels need, loaded on first use: exceljs alone is about
// 0.65 s of CPU at start-up, paid by every `fulcrum` command and every app start otherwise.
import type ExcelJS from 'exceljs';

let excel: Promise<typeof ExcelJS> | undefined;

/** exceljs, for XLSX import, export and answer sheets. */
export function loadExcelJS(): Promise<typeof ExcelJS> {
  excel ??= import('exceljs').then((module) => module.default);
  return excel;
}
