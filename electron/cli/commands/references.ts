// `fulcrum references match`: the finder from the command line, through the core's own
// `leverage.match` channel. With --json the output is exactly the channel's result.

import { REFERENCE_ACTIVITIES } from '../../../shared/contract/common';
import type { MatchResult } from '../../../shared/contract/leverage';
import { CliError, dateOption, requireString, UsageError, type Command, type Io, type OptionValues } from '../command';
import { openExisting } from './workspaceFile';

function dealOption(values: OptionValues): number {
  const text = requireString(values, 'deal');
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new UsageError(`--deal must be a deal id (a whole number), not '${text}'`);
  return Number(text);
}

function activityOption(values: OptionValues): string {
  const activity = values.activity ?? 'reference_call';
  if (typeof activity !== 'string' || !(REFERENCE_ACTIVITIES as readonly string[]).includes(activity)) {
    throw new UsageError(`--activity must be one of ${REFERENCE_ACTIVITIES.join(', ')}, not '${String(activity)}'`);
  }
  return activity;
}

function printSummary(m: MatchResult, io: Io): void {
  io.out(`${m.profile.prospect ?? 'Profile'}: ${m.eligible} of ${m.pool} references can take a ${m.activity.replace(/_/g, ' ')} on ${m.neededOn}\n`);
  for (const r of m.ranked) {
    io.out(`${String(r.rank).padStart(3)}. ${r.accountName}  ${Math.round(r.score)}/100  ${r.reasons.join('; ')}\n`);
  }
  if (m.excluded.length) io.out('Excluded:\n');
  for (const e of m.excluded) io.out(`     ${e.accountName}  [${e.gate}] ${e.reason}\n`);
}

async function run(values: OptionValues, io: Io, positionals: string[] = []): Promise<number> {
  const [action, ...extra] = positionals;
  if (action !== 'match') throw new UsageError(action === undefined ? 'say what to do: match' : `unknown action '${action}'; the action is match`);
  if (extra.length) throw new UsageError(`unexpected '${extra.join(' ')}'`);
  const input = { dealId: dealOption(values), activity: activityOption(values) };
  const today = dateOption(values, 'today');
  const core = await openExisting(values, today ? { now: new Date(`${today}T12:00:00Z`) } : {});
  try {
    const result = await core.dispatch('leverage.match', input);
    if (!result.ok) throw new CliError(result.error.message);
    const match = result.value as MatchResult;
    if (values.json) io.out(`${JSON.stringify(match, null, 2)}\n`);
    else printSummary(match, io);
    return 0;
  } finally {
    await core.close();
  }
}

export const referencesCommand: Command = {
  name: 'references',
  summary: 'rank the references for a deal (the finder), with the excluded ones and why',
  usage: [
    'fulcrum references match --db FILE --deal ID [--activity reference_call] [--today DATE] [--json]',
    '',
    '  --deal ID        the deal (deals.id) to find references for',
    `  --activity A     one of ${REFERENCE_ACTIVITIES.join(', ')} (default reference_call)`,
    "  --today DATE     the day to compute 'now' from (default: today), for reproducible output",
    '  --json           print the leverage.match result as JSON',
  ].join('\n'),
  options: { db: { type: 'string' }, deal: { type: 'string' }, activity: { type: 'string' }, today: { type: 'string' }, json: { type: 'boolean', default: false } },
  allowPositionals: true,
  run,
};
