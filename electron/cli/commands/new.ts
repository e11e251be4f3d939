// `fulcrum new`: creates an empty workspace. The only way the CLI makes one: every other command
// opens an existing workspace and refuses a missing or empty file.

import { existsSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createCore } from '../../core';
import { CliError, requireString, type Command, type Io, type OptionValues } from '../command';

async function run(values: OptionValues, io: Io): Promise<number> {
  const out = resolve(requireString(values, 'out'));
  if (!existsSync(dirname(out))) throw new CliError(`no such directory: ${dirname(out)}`);
  if (existsSync(out)) {
    if (statSync(out).isDirectory()) throw new CliError(`${out} is a directory`);
    if (!values.force) throw new CliError(`${out} already exists; add --force to replace it`);
    for (const suffix of ['', '-wal', '-shm']) rmSync(out + suffix, { force: true });
  }
  const core = await createCore({ dbPath: out, create: true, dailyRefresh: false });
  try {
    io.out(`Created ${out}: an empty workspace (schema version ${core.context.schemaVersion})\n`);
    return 0;
  } finally {
    await core.close();
  }
}

export const newCommand: Command = {
  name: 'new',
  summary: 'create a new, empty workspace',
  usage: ['fulcrum new --out FILE [--force]', '', '  --out FILE   the workspace file to create', '  --force      replace FILE if it exists'].join('\n'),
  options: { out: { type: 'string', short: 'o' }, force: { type: 'boolean', short: 'f' } },
  run,
};
