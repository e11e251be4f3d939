// `fulcrum demo`: writes a realistic, deterministic demo workspace.

import { existsSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DEMO_DEFAULTS, DEMO_YEARS, demoToday, generateDemoWorkspace, MAX_DEMO_ACCOUNTS, MAX_DEMO_YEARS, type DemoProgress } from '../../core/demo';
import { CliError, formatCount, requireString, UsageError, type Command, type Io, type OptionValues } from '../command';

function parseAccounts(value: OptionValues[string]): number {
  if (value === undefined) return DEMO_DEFAULTS.accounts;
  const accounts = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || accounts < 1 || accounts > MAX_DEMO_ACCOUNTS) {
    throw new UsageError(`--accounts must be a whole number from 1 to ${formatCount(MAX_DEMO_ACCOUNTS)}, not '${String(value)}'`);
  }
  return accounts;
}

function parseYears(value: OptionValues[string]): number {
  if (value === undefined) return DEMO_YEARS;
  const years = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || years < 1 || years > MAX_DEMO_YEARS) {
    throw new UsageError(`--years must be a whole number from 1 to ${MAX_DEMO_YEARS}, not '${String(value)}'`);
  }
  return years;
}

/** `--seed 42` and `--seed demo-2026` both work; numbers stay numbers so the settings row reads naturally. */
const parseSeed = (value: OptionValues[string]): number | string => (typeof value !== 'string' ? DEMO_DEFAULTS.seed : /^\d+$/.test(value) ? Number(value) : value);

/**
 * Progress on stderr: a terminal gets one line redrawn in place; a log or a pipe gets a line per
 * tenth, so CI output stays short.
 */
function progressPrinter(io: Io, accounts: number): { update(progress: DemoProgress): void; done(): void } {
  let lastTenth = -1;
  let lastDraw = 0;
  return {
    update({ written, total }) {
      const share = Math.min(1, written / total);
      const line = `Generating ${formatCount(accounts)} accounts: ${Math.floor(share * 100)}% (${formatCount(written)} rows)`;
      if (io.errIsTTY) {
        const now = Date.now();
        if (now - lastDraw < 100 && share < 1) return;
        lastDraw = now;
        io.err(`\r${line}\u001b[K`);
      } else if (Math.floor(share * 10) > lastTenth) {
        lastTenth = Math.floor(share * 10);
        io.err(`${line}\n`);
      }
    },
    done() {
      if (io.errIsTTY) io.err('\n');
    },
  };
}

async function run(values: OptionValues, io: Io): Promise<number> {
  const out = resolve(requireString(values, 'out'));
  const accounts = parseAccounts(values.accounts);
  const seed = parseSeed(values.seed);
  const years = parseYears(values.years);
  const today = typeof values.today === 'string' ? values.today : demoToday();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(`${today}T00:00:00Z`))) {
    throw new UsageError(`--today must be a date as YYYY-MM-DD, not '${today}'`);
  }
  if (!existsSync(dirname(out))) throw new CliError(`no such directory: ${dirname(out)}`);
  if (existsSync(out)) {
    if (!values.force) throw new CliError(`${out} already exists; add --force to replace it`);
    if (statSync(out).isDirectory()) throw new CliError(`${out} is a directory`);
    for (const suffix of ['', '-wal', '-shm']) rmSync(out + suffix, { force: true });
  }

  const progress = progressPrinter(io, accounts);
  const summary = await generateDemoWorkspace(out, { accounts, seed, today, years, onProgress: progress.update });
  progress.done();
  const { counts } = summary;
  io.out(
    `Wrote ${out}: ${formatCount(summary.accounts)} accounts, ${formatCount(summary.rows)} rows in ` +
      `${(summary.seconds - summary.derivedSeconds).toFixed(1)} s (${formatCount(summary.rowsPerSecond)} rows/s), ` +
      `metrics rollups built in ${summary.derivedSeconds.toFixed(1)} s; seed ${String(seed)}, today ${today}, ${years} years of history\n`,
  );
  const main = ['contacts', 'touchpoints', 'tickets', 'survey_responses', 'deployments', 'outcomes', 'deals', 'references', 'success_stories'] as const;
  io.out(`  ${main.map((table) => `${table} ${formatCount(counts[table])}`).join(', ')}\n`);
  return 0;
}

export const demoCommand: Command = {
  name: 'demo',
  summary: 'write a realistic, deterministic demo workspace',
  usage: [
    'fulcrum demo --out FILE [--accounts N] [--seed S] [--today YYYY-MM-DD] [--years N] [--force]',
    '',
    `  --out FILE        the workspace file to write`,
    `  --accounts N      how many customer accounts (default ${DEMO_DEFAULTS.accounts}; 20000 gives about two million tickets)`,
    `  --seed S          any number or word; the same seed gives the same workspace (default ${DEMO_DEFAULTS.seed})`,
    `  --today DATE      the reference day the history ends on (default: today)`,
    `  --years N         years of history before it, 1 to ${MAX_DEMO_YEARS} (default ${DEMO_YEARS}; 3 or more gives the churn model a backtest)`,
    '  --force           replace FILE if it exists',
  ].join('\n'),
  options: {
    out: { type: 'string', short: 'o' },
    accounts: { type: 'string', short: 'n' },
    seed: { type: 'string' },
    today: { type: 'string' },
    years: { type: 'string' },
    force: { type: 'boolean', short: 'f' },
  },
  run,
};
