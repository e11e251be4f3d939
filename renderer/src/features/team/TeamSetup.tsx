import { useState } from 'react';
import type { TeamHostStatus } from '../../../../shared/teamHost';
import { hasFileDialogs } from '../../api/host';
import { useAction } from '../../api/useAction';
import { createTeam, joinTeam } from './teamHost';

/** How the password is kept: the keychain (asked first where it is only a fixed key) or this session only. */
function KeepChoice({
  status,
  keep,
  setKeep,
  plainOk,
  setPlainOk,
  prefix,
}: {
  status: TeamHostStatus;
  keep: 'keychain' | 'session';
  setKeep: (k: 'keychain' | 'session') => void;
  plainOk: boolean;
  setPlainOk: (v: boolean) => void;
  prefix: string;
}) {
  if (status.keyring === 'none')
    return (
      <p className="field-hint" data-testid={`${prefix}-keep-none`}>
        This Fulcrum keeps the password only until it quits; you enter it again at the next start.
      </p>
    );
  return (
    <fieldset className="team-keep">
      <legend>Keep the password</legend>
      <label>
        <input type="radio" name={`${prefix}-keep`} checked={keep === 'keychain'} onChange={() => setKeep('keychain')} /> In this computer’s keychain
      </label>
      <label>
        <input type="radio" name={`${prefix}-keep`} checked={keep === 'session'} onChange={() => setKeep('session')} /> Ask me each time Fulcrum starts
      </label>
      {status.keyring === 'basic_text' && keep === 'keychain' && (
        <label className="team-warning" data-testid={`${prefix}-plain`}>
          <input type="checkbox" checked={plainOk} onChange={(e) => setPlainOk(e.target.checked)} /> This system has no keyring: the password would be kept under a fixed key that
          anyone who can read your files can undo. Keep it anyway.
        </label>
      )}
    </fieldset>
  );
}

function ConnectForm({ kind, status, onDone }: { kind: 'create' | 'join'; status: TeamHostStatus; onDone: () => void }) {
  const [server, setServer] = useState('');
  const [keep, setKeep] = useState<'keychain' | 'session'>(status.keyring === 'none' ? 'session' : 'keychain');
  const [plainOk, setPlainOk] = useState(false);
  const [done, setDone] = useState<string>();
  const action = useAction(async () => {
    const input = { server, keep: status.keyring === 'none' ? ('session' as const) : keep, ...(plainOk ? { plainTextOk: true } : {}) };
    const result = kind === 'create' ? await createTeam(input) : await joinTeam(input);
    setDone(`${kind === 'create' ? 'Uploaded' : 'Received'} ${result.rows.toLocaleString()} records.`);
    // The core announces no change for a create or join: the screen reads the team state again.
    onDone();
  });
  const id = `team-${kind}`;
  return (
    <form
      className="card team-form"
      data-testid={id}
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        void action.run();
      }}
    >
      <h2 id={`${id}-title`}>{kind === 'create' ? 'Create a team from this workspace' : 'Join a team'}</h2>
      {kind === 'create' ? (
        <p>
          Uploads this workspace’s shared records to your team’s PostgreSQL server: accounts, contacts, touchpoints, tickets, survey answers, deployments, outcomes, deals,
          references, consents, requests, stories, personas, journey maps, tasks, playbooks, plans and goals. <strong>Never leaves this laptop:</strong> consultants’ assessments,
          records marked local-only, and what Fulcrum derives (health, rollups), which each laptop rebuilds.
        </p>
      ) : (
        <p>
          {hasFileDialogs()
            ? 'Makes a new workspace file from the team’s server: you choose where to save it, and Fulcrum opens it. This workspace stays as it is.'
            : 'Fills this new, empty workspace from the team’s server (a workspace with records cannot join).'}
        </p>
      )}
      <div className="field wide">
        <label htmlFor={`${id}-server`}>Server connection string</label>
        <input
          id={`${id}-server`}
          className="input"
          type="password"
          autoComplete="off"
          placeholder="postgres://you@server:5432/team"
          value={server}
          onChange={(e) => setServer(e.target.value)}
          data-testid={`${id}-server`}
        />
        <span className="field-hint">Your own login on the team’s server. Fulcrum never writes it into the workspace.</span>
      </div>
      <KeepChoice status={status} keep={keep} setKeep={setKeep} plainOk={plainOk} setPlainOk={setPlainOk} prefix={id} />
      {action.error && (
        <p className="form-error" role="alert" data-testid={`${id}-error`}>
          {action.error}
        </p>
      )}
      {done && (
        <p className="notice" role="status">
          {done}
        </p>
      )}
      <div className="card-actions">
        <button type="submit" className="button primary" disabled={action.busy || server.trim() === ''} data-testid={`${id}-submit`}>
          {action.busy ? (kind === 'create' ? 'Uploading…' : 'Joining…') : kind === 'create' ? 'Create the team' : hasFileDialogs() ? 'Choose where to save…' : 'Join'}
        </button>
      </div>
    </form>
  );
}

/** Not in a team yet: create one from this workspace, or join one. */
export function TeamSetup({ status, onDone }: { status: TeamHostStatus; onDone: () => void }) {
  return (
    <div className="team-setup" data-testid="team-setup">
      <p className="empty-hint">This workspace is not in a team. It works on this laptop alone until you create or join one.</p>
      <ConnectForm kind="create" status={status} onDone={onDone} />
      <ConnectForm kind="join" status={status} onDone={onDone} />
    </div>
  );
}
