// `fulcrum info`: what a workspace holds, through the core's own `workspace.info` channel.

import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { createCore } from '../../core';
import { CliError, formatCount, requireString, type Command, type Io, type OptionValues } from '../command';

interface Info {
  name: string;
  path: string;
  schemaVersion: number;
  counts: Record<string, number>;
}

function printInfo(info: Info, io: Io): void {
  const tables = Object.entries(info.counts);
  const total = tables.reduce((sum, [, n]) => sum + n, 0);
  const width = Math.max(...tables.map(([table]) => table.length), 'total'.length);
  const digits = formatCount(total).length;
  const line = (label: string, n: number) => `  ${label.padEnd(width)}  ${formatCount(n).padStart(digits)}\n`;
  io.out(`Workspace  ${info.name} (${info.path})\n`);
  io.out(`Schema     version ${info.schemaVersion}\n`);
  io.out('Rows\n');
  for (const [table, n] of tables) io.out(line(table, n));
  io.out(line('total', total));
}

async function run(values: OptionValues, io: Io): Promise<number> {
  const dbPath = resolve(requireString(values, 'db'));
  // Opening a path that does not exist would create a new workspace there: check first.
  if (!existsSync(dbPath)) throw new CliError(`no such file: ${dbPath}`);
  if (statSync(dbPath).isDirectory()) throw new CliError(`${dbPath} is a directory, not a workspace file`);
  if (statSync(dbPath).size === 0) throw new CliError(`${dbPath} is empty, not a Fulcrum workspace`);

  // createCore refuses a file that is not a workspace, or one from a newer Fulcrum, with a CoreError.
  // Read-only: info writes nothing to or beside the file (no -wal/-shm, no migration, no rebuild).
  const core = await createCore({ dbPath, readOnly: true });
  try {
    const result = await core.dispatch('workspace.info', {});
    if (!result.ok) throw new CliError(result.error.message);
    const info = result.value as Info;
    if (values.json) io.out(`${JSON.stringify(info, null, 2)}\n`);
    else printInfo(info, io);
    return 0;
  } finally {
    await core.close();
  }
}

export const infoCommand: Command = {
  name: 'info',
  summary: 'show the rows per table and the schema version of a workspace',
  usage: ['fulcrum info --db FILE [--json]', '', '  --db FILE   the workspace file', '  --json      print the result as JSON'].join('\n'),
  options: { db: { type: 'string' }, json: { type: 'boolean' } },
  run,
};
