import type { Output } from '../../../../shared/contract';

/** A member as `team.members` lists them (from the team server). */
export type TeamMember = Output<'team.members'>['members'][number];

const ROLE_LABEL: Record<TeamMember['role'], string> = { csm: 'Customer success manager', marketing: 'Marketing', manager: 'Manager' };

/**
 * The team's members for the Team screen (issue 19): display name (what owner fields say), login and
 * role, sorted as the server sends them (by name). Presentational: the screen loads `team.members`
 * through its host (which adds the kept server) and passes the answer, or the error, here.
 */
export function MembersList({ members, error, me }: { members: TeamMember[] | undefined; error?: string | null; me?: string | null }) {
  if (error)
    return (
      <p className="error" role="alert" data-testid="team-members-error">
        The members could not be read from the team server: {error}
      </p>
    );
  if (!members)
    return (
      <p className="muted" aria-busy="true">
        Loading members…
      </p>
    );
  if (members.length === 0)
    return (
      <p className="empty-state" data-testid="team-members-empty">
        No members yet. The team’s admin adds each person with a login, the name owner fields use, and a role.
      </p>
    );
  return (
    <table className="mini-table" data-testid="team-members">
      <caption className="visually-hidden">Team members</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Login</th>
          <th scope="col">Role</th>
        </tr>
      </thead>
      <tbody>
        {members.map((member) => (
          <tr key={member.login} data-testid="team-member">
            <td>
              {member.displayName}
              {me === member.login && <span className="muted"> (you)</span>}
            </td>
            <td>
              <code>{member.login}</code>
            </td>
            <td>{ROLE_LABEL[member.role]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
