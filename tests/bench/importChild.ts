// Run in its own process by the import benchmark, so that its peak memory is the import's alone:
// `tsx tests/bench/importChild.ts DIR commit|preview ACCOUNTS_CSV TICKETS_CSV`. `commit` imports the
// accounts, then the tickets through import.commit (rows, commit and derived data, as the UI calls
// it); `preview` runs the preview over every row of the tickets (read, convert, validate, no writes;
// import.preview itself checks only a large file's head, so the service is called with no limit).
// Prints one JSON line.
import { join } from 'node:path';
import { previewImport } from '../../electron/core/import/service';
import { importInput, type ImportPreview, type ImportResult } from '../../shared/contract/import';
import { measured, runChild, withSeededCore } from './importChildSetup';

const [dir, how = 'commit', accounts, tickets] = process.argv.slice(2);

runChild(async () => {
  const logs: string[] = [];
  return withSeededCore(
    join(dir!, `${how}.fulcrum`),
    accounts!,
    async (core) => {
      const input = { path: tickets!, into: 'tickets', preset: 'helpdesk-tickets', previewRows: 0 } as const;
      const { value: result, ...memory } = await measured(async () =>
        how === 'preview'
          ? { ok: true as const, value: await previewImport(core.context, importInput.parse(input), Infinity) }
          : await core.dispatch('import.commit', { ...input, jobId: 'tickets', policy: 'reject' }),
      );
      if (!result.ok) throw new Error(result.error.message);
      const value = result.value as ImportPreview | ImportResult;
      if (value.counts.errors > 0 || ('committed' in value && !value.committed)) throw new Error(`the import had problems: ${JSON.stringify(value.problems.slice(0, 3))}`);
      return {
        rows: value.counts.rows,
        seconds: memory.seconds,
        log: logs.at(-1) ?? '',
        baselineRssMb: memory.baselineRssMb,
        peakRssMb: memory.peakRssMb,
        maxRssMb: memory.maxRssMb,
      };
    },
    (message) => logs.push(message),
  );
});
