// What a `fulcrum` command is, and the two ways one fails: a usage mistake (exit 2, with the
// usage) or a problem the user can act on (exit 1, one line).

import type { ParseArgsConfig } from 'node:util';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Whether stderr is a terminal: progress then redraws one line instead of printing many. */
  errIsTTY: boolean;
}

/** As parseArgs returns them; options declared `multiple` (metrics --segment) give arrays. */
export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The synopsis and option descriptions shown by `fulcrum help <command>` and on a usage error. */
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Whether bare words after the command are accepted (only `help <command>` so far). */
  allowPositionals?: boolean;
  run(values: OptionValues, io: Io, positionals?: string[]): Promise<number>;
}

/** A mistake in how the command was called: the router prints it with the usage and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Something the user can fix (a missing file, a file that is not a workspace): one line, exit 1. */
export class CliError extends Error {
  override name = 'CliError';
}

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export const formatCount = (n: number) => n.toLocaleString('en-US');

/** A date option as YYYY-MM-DD, or undefined when not given; anything else is a usage error naming it. */
export function dateOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new UsageError(`--${name} must be a date as YYYY-MM-DD, not '${String(value)}'`);
  }
  return value;
}

/** The value of a required string option, or a usage error naming it. */
export function requireString(values: OptionValues, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} is required`);
  return value;
}
