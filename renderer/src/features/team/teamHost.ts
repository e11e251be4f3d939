import type { Output } from '../../../../shared/contract';
import { TEAM_HOST, type TeamAddMemberInput, type TeamConnectInput, type TeamHostStatus } from '../../../../shared/teamHost';
import { ApiError } from '../../api/client';
import { send } from '../../api/transport';

// The host's team channels (shared/teamHost.ts): the connection string goes to the host once, as the
// user typed it, and never comes back; Sync now asks the host, which adds the server it keeps.

async function host<T>(channel: string, input: unknown = {}): Promise<T> {
  const result = await send(channel, input);
  if (!result.ok) throw new ApiError(result.error);
  return result.value as T;
}

export const teamStatus = () => host<TeamHostStatus>(TEAM_HOST.status);
export const createTeam = (input: TeamConnectInput) => host<{ teamId: string; rows: number }>(TEAM_HOST.create, input);
export const joinTeam = (input: TeamConnectInput) => host<{ teamId: string; rows: number }>(TEAM_HOST.join, input);
export const connectTeam = (input: TeamConnectInput) => host<{ pushed: number; pulled: number }>(TEAM_HOST.connect, input);
export const syncNow = (password?: string) => host<{ pushed: number; rejected: number; pulled: number; pending: number }>(TEAM_HOST.sync, password ? { password } : {});
export const forgetConnection = () => host<{ forgotten: boolean }>(TEAM_HOST.forget);
export const setSchedule = (minutes: number) => host<{ minutes: number }>(TEAM_HOST.schedule, { minutes });
export const teamMembers = () => host<Output<'team.members'>>(TEAM_HOST.members);
export const addTeamMember = (input: TeamAddMemberInput) => host<Output<'team.addMember'>>(TEAM_HOST.addMember, input);
