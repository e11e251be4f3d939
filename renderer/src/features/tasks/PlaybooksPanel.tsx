import { useState } from 'react';
import { CTA_RULE_LABELS } from '../../../../shared/contract/ctas';
import type { Playbook } from '../../../../shared/contract/playbooks';
import { call } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { PlaybookDialog } from './PlaybookDialog';

/** Playbooks: each one's rule and steps, with edit, new and archive (confirmed). */
export function PlaybooksPanel() {
  const list = useQuery('playbooks.list', {}, ['playbooks']);
  const [editing, setEditing] = useState<Playbook | 'new'>();
  const [archiving, setArchiving] = useState<Playbook>();
  return (
    <div className="playbooks" data-testid="playbooks">
      <div className="toolbar">
        <span className="muted" role="status">
          {list.data ? `${list.data.length} playbook${list.data.length === 1 ? '' : 's'}` : 'Loading…'}
        </span>
        <span className="spacer" />
        <button type="button" className="button primary" onClick={() => setEditing('new')} data-testid="playbook-new">
          New playbook
        </button>
      </div>
      {list.error && (
        <p className="form-error" role="alert">
          {list.error.message}
        </p>
      )}
      {list.data?.length === 0 && (
        <div className="empty-state">
          <p>No playbook. A playbook is an ordered list of tasks with due days, opened by a rule or applied to an account by hand.</p>
        </div>
      )}
      {list.data?.map((playbook) => (
        <section key={playbook.id} className="card" data-testid="playbook-card" data-playbook-id={playbook.id}>
          <header className="card-header">
            <div>
              <h3 className="card-title">{playbook.name}</h3>
              <p className="card-subtitle">{playbook.opensOn ? `Opens on: ${CTA_RULE_LABELS[playbook.opensOn]}` : 'Applied by hand only'}</p>
            </div>
            <span className="spacer" />
            <button type="button" className="button small" onClick={() => setEditing(playbook)} data-testid="playbook-edit">
              Edit
            </button>
            <button type="button" className="button small" onClick={() => setArchiving(playbook)} data-testid="playbook-archive">
              Archive
            </button>
          </header>
          {playbook.description && <p className="muted">{playbook.description}</p>}
          <ol className="playbook-step-list">
            {playbook.steps.map((step, i) => (
              <li key={i}>
                <span className="muted small">Day {step.day}:</span> {step.title}
              </li>
            ))}
          </ol>
        </section>
      ))}
      {editing && <PlaybookDialog playbook={editing === 'new' ? undefined : editing} onClose={() => setEditing(undefined)} />}
      {archiving && (
        <ConfirmDialog
          title={`Archive “${archiving.name}”?`}
          confirm="Archive"
          danger
          testId="playbook-archive-confirm"
          onClose={() => setArchiving(undefined)}
          onConfirm={async () => {
            await call('playbooks.archive', { id: archiving.id });
            setArchiving(undefined);
          }}
        >
          {archiving.opensOn ? `Calls to action for “${CTA_RULE_LABELS[archiving.opensOn]}” will open without tasks until another playbook opens on that rule. ` : ''}
          Tasks it already created stay.
        </ConfirmDialog>
      )}
    </div>
  );
}
