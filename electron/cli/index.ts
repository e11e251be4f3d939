// The `fulcrum` command: a small router over one file per command. Built to out/main/cli.js
// (electron.vite.config.ts) and run by the npm bin (bin.cjs), which `npm run demo` uses too. Later
// commands are one more file in commands/ and one more entry below.

import { parseArgs } from 'node:util';
import { CliError, EXIT, UsageError, type Command, type Io } from './command';
import { backupCommand } from './commands/backup';
import { demoCommand } from './commands/demo';
import { exportCommand } from './commands/export';
import { commandUsage, createHelpCommand, generalUsage } from './commands/help';
import { importCommand } from './commands/import';
import { infoCommand } from './commands/info';
import { metricsCommand } from './commands/metrics';
import { newCommand } from './commands/new';
import { referencesCommand } from './commands/references';
import { teamCommand } from './commands/team';

const helpCommand = createHelpCommand(() => COMMANDS);
const COMMANDS: readonly Command[] = [
  newCommand,
  demoCommand,
  infoCommand,
  metricsCommand,
  importCommand,
  exportCommand,
  backupCommand,
  referencesCommand,
  teamCommand,
  helpCommand,
];

/** Runs one command line and returns the exit code; never throws, never exits the process. */
export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.err(`${generalUsage(COMMANDS)}\n`);
    return EXIT.usage;
  }
  if (name === '--help' || name === '-h') return helpCommand.run({}, io, []);
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    io.err(`fulcrum: unknown command '${name}'\n\n${generalUsage(COMMANDS)}\n`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${commandUsage(command)}\n`);
    return EXIT.ok;
  }

  try {
    const { values, positionals } = parseArgs({
      args: [...rest],
      options: command.options,
      allowPositionals: command.allowPositionals ?? false,
      strict: true,
    });
    return await command.run(values, io, positionals);
  } catch (error) {
    const code = (error as { code?: string }).code;
    // parseArgs reports unknown flags, missing values and stray words with ERR_PARSE_ARGS_* codes.
    if (error instanceof UsageError || code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`fulcrum ${command.name}: ${(error as Error).message}\n\n${commandUsage(command)}\n`);
      return EXIT.usage;
    }
    // CliError and the core's CoreError (NOT_A_WORKSPACE, NEWER_WORKSPACE) carry messages meant
    // for the user; anything else is still one line, with the stack on request.
    const message = error instanceof Error ? error.message : String(error);
    io.err(`fulcrum ${command.name}: ${message}\n`);
    if (!(error instanceof CliError) && process.env.FULCRUM_DEBUG && error instanceof Error) io.err(`${error.stack}\n`);
    return EXIT.failed;
  }
}

export function main(): void {
  const io: Io = {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    errIsTTY: Boolean(process.stderr.isTTY),
  };
  runCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`fulcrum: ${String(error)}\n`);
      process.exitCode = EXIT.failed;
    },
  );
}

// Run when started directly (node out/main/cli.js); bin.cjs calls main() itself.
if (require.main === module) main();
