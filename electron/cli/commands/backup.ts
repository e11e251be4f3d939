// `fulcrum backup`: a consistent copy of a workspace (SQLite's online backup), safe while the app has it open.

import { resolve } from 'node:path';
import { formatCount, type Command, type Io, type OptionValues } from '../command';
import { call, openExisting } from './workspaceFile';

async function run(values: OptionValues, io: Io): Promise<number> {
  const core = await openExisting(values);
  try {
    const path = typeof values.out === 'string' ? resolve(values.out) : undefined;
    const file = await call<{ path: string; bytes: number }>(core, 'backup.create', path ? { path } : {});
    io.out(`Backed up to ${file.path} (${formatCount(file.bytes)} bytes)\n`);
    return 0;
  } finally {
    await core.close();
  }
}

export const backupCommand: Command = {
  name: 'backup',
  summary: 'copy a workspace consistently, even while it is open',
  usage: ['fulcrum backup --db FILE [--out FILE]', '', '  --out FILE   where to write (default: FILE.backups/ beside the workspace)'].join('\n'),
  options: { db: { type: 'string' }, out: { type: 'string' } },
  run,
};
