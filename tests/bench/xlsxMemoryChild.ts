// Run in its own process by the xlsx-memory benchmark, so that its peak memory is one import's
// alone: `tsx tests/bench/xlsxMemoryChild.ts DIR ACCOUNTS_CSV FILE commit|whole|preview`. `commit`
// imports the accounts, then FILE (CSV or XLSX) as tickets through import.commit; `whole` only loads
// the XLSX whole with exceljs and reads every row, as the import did before it streamed; `preview`
// runs import.preview of FILE (a workbook's preview reads its head only). One JSON line.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { ImportResult } from '../../shared/contract/import';
import { measured, runChild, withSeededCore } from './importChildSetup';

const [dir, accounts, file, how = 'commit'] = process.argv.slice(2);

runChild(() =>
  withSeededCore(join(dir!, `xlsx-${process.pid}.fulcrum`), accounts!, async (core) => {
    const { value: rows, ...memory } = await measured(async () => {
      if (how === 'whole') {
        let count = 0;
        const book = new ExcelJS.Workbook();
        await book.xlsx.readFile(file!);
        book.worksheets[0]!.eachRow(() => count++);
        return count - 1;
      }
      if (how === 'preview') {
        const preview = await core.dispatch('import.preview', { path: file!, into: 'tickets', preset: 'helpdesk-tickets', previewRows: 20 });
        if (!preview.ok) throw new Error(preview.error.message);
        return (preview.value as ImportResult).counts.rows;
      }
      const result = await core.dispatch('import.commit', { jobId: 'tickets', path: file!, into: 'tickets', preset: 'helpdesk-tickets', previewRows: 0, policy: 'reject' });
      if (!result.ok) throw new Error(result.error.message);
      const value = result.value as ImportResult;
      if (!value.committed) throw new Error(`the import had problems: ${JSON.stringify(value.problems.slice(0, 3))}`);
      return value.counts.rows;
    });
    return { rows, ...memory };
  }),
);
