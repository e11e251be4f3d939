// Heavy libraries that only a few channels need, loaded on first use: exceljs and echarts together
// are about a second of CPU at start-up, paid by every `fulcrum` command and every app start otherwise.
import type * as ECharts from 'echarts';
import type ExcelJS from 'exceljs';

let excel: Promise<typeof ExcelJS> | undefined;
let echarts: Promise<typeof ECharts> | undefined;

/** exceljs, for XLSX import, export and answer sheets. */
export function loadExcelJS(): Promise<typeof ExcelJS> {
  excel ??= import('exceljs').then((module) => module.default);
  return excel;
}

/** echarts, for the assessment report's server-side SVG charts (about 0.3-0.5 s to load). */
export function loadECharts(): Promise<typeof ECharts> {
  echarts ??= import('echarts');
  return echarts;
}
