import type { ParsedInput } from '../../../shared/contract';
import type { Context } from '../context';
import type { ChannelsOf, Handlers } from '../handlerTypes';
import { listConflicts, resolveConflict } from './conflicts';
import { createTeam } from './init';
import { teamInfo } from './info';
import { joinTeam } from './join';
import { addMember, listMembers } from './members';
import { assessmentSharing, shareAssessment } from './shareAssessment';
import { syncAndRecord } from './syncState';

/** The team workspace (issue 19, docs/team.md). */
export const teamHandlers = {
  'team.create': (input: ParsedInput<'team.create'>, ctx: Context) => createTeam(ctx, input.server),
  'team.join': (input: ParsedInput<'team.join'>, ctx: Context) => joinTeam(ctx, input.server),
  // Through the sync state: its outcome recorded, never two at once (syncState.ts).
  'team.sync': (input: ParsedInput<'team.sync'>, ctx: Context) => syncAndRecord(ctx, input.server, input.quiet === true),
  'team.info': (input: ParsedInput<'team.info'>, ctx: Context) => teamInfo(ctx, input.hashes === true),
  'team.conflicts': (input: ParsedInput<'team.conflicts'>, ctx: Context) => listConflicts(ctx, input),
  'team.conflicts.resolve': (input: ParsedInput<'team.conflicts.resolve'>, ctx: Context) => resolveConflict(ctx, input),
  'team.members': (input: ParsedInput<'team.members'>) => listMembers(input.server),
  'team.addMember': (input: ParsedInput<'team.addMember'>) => addMember(input),
  'team.shareAssessment': (input: ParsedInput<'team.shareAssessment'>, ctx: Context) => shareAssessment(ctx, input.id),
  'team.assessmentSharing': (input: ParsedInput<'team.assessmentSharing'>, ctx: Context) => assessmentSharing(ctx, input.id),
} satisfies Handlers<ChannelsOf<'team'>>;
