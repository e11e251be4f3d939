import type { ParsedInput } from '../../../shared/contract';
import type { Context } from '../context';
import type { ChannelsOf, Handlers } from '../handlerTypes';
import { listConflicts, resolveConflict } from './conflicts';
import { createTeam } from './init';
import { teamInfo } from './info';
import { joinTeam } from './join';
import { syncTeam } from './sync';

/** The team workspace (issue 19, docs/team.md). */
export const teamHandlers = {
  'team.create': (input: ParsedInput<'team.create'>, ctx: Context) => createTeam(ctx, input.server),
  'team.join': (input: ParsedInput<'team.join'>, ctx: Context) => joinTeam(ctx, input.server),
  'team.sync': (input: ParsedInput<'team.sync'>, ctx: Context) => syncTeam(ctx, input.server),
  'team.info': (input: ParsedInput<'team.info'>, ctx: Context) => teamInfo(ctx, input.hashes === true),
  'team.conflicts': (input: ParsedInput<'team.conflicts'>, ctx: Context) => listConflicts(ctx, input),
  'team.conflicts.resolve': (input: ParsedInput<'team.conflicts.resolve'>, ctx: Context) => resolveConflict(ctx, input),
} satisfies Handlers<ChannelsOf<'team'>>;
