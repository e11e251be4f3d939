// `fulcrum help [command]`. Given the command list by the router, so it never imports the
// router back.

import type { Command } from '../command';

export function generalUsage(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return [
    'Usage: fulcrum <command> [options]',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    "Run 'fulcrum help <command>' for a command's options.",
  ].join('\n');
}

export function commandUsage(command: Command): string {
  return `Usage: ${command.usage}`;
}

export function createHelpCommand(commands: () => readonly Command[]): Command {
  return {
    name: 'help',
    summary: "show this help, or a command's options",
    usage: 'fulcrum help [command]',
    options: {},
    allowPositionals: true,
    async run(_values, io, positionals = []) {
      const [topic] = positionals;
      const command = commands().find((candidate) => candidate.name === topic);
      if (topic !== undefined && !command) {
        io.err(`fulcrum: unknown command '${topic}'\n\n${generalUsage(commands())}\n`);
        return 2;
      }
      io.out(`${command ? commandUsage(command) : generalUsage(commands())}\n`);
      return 0;
    },
  };
}
