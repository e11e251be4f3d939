// `fulcrum import`: a CSV/XLSX file into a workspace through import.preview / import.commit,
// printing the preview's problems and a summary.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  dateOrder as dateOrderSchema,
  describeEncoding,
  describeProblem,
  IMPORT_ENCODINGS,
  IMPORT_TARGETS,
  importMapping,
  type ImportPreview,
  type ImportResult,
} from '../../../shared/contract/import';
import { CliError, formatCount, requireString, UsageError, type Command, type Io, type OptionValues } from '../command';
import type { Core } from '../../core';
import { call, openExisting } from './workspaceFile';

const DATE_ORDERS = dateOrderSchema.options;

const SHOWN_PROBLEMS = 50;

function readMapping(path: string) {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(resolve(path), 'utf8'));
  } catch (error) {
    throw new CliError(`cannot read the mapping ${path}: ${(error as Error).message}`);
  }
  const parsed = importMapping.safeParse(json);
  if (!parsed.success) throw new CliError(`${path} is not a mapping: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

function printPreview(preview: ImportPreview, io: Io): void {
  const { source, counts } = preview;
  io.out(
    `Source     ${source.format}${source.encodingReport ? `, ${describeEncoding(source.encodingReport)}` : source.encoding ? `, ${source.encoding}` : ''}${source.delimiter ? `, delimiter ${JSON.stringify(source.delimiter)}` : ''}, ${source.headers.length} columns\n`,
  );
  const undecoded = source.encodingReport?.replaced ?? 0;
  if (undecoded > 0) {
    io.out(
      `           ${formatCount(undecoded)} characters could not be read as ${source.encodingReport!.encoding}: their cells are problems; choose the file's encoding with --encoding\n`,
    );
  }
  io.out('Mapping\n');
  for (const [field, column] of Object.entries(preview.mapping.fields))
    io.out(`  ${field.padEnd(22)} <- ${typeof column === 'string' ? column : `${column.column} x ${column.scale ?? 1}`}\n`);
  for (const [field, value] of Object.entries(preview.mapping.defaults ?? {})) io.out(`  ${field.padEnd(22)} =  ${value} (default)\n`);
  if (preview.unmapped.length > 0) io.out(`  not imported: ${preview.unmapped.join(', ')}\n`);
  for (const choice of preview.dateChoices) {
    const why = choice.conflict ?? (choice.ambiguous ? 'ambiguous: every value reads both ways' : `because of '${choice.evidence}'`);
    io.out(`Dates in '${choice.column}' read as ${choice.order === 'dmy' ? 'day/month/year' : 'month/day/year'} (${why})\n`);
  }
  if (preview.dateChoices.some((choice) => choice.ambiguous)) io.out('           the import asks: answer with --date-order dmy (day first) or --date-order mdy (month first)\n');
  io.out(
    `Rows       ${formatCount(counts.rows)}: ${formatCount(counts.inserts)} to insert, ${formatCount(counts.updates)} to update, ${formatCount(counts.skips)} skipped, ${formatCount(counts.errors)} with problems\n`,
  );
  const made = preview.accountsCreated;
  if (made && made.count > 0) {
    const more = made.count > made.names.length ? `, … (${formatCount(made.count - made.names.length)} more)` : '';
    io.out(`Accounts   ${formatCount(made.count)} customers are not accounts yet and become new ones: ${made.names.join(', ')}${more}\n`);
  }
  if (preview.head) io.out(`Checked    the first ${formatCount(preview.head.rows)} rows (${Math.round(preview.head.fraction * 100)} % of the file); the import reads every row\n`);
  if (preview.problemsTotal > 0) {
    io.out(`Problems (${formatCount(preview.problemsTotal)})\n`);
    for (const problem of preview.problems.slice(0, SHOWN_PROBLEMS)) io.out(`  ${describeProblem(problem)}\n`);
    if (preview.problemsTotal > SHOWN_PROBLEMS) io.out(`  … and ${formatCount(preview.problemsTotal - SHOWN_PROBLEMS)} more\n`);
  }
  // Rows imported otherwise than the file says (issue 13: a reference's stage the app would refuse).
  const warnings = preview.warnings ?? [];
  if (warnings.length > 0) {
    io.out(`Imported with a change (${formatCount(warnings.length)})\n`);
    for (const warning of warnings.slice(0, SHOWN_PROBLEMS)) io.out(`  ${describeProblem(warning)}\n`);
    if (warnings.length > SHOWN_PROBLEMS) io.out(`  … and ${formatCount(warnings.length - SHOWN_PROBLEMS)} more\n`);
  }
}

type DateOrder = (typeof DATE_ORDERS)[number];
type Mapping = ReturnType<typeof readMapping>;

/**
 * The mapping with the answers given as options: a survey file without a date column dated with
 * the wave's day (--responded-at), the order of a/b/yyyy dates (--date-order). Without --preset or
 * --map the core would map automatically, and a mapping of answers alone would map nothing: the
 * automatic mapping is asked first (a preview) and the answers laid over it.
 */
async function withAnswers(
  core: Core,
  input: { preset?: string | undefined; mapping?: Mapping | undefined },
  answers: { respondedAt?: string | undefined; dateOrder?: DateOrder | undefined; createAccounts?: boolean },
): Promise<Mapping | undefined> {
  if (!answers.respondedAt && !answers.dateOrder && !answers.createAccounts) return input.mapping;
  const base = input.mapping ?? (input.preset ? { fields: {} } : (await call<ImportPreview>(core, 'import.preview', { ...input, previewRows: 0 })).mapping);
  return {
    ...base,
    ...(answers.respondedAt ? { defaults: { ...base.defaults, respondedAt: answers.respondedAt } } : {}),
    ...(answers.dateOrder ? { dateOrder: answers.dateOrder } : {}),
    ...(answers.createAccounts ? { createAccounts: true } : {}),
  };
}

async function run(values: OptionValues, io: Io, positionals: string[] = []): Promise<number> {
  const into = requireString(values, 'into');
  if (!(IMPORT_TARGETS as readonly string[]).includes(into)) throw new UsageError(`--into must be one of ${IMPORT_TARGETS.join(', ')}`);
  if (positionals.length !== 1) throw new UsageError('give exactly one SOURCE file');
  // --preset and --map together: the mapping is laid over the preset (as the core does).
  const respondedAt = typeof values['responded-at'] === 'string' ? values['responded-at'] : undefined;
  if (respondedAt !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(respondedAt)) throw new UsageError('--responded-at must be a date as YYYY-MM-DD');
  const dateOrder = typeof values['date-order'] === 'string' ? values['date-order'] : undefined;
  if (dateOrder !== undefined && !(DATE_ORDERS as readonly string[]).includes(dateOrder))
    throw new UsageError(`--date-order must be one of ${DATE_ORDERS.join(', ')} (dmy: 09/10/2012 is 9 October; mdy: 10/09/2012 is 9 October)`);
  const mapping = typeof values.map === 'string' ? readMapping(values.map) : undefined;
  const input = {
    path: resolve(positionals[0]!),
    into,
    preset: typeof values.preset === 'string' ? values.preset : undefined,
    mapping,
    sheet: typeof values.sheet === 'string' ? values.sheet : undefined,
    encoding: typeof values.encoding === 'string' ? values.encoding : undefined,
    policy: (values.policy as string | undefined) ?? 'reject',
    match: (values.match as string | undefined) ?? 'upsert',
  };
  if (input.encoding !== undefined && !(IMPORT_ENCODINGS as readonly string[]).includes(input.encoding))
    throw new UsageError(`--encoding must be one of ${IMPORT_ENCODINGS.join(', ')}`);
  if (!['reject', 'skip'].includes(input.policy)) throw new UsageError('--policy must be reject or skip');
  if (!['insert', 'update', 'upsert'].includes(input.match)) throw new UsageError('--match must be insert, update or upsert');

  // A dry run writes nothing at all: not even the migration, -wal/-shm or rollup rebuild an open would.
  const core = await openExisting(values, { readOnly: Boolean(values['dry-run']) });
  try {
    input.mapping = await withAnswers(core, input, { respondedAt, dateOrder: dateOrder as DateOrder | undefined, createAccounts: values['create-accounts'] === true });
    if (values['dry-run']) {
      const preview = await call<ImportPreview>(core, 'import.preview', { ...input, previewRows: 0 });
      printPreview(preview, io);
      io.out('Dry run: nothing was written.\n');
      return preview.counts.errors > 0 && input.policy === 'reject' ? 1 : 0;
    }
    const jobId = `cli-${process.pid}`;
    let last = 0;
    const off = core.subscribe((event) => {
      const rate = (event as { rowsPerSecond?: number }).rowsPerSecond;
      if (event.name !== 'import.progress' || !event.progress || Date.now() - last < 500) return;
      last = Date.now();
      const line = `  ${formatCount(event.progress.done)} of ~${formatCount(event.progress.total)} rows, ${formatCount(rate ?? 0)} rows/s`;
      io.err(io.errIsTTY ? `\r${line}\u001b[K` : `${line}\n`);
    });
    const onSigint = () => void core.dispatch('import.cancel', { jobId });
    process.once('SIGINT', onSigint);
    let result: ImportResult;
    try {
      result = await call<ImportResult>(core, 'import.commit', { ...input, jobId, previewRows: 0 });
    } finally {
      off();
      process.off('SIGINT', onSigint);
      if (io.errIsTTY && last > 0) io.err('\n');
    }
    printPreview(result, io);
    if (result.cancelled) io.out('Cancelled: nothing was written.\n');
    else if (!result.committed) io.out('Rejected: the file has problems, nothing was written (use --policy skip to import the good rows).\n');
    else {
      io.out(
        `Imported ${formatCount(result.counts.inserts)} new and ${formatCount(result.counts.updates)} updated ${into} in ${result.seconds.toFixed(1)} s (${formatCount(result.rowsPerSecond)} rows/s).\n`,
      );
      if (result.errorFile) io.out(`Rows with problems were written to ${result.errorFile}\n`);
    }
    return result.committed ? 0 : 1;
  } finally {
    await core.close();
  }
}

export const importCommand: Command = {
  name: 'import',
  summary: 'import a CSV or XLSX file (preview with --dry-run)',
  usage: [
    'fulcrum import --db FILE --into TARGET [--preset NAME] [--map mapping.json] SOURCE [--dry-run] [--policy reject|skip] [--match insert|update|upsert] [--sheet NAME] [--encoding NAME] [--responded-at DATE] [--date-order dmy|mdy|ymd] [--create-accounts]',
    '',
    `  --into TARGET     ${IMPORT_TARGETS.join(', ')}`,
    '  --preset NAME     a shipped or saved mapping (crm-accounts, helpdesk-tickets, nps-survey, csat-survey, fulcrum-<target>)',
    '  --map FILE        a mapping as JSON: {"fields": {"openedAt": "Created at", ...}, "defaults": {...}}',
    '                    (with --preset: laid over it; neither: columns are matched automatically by name and content)',
    '  --dry-run         show the preview and every problem; write nothing',
    '  --policy          reject (default): any problem rejects the file; skip: import good rows, bad ones to NAME.errors.csv',
    '                    beside SOURCE (tickets.csv -> tickets.errors.csv; tickets.errors-2.csv if that exists)',
    '  --match           upsert (default), insert (only new ids) or update (only existing ids)',
    '  --sheet NAME      the XLSX sheet (default: the first)',
    `  --encoding NAME   a text file's encoding: ${IMPORT_ENCODINGS.join(', ')} (default: detected; the preview says which and why)`,
    '  --responded-at D  survey answers without a date column: every answer is dated D (YYYY-MM-DD, the survey wave)',
    '  --create-accounts purchases: a customer no account is yet becomes a new account, named and keyed by the customer',
    "                    column's value (default: such rows are problems)",
    '  --date-order O    how dates written a/b/yyyy are read when no value settles it (the preview asks): dmy (day first),',
    '                    mdy (month first) or ymd; applies to every date column',
  ].join('\n'),
  options: {
    db: { type: 'string' },
    into: { type: 'string' },
    preset: { type: 'string' },
    map: { type: 'string' },
    'dry-run': { type: 'boolean' },
    policy: { type: 'string' },
    match: { type: 'string' },
    sheet: { type: 'string' },
    encoding: { type: 'string' },
    'responded-at': { type: 'string' },
    'date-order': { type: 'string' },
    'create-accounts': { type: 'boolean' },
  },
  allowPositionals: true,
  run,
};
