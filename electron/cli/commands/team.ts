// `fulcrum team init | join | sync` (issue 19, docs/team.md): a workspace's shared records to a team's
// PostgreSQL server, or a new workspace from one. The connection string comes from --server or the
// FULCRUM_TEAM_SERVER environment variable (a password may also come from PGPASSWORD); it is passed
// to the core for the call only and never written to the workspace.

import { existsSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createCore } from '../../core';
import { CliError, UsageError, formatCount, requireString, type Command, type Io, type OptionValues } from '../command';
import { call, openExisting } from './workspaceFile';

function serverOf(values: OptionValues): string {
  const server = typeof values.server === 'string' ? values.server : process.env.FULCRUM_TEAM_SERVER;
  if (!server) throw new UsageError('--server (or the FULCRUM_TEAM_SERVER environment variable) is required: postgres://user@host/database');
  return server;
}

/** Hides the password when a connection string is shown. */
const shown = (server: string) => server.replace(/(\/\/[^:/@]+):[^@]*@/, '$1:***@');

async function init(values: OptionValues, io: Io): Promise<number> {
  const server = serverOf(values);
  const core = await openExisting(values);
  try {
    const done = await call<{ teamId: string; rows: number; tables: number }>(core, 'team.create', { server });
    io.out(`Created team ${done.teamId} on ${shown(server)}: uploaded ${formatCount(done.rows)} rows from ${done.tables} shared tables\n`);
    return 0;
  } finally {
    await core.close();
  }
}

async function join(values: OptionValues, io: Io): Promise<number> {
  const server = serverOf(values);
  const out = resolve(requireString(values, 'out'));
  if (!existsSync(dirname(out))) throw new CliError(`no such directory: ${dirname(out)}`);
  if (existsSync(out)) throw new CliError(`${out} already exists; joining a team makes a new workspace`);
  const core = await createCore({ dbPath: out, create: true, dailyRefresh: false });
  let ok = false;
  try {
    const done = await call<{ teamId: string; rows: number }>(core, 'team.join', { server });
    io.out(`Joined team ${done.teamId}: ${out} holds ${formatCount(done.rows)} shared rows\n`);
    ok = true;
    return 0;
  } finally {
    await core.close();
    // A failed join leaves no half-made workspace behind.
    if (!ok) for (const suffix of ['', '-wal', '-shm']) rmSync(out + suffix, { force: true });
  }
}

async function sync(values: OptionValues, io: Io): Promise<number> {
  const server = serverOf(values);
  const core = await openExisting(values);
  try {
    const done = await call<{ pushed: number; rejected: number; pulled: number; pending: number }>(core, 'team.sync', { server });
    const refused = done.rejected > 0 ? ` (${formatCount(done.rejected)} refused by the server: see the workspace's team conflicts)` : '';
    io.out(`Pushed ${formatCount(done.pushed)} changes${refused}, pulled ${formatCount(done.pulled)}; ${formatCount(done.pending)} still pending\n`);
    return 0;
  } finally {
    await core.close();
  }
}

async function run(values: OptionValues, io: Io, positionals: string[] = []): Promise<number> {
  const [action, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`unexpected ${extra.join(' ')}`);
  if (action === 'init') return init(values, io);
  if (action === 'join') return join(values, io);
  if (action === 'sync') return sync(values, io);
  throw new UsageError(action ? `unknown team action '${action}': init, join or sync` : 'say init, join or sync');
}

export const teamCommand: Command = {
  name: 'team',
  summary: 'share a workspace through a team server (PostgreSQL), join one, or sync',
  usage: [
    'fulcrum team init --db FILE [--server postgres://…]',
    'fulcrum team join --out FILE [--server postgres://…]',
    'fulcrum team sync --db FILE [--server postgres://…]',
    '',
    '  init           create the team on the server and upload the workspace FILE',
    '  join           make a new workspace FILE from the team on the server',
    "  sync           push the workspace FILE's changes and pull the team's",
    '  --server URL   the team server; default: the FULCRUM_TEAM_SERVER environment variable',
    '                 (a password may come from PGPASSWORD; it is never stored in the workspace)',
  ].join('\n'),
  options: { db: { type: 'string' }, out: { type: 'string' }, server: { type: 'string' } },
  allowPositionals: true,
  run,
};
