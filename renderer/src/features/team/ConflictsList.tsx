import { formatDateTime } from '../../../../shared/format/format';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useQuery } from '../../api/useQuery';
import { KIND_LABEL, KIND_SENTENCE, tableInWords, valueInWords, type Conflict } from './teamWords';

function ConflictRow({ conflict, onResolved }: { conflict: Conflict; onResolved: () => void }) {
  // The core announces no change for a resolution: the list and the count read again.
  const resolve = useAction(async (action: 'keep' | 'reverse') => {
    await call('team.conflicts.resolve', { id: conflict.id, action });
    onResolved();
  });
  return (
    <li className="team-conflict" data-testid="team-conflict">
      <div className="team-conflict-head">
        <strong>
          {tableInWords(conflict.table)}
          {conflict.label ? ` “${conflict.label}”` : ''}
          {conflict.field ? ` · ${conflict.field.replace(/_/g, ' ')}` : ''}
        </strong>
        <span className="pill tone-warn">{KIND_LABEL[conflict.kind]}</span>
        <span className="muted">{formatDateTime(conflict.createdAt)}</span>
      </div>
      <p className="team-conflict-kind">{KIND_SENTENCE[conflict.kind]}</p>
      {conflict.kind === 'rejected' ? (
        // A refusal keeps the server's reason, not a second value (shared/contract/team.ts).
        <dl className="team-values">
          <dt>The server said</dt>
          <dd data-testid="team-conflict-reason">{valueInWords(conflict.localValue ?? conflict.remoteValue)}</dd>
        </dl>
      ) : (
        <dl className="team-values">
          <dt>This laptop</dt>
          <dd data-testid="team-conflict-local">{valueInWords(conflict.localValue)}</dd>
          <dt>The team</dt>
          <dd data-testid="team-conflict-remote">{valueInWords(conflict.remoteValue)}</dd>
        </dl>
      )}
      {!conflict.label && <p className="muted team-record">Not on this laptop (record {conflict.gid})</p>}
      {resolve.error && (
        <p className="form-error" role="alert" data-testid="team-conflict-error">
          {resolve.error}
        </p>
      )}
      <div className="card-actions">
        <button type="button" className="button small" disabled={resolve.busy} onClick={() => void resolve.run('keep')} data-testid="team-conflict-keep">
          Keep as merged
        </button>
        <button type="button" className="button small" disabled={resolve.busy} onClick={() => void resolve.run('reverse')} data-testid="team-conflict-reverse">
          Reverse
        </button>
      </div>
    </li>
  );
}

/** The conflicts list (team.conflicts): each with both values in words, its kind in a sentence, Keep / Reverse. */
export function ConflictsList({ onResolved }: { onResolved: () => void }) {
  const conflicts = useQuery('team.conflicts', {}, ['team']);
  return (
    <section className="card" aria-labelledby="team-conflicts-title" data-testid="team-conflicts">
      <h2 id="team-conflicts-title">Conflicts</h2>
      {conflicts.error ? (
        <p className="form-error" role="alert">
          The conflicts could not be read: {conflicts.error.message}
        </p>
      ) : !conflicts.data ? (
        <p className="muted">Loading conflicts…</p>
      ) : conflicts.data.conflicts.length === 0 ? (
        <p className="muted" data-testid="team-conflicts-empty">
          No conflicts. When a change of yours loses a merge or the server refuses it, it is listed here to keep or reverse.
        </p>
      ) : (
        <ul className="team-conflicts">
          {conflicts.data.conflicts.map((c) => (
            <ConflictRow
              key={c.id}
              conflict={c}
              onResolved={() => {
                conflicts.reload();
                onResolved();
              }}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
