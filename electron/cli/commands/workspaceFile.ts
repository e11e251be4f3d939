// Shared by import, export and backup: open an existing workspace file (never create one by accident)
// and call channels on it, turning a failed result into a CliError.

import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { createCore, defaultIdentityFile, plainPaths, type Core } from '../../core';
import { CliError, requireString, type OptionValues } from '../command';

/** An unexpected failure reaches the CLI's user as an error id; the exception itself goes to stderr with it. */
const log = (level: 'info' | 'warn' | 'error', message: string) => {
  if (level === 'error') process.stderr.write(`fulcrum: ${message}\n`);
};

/** `readOnly`: nothing is written to or beside the file (the core reads a private copy of it). */
export async function openExisting(values: OptionValues, options: { readOnly?: boolean; now?: Date } = {}): Promise<Core> {
  const dbPath = resolve(requireString(values, 'db'));
  if (!existsSync(dbPath)) throw new CliError(`no such file: ${dbPath}`);
  if (statSync(dbPath).isDirectory()) throw new CliError(`${dbPath} is a directory, not a workspace file`);
  // createCore refuses an empty file, or one that is not a workspace, before writing anything.
  // The CLI's file policy: plain paths, since its user typed them.
  const { now } = options;
  return createCore({ dbPath, readOnly: options.readOnly, dailyRefresh: false, files: plainPaths(), identityFile: defaultIdentityFile(), log, ...(now ? { now: () => now } : {}) });
}

export async function call<T>(core: Core, channel: string, input: unknown): Promise<T> {
  const result = await core.dispatch(channel, input);
  if (!result.ok) {
    const issues = result.error.issues?.map((issue) => `\n  ${issue.path ? `${issue.path}: ` : ''}${issue.message}`).join('') ?? '';
    throw new CliError(`${result.error.message}${issues}`);
  }
  return result.value as T;
}
