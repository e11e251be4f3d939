import { useState, type FormEvent } from 'react';
import type { TeamHostStatus } from '../../../../shared/teamHost';
import { useAction } from '../../api/useAction';
import { useLoader } from '../../api/useQuery';
import { MembersList, type TeamMember } from './MembersList';
import { addTeamMember, teamMembers } from './teamHost';

const ROLES: { value: TeamMember['role']; label: string }[] = [
  { value: 'csm', label: 'Customer success manager' },
  { value: 'marketing', label: 'Marketing' },
  { value: 'manager', label: 'Manager' },
];

/** The add form: only the team's admin may add (the core refuses anyone else before the server would). */
function AddMember({ onAdded }: { onAdded: () => void }) {
  const [form, setForm] = useState({ login: '', displayName: '', role: 'csm' as TeamMember['role'], password: '' });
  const add = useAction(async () => {
    const member = await addTeamMember(form);
    setForm({ login: '', displayName: '', role: 'csm', password: '' });
    onAdded();
    return member;
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void add.run();
  };
  const field = (key: 'login' | 'displayName' | 'password') => ({
    id: `team-member-${key}`,
    className: 'input',
    value: form[key],
    onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value })),
    'data-testid': `team-member-${key}`,
  });
  return (
    <form className="team-add-member" onSubmit={submit} aria-labelledby="team-add-member-title" data-testid="team-add-member">
      <h3 id="team-add-member-title">Add a member</h3>
      <div className="team-member-fields">
        <div className="field">
          <label htmlFor="team-member-displayName">Name (as owner fields show it)</label>
          <input {...field('displayName')} required />
        </div>
        <div className="field">
          <label htmlFor="team-member-login">Login on the server</label>
          <input {...field('login')} autoComplete="off" required />
        </div>
        <div className="field">
          <label htmlFor="team-member-role">Role</label>
          <select
            id="team-member-role"
            className="select"
            value={form.role}
            onChange={(e) => setForm((f) => ({ ...f, role: e.target.value as TeamMember['role'] }))}
            data-testid="team-member-role"
          >
            {ROLES.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="team-member-password">First password (8 characters or more)</label>
          <input {...field('password')} type="password" autoComplete="new-password" required minLength={8} />
        </div>
      </div>
      {add.error && (
        <p className="form-error" role="alert" data-testid="team-add-member-error">
          The member was not added: {add.error}
        </p>
      )}
      <div className="card-actions">
        <button type="submit" className="button" disabled={add.busy} data-testid="team-add-member-submit">
          {add.busy ? 'Adding…' : 'Add member'}
        </button>
      </div>
    </form>
  );
}

/**
 * The team's members on the Team screen (from the server, through the host, which adds the kept
 * connection): who is in the team and their role. The team's admin adds members here; others read.
 */
export function TeamMembers({ status, admin }: { status: TeamHostStatus; admin: boolean }) {
  // Loaded only when the host can reach the server without asking (else the Sync card asks for the password first).
  const known = status.connection !== null && !status.connection.needsPassword;
  const members = useLoader(known ? 'members' : undefined, teamMembers, ['team']);
  return (
    <section className="card" aria-labelledby="team-members-title" data-testid="team-members-card">
      <h2 id="team-members-title">Members</h2>
      {!known ? (
        <p className="muted" data-testid="team-members-unknown">
          The members are read from the team server: enter its password under Sync to see them.
        </p>
      ) : (
        <MembersList members={members.data?.members} error={members.error?.message ?? null} />
      )}
      {known && admin ? (
        <AddMember onAdded={members.reload} />
      ) : (
        known && (
          <p className="muted small" data-testid="team-members-readonly">
            Only the team’s admin (the login that created the team) adds members.
          </p>
        )
      )}
    </section>
  );
}
