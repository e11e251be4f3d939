import { useEffect, useState } from 'react';
import { formatDateTime } from '../../../../shared/format/format';
import { SHARED_DOMAINS } from '../../../../shared/team';
import type { TeamHostStatus } from '../../../../shared/teamHost';
import { useAction } from '../../api/useAction';
import { useJob } from '../../api/useJob';
import { useLoader, useQuery } from '../../api/useQuery';
import { JobProgress } from '../../components/JobProgress';
import { ConflictsList } from './ConflictsList';
import { TeamMembers } from './TeamMembers';
import { TeamSetup } from './TeamSetup';
import { connectTeam, forgetConnection, setSchedule, syncNow, teamStatus } from './teamHost';
import { SYNC_PHASES, syncProblem } from './teamWords';
import './team.css';

const ROLE_WORDS = { csm: 'Customer success manager', marketing: 'Marketing', manager: 'Manager', admin: 'The team’s admin' } as const;

function SyncState({ status, reloadStatus, revision }: { status: TeamHostStatus; reloadStatus: () => void; revision: number }) {
  // Every write to a shared table changes the pending count: the state reloads on their domains' events too.
  const info = useQuery('team.info', {}, ['team', ...SHARED_DOMAINS]);
  const { reload } = info;
  // A conflict resolved below changes the count shown here.
  useEffect(() => reload(), [revision, reload]);
  const [password, setPassword] = useState('');
  const [server, setServer] = useState('');
  const sync = useAction(async () => {
    try {
      if (!status.connection) await connectTeam({ server, keep: status.keyring === 'os' ? 'keychain' : 'session' });
      else await syncNow(status.connection.needsPassword ? password : undefined);
    } finally {
      info.reload();
      reloadStatus();
    }
  });
  const schedule = useAction(async (minutes: number) => {
    await setSchedule(minutes);
    reloadStatus();
  });
  const forget = useAction(async () => {
    await forgetConnection();
    reloadStatus();
  });
  // A sync asked for here is a job (bar and Cancel); the schedule's is quiet and shows as "Syncing…" only.
  const job = useJob('team.sync', sync.busy);
  if (!info.data) return <p className="muted">Loading the sync state…</p>;
  const data = info.data;
  const last = data.lastSync;
  const running = sync.busy || data.syncingSince !== null;
  return (
    <section className="card" aria-labelledby="team-state-title" data-testid="team-state">
      <h2 id="team-state-title">Sync</h2>
      <dl className="team-facts">
        <dt>Team</dt>
        <dd data-testid="team-id">{data.teamId}</dd>
        <dt>This laptop</dt>
        <dd data-testid="team-role">
          {data.role ? ROLE_WORDS[data.role] : 'Role not known yet (shown after the first sync)'}
          {data.member ? ` · ${data.member}` : ''}
          {data.joinedAs === 'creator' ? ' · created the team' : ' · joined the team'}
        </dd>
        <dt>Server</dt>
        <dd>
          {status.connection
            ? `${status.connection.address} (${status.connection.kept === 'keychain' ? 'kept in the keychain' : 'password asked each start'})`
            : 'Not kept on this laptop'}
        </dd>
        <dt>Last sync</dt>
        <dd data-testid="team-last-sync">
          {!last
            ? 'Never synced from this laptop'
            : last.ok
              ? `${formatDateTime(last.at)}: sent ${last.pushed}, received ${last.pulled}${last.rejected ? `, ${last.rejected} refused` : ''}`
              : `${formatDateTime(last.at)}: failed`}
        </dd>
        <dt>Pending changes</dt>
        <dd data-testid="team-pending">
          {data.pendingChanges === 0 ? 'None: everything made here is on the server' : `${data.pendingChanges.toLocaleString()} waiting to be sent`}
        </dd>
        <dt>Conflicts</dt>
        <dd data-testid="team-conflict-count">{data.openConflicts === 0 ? 'None' : `${data.openConflicts} to review below`}</dd>
      </dl>
      {last && !last.ok && last.error && (
        <p className="form-error" role="status" data-testid="team-last-error">
          {syncProblem(last.error)}
        </p>
      )}
      {!status.connection && (
        <div className="field wide">
          <label htmlFor="team-connect-server">Server connection string</label>
          <input
            id="team-connect-server"
            className="input"
            type="password"
            autoComplete="off"
            value={server}
            onChange={(e) => setServer(e.target.value)}
            data-testid="team-connect-server"
          />
          <span className="field-hint">This laptop does not keep the team server’s connection: enter it to sync.</span>
        </div>
      )}
      {status.connection?.needsPassword && (
        <div className="field">
          <label htmlFor="team-password">Password for {status.connection.address}</label>
          <input
            id="team-password"
            className="input"
            type="password"
            autoComplete="off"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            data-testid="team-password"
          />
        </div>
      )}
      {sync.error && (
        <p className="form-error" role="alert" data-testid="team-sync-error">
          {syncProblem(sync.failure?.error ?? { code: 'INTERNAL', message: sync.error })}
        </p>
      )}
      <div className="card-actions">
        <button type="button" className="button primary" disabled={running} onClick={() => void sync.run()} data-testid="team-sync-now">
          {running ? 'Syncing…' : 'Sync now'}
        </button>
        {running && !sync.busy && !job.elsewhere && (
          <span className="muted" role="status" data-testid="team-syncing">
            Sending this laptop’s changes, then receiving the team’s…
          </span>
        )}
        <label className="team-schedule">
          Sync every{' '}
          <select className="select" value={status.minutes} onChange={(e) => void schedule.run(Number(e.target.value))} data-testid="team-schedule">
            {[0, 1, 5, 15, 30, 60].map((m) => (
              <option key={m} value={m}>
                {m === 0 ? 'never (on open and on demand)' : `${m} min`}
              </option>
            ))}
          </select>
        </label>
        {status.connection && (
          <button type="button" className="button small" onClick={() => void forget.run()} data-testid="team-forget">
            Forget the password
          </button>
        )}
      </div>
      {(sync.busy || job.elsewhere) && <JobProgress label="Syncing with the team" job={job} describe={(phase) => SYNC_PHASES[phase] ?? phase} testId="team-sync-progress" />}
    </section>
  );
}

/** File → Team: not in a team, create or join; in a team, the sync state and the conflicts list. */
export function TeamScreen() {
  const info = useQuery('team.info', {}, ['team']);
  const status = useLoader('status', teamStatus, ['team']);
  const [revision, setRevision] = useState(0);
  return (
    <section className="screen team" data-testid="team" aria-labelledby="team-title">
      <header className="screen-header">
        <div>
          <h1 id="team-title">Team</h1>
          <p className="subtitle">
            Share this workspace’s reference programme with your team through a PostgreSQL server; each laptop keeps working offline and syncs when it can.
          </p>
        </div>
      </header>
      {info.error || status.error ? (
        <p className="form-error" role="alert" data-testid="team-error">
          The team state could not be read: {(info.error ?? status.error)!.message}
        </p>
      ) : !info.data || !status.data ? (
        <p className="muted">Loading…</p>
      ) : !info.data.inTeam ? (
        <TeamSetup
          status={status.data}
          onDone={() => {
            info.reload();
            status.reload();
          }}
        />
      ) : (
        <>
          <SyncState status={status.data} reloadStatus={status.reload} revision={revision} />
          <TeamMembers status={status.data} admin={info.data.role === 'admin'} />
          <ConflictsList onResolved={() => setRevision((r) => r + 1)} />
        </>
      )}
    </section>
  );
}
