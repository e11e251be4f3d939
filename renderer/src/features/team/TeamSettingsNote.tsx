import type { ReactNode } from 'react';
import { useQuery } from '../../api/useQuery';
import './team.css';

/** Roles the team server lets change the team's settings (hub 0001's permissions: managers; the admin owns the schema). */
const MAY_EDIT = new Set(['manager', 'admin']);

const ROLE_WORDS: Record<string, string> = { csm: 'customer success manager', marketing: 'marketing' };

/** Whether this workspace is in a team and whether this laptop's login may change the team's settings. */
export function useTeamSettings(): { inTeam: boolean; readOnly: boolean; role: string | null } {
  const info = useQuery('team.info', {}, ['team']);
  const data = info.data;
  if (!data?.inTeam) return { inTeam: false, readOnly: false, role: null };
  return { inTeam: true, readOnly: data.role !== null && !MAY_EDIT.has(data.role), role: data.role };
}

/**
 * The Settings screen in a team (issue 19): the workspace's settings (every section below this laptop's
 * own) are the team's, shared with everyone and changed by managers. For a role that may not change them
 * they are read-only here, with the reason in words (the server would refuse the change anyway).
 * Outside a team nothing is shown and nothing changes.
 */
export function TeamSettingsNote({ team }: { team: ReturnType<typeof useTeamSettings> }): ReactNode {
  if (!team.inTeam) return null;
  return (
    <aside className="card team-settings-note" role="note" aria-labelledby="team-settings-note-title" data-testid="team-settings-note">
      <h2 id="team-settings-note-title">Team settings</h2>
      <p>
        This workspace is in a team: health, SLA targets, business hours, customer value, the value map and the reference programme are the team’s settings, shared with everyone on
        the team and changed by managers. Who you are and appearance stay on this laptop.
      </p>
      {team.readOnly ? (
        <p className="muted" data-testid="team-settings-readonly">
          Read-only for you: your role on the team is {ROLE_WORDS[team.role ?? ''] ?? team.role}, and only managers may change team settings (the team server refuses anyone else’s
          change). Ask a manager to change them.
        </p>
      ) : team.role === null ? (
        <p className="muted" data-testid="team-settings-role-unknown">
          Your role on the team is known after the first sync; if it is not a manager’s, the team server refuses changes to these settings.
        </p>
      ) : (
        <p className="muted" data-testid="team-settings-editable">
          As a {team.role === 'admin' ? 'team admin' : 'manager'} you may change them; saved changes reach the team at the next sync.
        </p>
      )}
    </aside>
  );
}
